using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>The roster's write side and ID reveal, through HTTP against the real host.</summary>
[TestFixture]
public sealed class WorkerApiTests
{
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
        _community = await OrgTree.IdByCode(_admin, "310106021002");
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
    public async Task Hr_creates_a_worker_with_a_masked_id_derived_gender_and_birth_date_and_a_generated_staff_number()
    {
        const string idNumber = "11010519491231002X";
        var body = WorkerBody(_community, idNumber);

        var response = await _hr.PostAsJsonAsync("/api/staffing/workers", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var worker = await response.ReadJson();
        Assert.That(worker.Str("idNumberMasked"), Is.EqualTo("1101**********002X"));
        Assert.That(worker.Str("gender"), Is.EqualTo("2"));
        Assert.That(worker.Str("birthDate"), Is.EqualTo("1949-12-31"));
        Assert.That(worker.Str("staffNo"), Does.Match("^CW[0-9]{6}$"));
        Assert.That(worker.Str("status"), Is.EqualTo("active"));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/staffing/workers/{worker.Id()}"));
    }

    [Test]
    public async Task The_id_number_is_not_stored_in_clear_in_any_column()
    {
        var idNumber = NewIdNumber();
        var worker = await CreateWorker(_hr, WorkerBody(_community, idNumber));

        var row = await _host.Row("SELECT * FROM staffing_workers WHERE id = @Id", new { Id = worker.Id() });

        Assert.That(row.Keys, Does.Contain("id_number_masked"));
        Assert.That(row.Values.Select(v => v?.ToString() ?? ""), Has.None.Contains(idNumber));
        Assert.That(row.Values.Select(v => v?.ToString() ?? ""), Has.None.Contains(idNumber[..17]));
    }

    [Test]
    public async Task A_gender_that_contradicts_the_id_number_is_refused_naming_gender()
    {
        var body = WorkerBody(_community, NewIdNumber(male: true));
        body["gender"] = "2";

        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/staffing/workers", body), "gender");
    }

    [Test]
    public async Task A_wrong_check_character_is_refused_naming_idNumber()
    {
        var valid = NewIdNumber();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/staffing/workers", WorkerBody(_community, wrong)), "idNumber");
    }

    [Test]
    public async Task The_same_id_number_twice_is_a_409_duplicate()
    {
        var idNumber = NewIdNumber();
        await CreateWorker(_hr, WorkerBody(_community, idNumber));

        var again = await _hr.PostAsJsonAsync("/api/staffing/workers", WorkerBody(_community, idNumber.ToLowerInvariant()));

        var problem = await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        Assert.That(problem.Str("field"), Is.EqualTo("idNumber"));
    }

    [TestCase("1234567")]
    [TestCase("12912345678")]
    [TestCase("139123456789")]
    public async Task A_phone_that_is_not_a_mainland_mobile_is_refused(string phone)
    {
        var body = WorkerBody(_community);
        body["phone"] = phone;

        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/staffing/workers", body), "phone");
    }

    [Test]
    public async Task Community_work_cannot_start_after_the_hire_date()
    {
        var body = WorkerBody(_community);
        body["hireDate"] = "2020-01-01";
        body["serviceStartDate"] = "2020-01-02";

        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/staffing/workers", body), "serviceStartDate");
    }

    [Test]
    public async Task An_unknown_ethnic_group_code_is_refused()
    {
        var body = WorkerBody(_community);
        body["ethnicGroup"] = "99";

        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/staffing/workers", body), "ethnicGroup");
    }

    [Test]
    public async Task Hr_creating_a_worker_in_another_street_gets_404_and_nothing_is_written()
    {
        var body = WorkerBody(_otherStreet);

        var response = await _hr.PostAsJsonAsync("/api/staffing/workers", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_workers WHERE name = @Name", new { Name = body["name"] }), Is.Zero);
    }

    [Test]
    public async Task An_update_with_a_stale_version_is_409_and_changes_nothing()
    {
        var worker = await CreateWorker(_hr, _community);
        var id = worker.Id();
        object Edit(string name) => new
        {
            name, ethnicGroup = "01", politicalStatus = "01", education = "21", phone = "13900001111",
            hireDate = "2020-01-01", serviceStartDate = "2019-01-01", version = 1,
        };

        var first = await _hr.PutAsJsonAsync($"/api/staffing/workers/{id}", Edit("改名一"));
        var stale = await _hr.PutAsJsonAsync($"/api/staffing/workers/{id}", Edit("改名二"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblem(stale, HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
        Assert.That((await _hr.GetJson($"/api/staffing/workers/{id}")).Str("name"), Is.EqualTo("改名一"));
    }

    [Test]
    public async Task Leaving_needs_a_reason()
    {
        var worker = await CreateWorker(_hr, _community);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/status",
            new { status = "left", effectiveOn = "2026-01-31", version = 1 });

        await ProblemAssert.NamesField(response, "reason");
        Assert.That((await _hr.GetJson($"/api/staffing/workers/{worker.Id()}")).Str("status"), Is.EqualTo("active"));
    }

    [Test]
    public async Task Leaving_ends_every_active_posting_and_a_left_worker_cannot_be_posted()
    {
        var worker = await CreateWorker(_hr, _community);
        var first = await CreatePost(_hr, _community, quota: 2);
        var second = await CreatePost(_hr, _community, quota: 2);
        var third = await CreatePost(_hr, _community, quota: 2);
        await Posted(_hr, worker.Id(), first.Id());
        await Posted(_hr, worker.Id(), second.Id());

        var left = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/status",
            new { status = "left", effectiveOn = "2026-01-31", reason = "辞职", version = 1 });
        var posting = await Post(_hr, worker.Id(), third.Id(), startedOn: "2026-02-01");

        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK), await left.Content.ReadAsStringAsync());
        Assert.That((await left.ReadJson()).Str("status"), Is.EqualTo("left"));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE worker_id = @Id AND ended_on IS NULL", new { Id = worker.Id() }), Is.Zero);
        Assert.That(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM staffing_postings WHERE worker_id = @Id AND ended_on = '2026-01-31' AND end_reason = 'left'", new { Id = worker.Id() }), Is.EqualTo(2));
        await ProblemAssert.IsProblem(posting, HttpStatusCode.Conflict);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE post_id = @Id", new { Id = third.Id() }), Is.Zero);
    }

    [Test]
    public async Task Leaving_cannot_be_dated_before_a_posting_started()
    {
        var (workerId, postingId, _) = await WorkerInNewPost(_hr, _community);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/workers/{workerId}/status",
            new { status = "left", effectiveOn = "2019-06-30", reason = "辞职", version = 1 });

        await ProblemAssert.NamesField(response, "effectiveOn");
        Assert.That(await _host.Scalar<string?>("SELECT ended_on FROM staffing_postings WHERE id = @Id", new { Id = postingId }), Is.Null);
    }

    [Test]
    public async Task Hr_reveals_the_full_id_number_and_the_reveal_is_audited_with_its_reason()
    {
        var idNumber = NewIdNumber(male: false);
        var worker = await CreateWorker(_hr, WorkerBody(_community, idNumber));

        var response = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/reveal-id", new { reason = "办理社保登记" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadJson()).Str("idNumber"), Is.EqualTo(idNumber));
        Assert.That(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.worker.id-revealed' AND entity_id = @Id AND user_name = 'hr.linfen' AND reason = '办理社保登记'",
            new { Id = worker.Id() }), Is.EqualTo(1));
    }

    [Test]
    public async Task Leaders_and_workers_may_not_reveal_an_id_number()
    {
        var worker = await CreateWorker(_hr, _community);
        var me = await _worker.GetJson("/api/staffing/workers/me");

        var byLeader = await _leader.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/reveal-id", new { reason = "查看" });
        var byWorker = await _worker.PostAsJsonAsync($"/api/staffing/workers/{me.Id()}/reveal-id", new { reason = "查看本人" });

        await ProblemAssert.IsProblem(byLeader, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(byWorker, HttpStatusCode.Forbidden);
        Assert.That(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.worker.id-revealed' AND entity_id IN (@A, @B)",
            new { A = worker.Id(), B = me.Id() }), Is.Zero);
    }

    [Test]
    public async Task A_reveal_without_a_reason_is_refused_and_not_audited()
    {
        var worker = await CreateWorker(_hr, _community);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/reveal-id", new { reason = "" });

        await ProblemAssert.NamesField(response, "reason");
        Assert.That(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.worker.id-revealed' AND entity_id = @Id", new { Id = worker.Id() }), Is.Zero);
    }
}
