using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using Dapper;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>The roster list (花名册): paging, search, filters and scope.</summary>
[TestFixture]
public sealed class RosterListTests
{
    private const string StreetPath = "/310000/310106/310106021/%";

    private CwHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;
    private Guid _community;
    private Guid _otherStreet;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _community = await OrgTree.IdByCode(_admin, "310106021003");
        _otherStreet = await OrgTree.IdByCode(_admin, OtherStreetCode);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        foreach (var client in new[] { _admin, _hr, _leader, _worker })
        {
            client.Dispose();
        }
        _host.Dispose();
    }

    [Test]
    public async Task Pages_hold_page_size_items_without_overlap_and_report_the_total()
    {
        var first = await _hr.GetJson("/api/staffing/workers?pageSize=10&page=1");
        var second = await _hr.GetJson("/api/staffing/workers?pageSize=10&page=2");

        var expected = await _host.Scalar<long>(
            "SELECT COUNT(*) FROM staffing_workers w JOIN staffing_org_units u ON u.id = w.org_unit_id WHERE u.path LIKE @P AND w.status <> 'left'",
            new { P = StreetPath });
        Assert.That(first.GetProperty("total").GetInt32(), Is.EqualTo(expected));
        Assert.That(expected, Is.GreaterThan(250));
        Assert.That(first.Items().Count(), Is.EqualTo(10));
        Assert.That(second.Items().Count(), Is.EqualTo(10));
        Assert.That(second.GetProperty("page").GetInt32(), Is.EqualTo(2));
        Assert.That(first.Items().Select(i => i.Id()).Intersect(second.Items().Select(i => i.Id())), Is.Empty);
        Assert.That(first.Items().Select(i => i.Str("idNumberMasked")), Has.All.Contains("**********"));
    }

    [Test]
    public async Task Search_finds_a_worker_by_a_fragment_of_the_name()
    {
        var body = WorkerBody(_community);
        var name = (string)body["name"]!;
        var worker = await CreateWorker(_hr, body);

        var page = await _hr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(name[1..^1])}");

        Assert.That(page.Items().Select(i => i.Id()), Is.EqualTo(new[] { worker.Id() }));
    }

    [Test]
    public async Task Search_finds_a_worker_by_the_start_of_the_staff_number_only()
    {
        var staffNo = $"QZ{Next():D5}";
        var body = WorkerBody(_community);
        body["staffNo"] = staffNo;
        var worker = await CreateWorker(_hr, body);

        var byPrefix = await _hr.GetJson($"/api/staffing/workers?q={staffNo[..5]}");
        var byMiddle = await _hr.GetJson($"/api/staffing/workers?q={staffNo[1..5]}");

        Assert.That(byPrefix.Items().Select(i => i.Id()), Is.EqualTo(new[] { worker.Id() }));
        Assert.That(byMiddle.Items().Select(i => i.Id()), Does.Not.Contain(worker.Id()));
    }

    [Test]
    public async Task Search_finds_a_worker_by_the_last_four_digits_of_the_phone()
    {
        var body = WorkerBody(_community);
        var phone = (string)body["phone"]!;
        var worker = await CreateWorker(_hr, body);

        var page = await _hr.GetJson($"/api/staffing/workers?q={phone[^4..]}&pageSize=200");

        Assert.That(page.Items().Select(i => i.Id()), Does.Contain(worker.Id()));
        Assert.That(page.Items().Select(i => i.Str("phone")), Has.All.EndsWith(phone[^4..]));
    }

    [Test]
    public async Task Post_type_head_lists_exactly_the_workers_holding_an_active_head_posting()
    {
        var page = await _hr.GetJson("/api/staffing/workers?postType=head&pageSize=200");

        var expected = await _host.Scalar<long>("""
            SELECT COUNT(DISTINCT w.id) FROM staffing_workers w
            JOIN staffing_postings g ON g.worker_id = w.id AND g.ended_on IS NULL
            JOIN staffing_posts p ON p.id = g.post_id AND p.post_type = 'head'
            JOIN staffing_org_units u ON u.id = w.org_unit_id
            WHERE u.path LIKE @P AND w.status <> 'left'
            """, new { P = StreetPath });
        Assert.That(expected, Is.GreaterThan(0));
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(expected));
        foreach (var item in page.Items())
        {
            Assert.That(await _host.Scalar<long>("""
                SELECT COUNT(*) FROM staffing_postings g JOIN staffing_posts p ON p.id = g.post_id
                WHERE g.worker_id = @Id AND g.ended_on IS NULL AND p.post_type = 'head'
                """, new { Id = item.Id() }), Is.GreaterThan(0), item.Str("name"));
        }
    }

    [Test]
    public async Task A_posting_that_keeps_the_workers_post_types_leaves_the_worker_row_as_it_is_and_one_that_adds_a_type_sets_it()
    {
        var (workerId, _, _) = await WorkerInNewPost(_hr, _community);
        await using (var connection = Db.Open(_host))
        {
            // Records every write of a worker's post_types (the column is in the roster's scope index).
            await connection.ExecuteAsync(_host.IsSqlServer
                ? "IF OBJECT_ID('test_post_type_writes') IS NULL CREATE TABLE test_post_type_writes (worker_id UNIQUEIDENTIFIER NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS test_post_type_writes (worker_id TEXT NOT NULL)");
            await connection.ExecuteAsync(_host.IsSqlServer
                ? """
                  IF OBJECT_ID('test_post_type_writes_trigger') IS NULL EXEC('CREATE TRIGGER test_post_type_writes_trigger ON staffing_workers
                  AFTER UPDATE AS IF UPDATE(post_types) INSERT INTO test_post_type_writes (worker_id) SELECT id FROM inserted')
                  """
                : """
                  CREATE TRIGGER IF NOT EXISTS test_post_type_writes_trigger AFTER UPDATE OF post_types ON staffing_workers
                  BEGIN INSERT INTO test_post_type_writes (worker_id) VALUES (NEW.id); END
                  """);
        }
        Task<long> Writes() => _host.Scalar<long>("SELECT COUNT(*) FROM test_post_type_writes WHERE worker_id = @Id", new { Id = workerId });
        Task<long> Bits() => _host.Scalar<long>("SELECT post_types FROM staffing_workers WHERE id = @Id", new { Id = workerId });

        var secondStaffPost = await CreatePost(_hr, _community, quota: 1);
        await Posted(_hr, workerId, secondStaffPost.Id(), isPrimary: false);
        Assert.That(await Writes(), Is.EqualTo(0), "a second staff post: the worker already holds a staff post");
        Assert.That(await Bits(), Is.EqualTo(4));

        var headPost = await CreatePost(_hr, _community, quota: 1, postType: "head");
        await Posted(_hr, workerId, headPost.Id(), isPrimary: false);
        Assert.That(await Writes(), Is.EqualTo(1), "a head post adds a type");
        Assert.That(await Bits(), Is.EqualTo(5));
        var heads = await _hr.GetJson("/api/staffing/workers?postType=head&pageSize=200");
        Assert.That(heads.Items().Select(i => i.Id()), Does.Contain(workerId));
    }

    [Test]
    public async Task The_bachelor_band_20_returns_only_2x_education_codes()
    {
        var page = await _hr.GetJson("/api/staffing/workers?education=20&pageSize=200");

        Assert.That(page.GetProperty("total").GetInt32(), Is.GreaterThan(0));
        Assert.That(page.Items().Select(i => i.Str("education")), Has.All.StartsWith("2"));
    }

    [Test]
    public async Task Age_bounds_keep_only_workers_within_them()
    {
        var page = await _hr.GetJson("/api/staffing/workers?ageMin=30&ageMax=40&pageSize=200");

        Assert.That(page.GetProperty("total").GetInt32(), Is.GreaterThan(0));
        Assert.That(page.Items().Select(i => i.GetProperty("age").GetInt32()), Has.All.InRange(30, 40));
    }

    [Test]
    public async Task Left_workers_are_listed_only_when_asked_for()
    {
        var worker = await CreateWorker(_hr, _community);
        var left = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/status",
            new { status = "left", effectiveOn = "2026-01-31", reason = "退休", version = 1 });
        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK), await left.Content.ReadAsStringAsync());
        var staffNo = worker.Str("staffNo");

        var leftOnly = await _hr.GetJson("/api/staffing/workers?status=left&pageSize=200");
        var byDefault = await _hr.GetJson($"/api/staffing/workers?q={staffNo}");

        Assert.That(leftOnly.Items().Select(i => i.Id()), Does.Contain(worker.Id()));
        Assert.That(leftOnly.Items().Select(i => i.Str("status")), Has.All.EqualTo("left"));
        Assert.That(byDefault.Items().Select(i => i.Id()), Does.Not.Contain(worker.Id()));
    }

    [Test]
    public async Task An_unknown_sort_field_is_refused()
    {
        await ProblemAssert.NamesField(await _hr.GetAsync("/api/staffing/workers?sort=id_number_cipher"), "sort");
    }

    [Test]
    public async Task Hr_never_sees_a_worker_of_another_street()
    {
        var body = WorkerBody(_otherStreet);
        var name = (string)body["name"]!;
        var stranger = await CreateWorker(_admin, body);

        var search = await _hr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(name)}");
        var all = await _hr.GetJson($"/api/staffing/workers?pageSize=200&page=1&status=all&sort=-hireDate");
        var get = await _hr.GetAsync($"/api/staffing/workers/{stranger.Id()}");
        var postings = await _hr.GetAsync($"/api/staffing/workers/{stranger.Id()}/postings");
        var byUnit = await _hr.GetAsync($"/api/staffing/workers?orgUnitId={_otherStreet}");
        var adminSearch = await _admin.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(name)}");

        Assert.That(search.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(all.Items().Select(i => i.Id()), Does.Not.Contain(stranger.Id()));
        await ProblemAssert.IsProblem(get, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(postings, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(byUnit, HttpStatusCode.NotFound);
        Assert.That(adminSearch.Items().Select(i => i.Id()), Is.EqualTo(new[] { stranger.Id() }));
    }

    [Test]
    public async Task A_leader_reads_the_roster_but_a_worker_may_not()
    {
        var byLeader = await _leader.GetAsync("/api/staffing/workers");
        var byWorker = await _worker.GetAsync("/api/staffing/workers");

        Assert.That(byLeader.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await byLeader.ReadJson()).GetProperty("total").GetInt32(), Is.GreaterThan(250));
        await ProblemAssert.IsProblem(byWorker, HttpStatusCode.Forbidden);
    }
}
