using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using Dapper;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// The roster's city-scale paths give the same answers as a plain scan: pages chosen on index keys, name searches
/// answered from the n-gram index alone, district pages read in staff-number order, and totals reused between pages.
/// </summary>
[TestFixture]
public sealed class RosterPagingTests
{
    private const string StreetPath = "/310000/310106/310106021/";
    private const string DistrictPath = "/310000/310106/";

    private CwHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _hr = null!;
    private Guid _community;
    private Guid _district;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
        _community = await OrgTree.IdByCode(_admin, "310106021003");
        _district = await OrgTree.IdByCode(_admin, "310106");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _admin.Dispose();
        _hr.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task Totals_follow_every_write_made_after_they_were_counted()
    {
        var before = await Total(_hr, "/api/staffing/workers?page=3");
        var worker = await CreateWorker(_hr, _community);
        var afterHire = await Total(_hr, "/api/staffing/workers?page=3");
        var left = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/status",
            new { status = "left", effectiveOn = Today.ToString("yyyy-MM-dd"), reason = "辞职", version = 1 });
        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK), await left.Content.ReadAsStringAsync());
        var afterLeaving = await Total(_hr, "/api/staffing/workers?page=3");

        Assert.That(afterHire, Is.EqualTo(before + 1));
        Assert.That(afterLeaving, Is.EqualTo(before));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task A_name_search_lists_exactly_the_workers_a_scan_finds_in_staff_number_order(int length)
    {
        var fragment = await CommonFragment(StreetPath, length);

        var listed = await AllPages(_hr, $"/api/staffing/workers?q={Uri.EscapeDataString(fragment)}&pageSize=7");
        var cityWide = await AllPages(_admin, $"/api/staffing/workers?q={Uri.EscapeDataString(fragment)}&pageSize=50");

        Assert.That(listed, Is.EqualTo(await Scan(StreetPath, fragment)), fragment);
        Assert.That(cityWide, Is.EqualTo(await Scan("/", fragment)), fragment);
        Assert.That(listed, Is.Not.Empty);
    }

    [Test]
    public async Task A_worker_who_left_drops_out_of_a_short_name_search_unless_asked_for()
    {
        var body = WorkerBody(_community);
        var name = (string)body["name"]!;
        var worker = await CreateWorker(_hr, body);
        var left = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/status",
            new { status = "left", effectiveOn = Today.ToString("yyyy-MM-dd"), reason = "退休", version = 1 });
        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK), await left.Content.ReadAsStringAsync());
        // The last two characters of a unique name: a bigram, answered from the n-gram index without reading workers.
        var q = Uri.EscapeDataString(name[^2..]);

        var byDefault = await _hr.GetJson($"/api/staffing/workers?q={q}");
        var leftOnly = await _hr.GetJson($"/api/staffing/workers?q={q}&status=left");
        var everyone = await _hr.GetJson($"/api/staffing/workers?q={q}&status=all");

        Assert.That(byDefault.Items().Select(i => i.Id()), Does.Not.Contain(worker.Id()));
        Assert.That(leftOnly.Items().Select(i => i.Id()), Does.Contain(worker.Id()));
        Assert.That(everyone.Items().Select(i => i.Id()), Does.Contain(worker.Id()));
        Assert.That(everyone.GetProperty("total").GetInt32(), Is.EqualTo(byDefault.GetProperty("total").GetInt32() + 1));
    }

    [TestCase("staffNo")]
    [TestCase("-staffNo")]
    [TestCase("name")]
    [TestCase("-hireDate")]
    public async Task A_district_page_is_the_same_slice_a_scan_sorted_the_same_way_gives(string sort)
    {
        var column = sort.TrimStart('-') switch
        {
            "staffNo" => "w.staff_no",
            "name" => "w.name",
            _ => "w.hire_date",
        };
        var direction = sort.StartsWith('-') ? " DESC" : "";
        var orderBy = column == "w.staff_no" ? $"w.staff_no{direction}" : $"{column}{direction}, w.staff_no";
        await using var connection = Db.Open(_host);
        var expected = (await connection.QueryAsync<string>(
            $"SELECT w.id FROM staffing_workers w WHERE w.org_path LIKE @P AND w.status <> 'left' ORDER BY {orderBy}",
            new { P = DistrictPath + "%" })).Skip(30).Take(15).Select(Guid.Parse).ToList();

        var page = await _admin.GetJson($"/api/staffing/workers?orgUnitId={_district}&sort={sort}&pageSize=15&page=3");

        Assert.That(page.Items().Select(i => i.Id()), Is.EqualTo(expected));
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM staffing_workers WHERE org_path LIKE @P AND status <> 'left'", new { P = DistrictPath + "%" })));
    }

    [Test]
    public async Task A_filtered_street_page_matches_a_scan()
    {
        await using var connection = Db.Open(_host);
        var expected = (await connection.QueryAsync<string>("""
            SELECT w.id FROM staffing_workers w
            WHERE w.org_path LIKE @P AND w.status <> 'left' AND w.education LIKE '2%'
              AND EXISTS (SELECT 1 FROM staffing_postings p JOIN staffing_posts s ON s.id = p.post_id
                          WHERE p.worker_id = w.id AND p.ended_on IS NULL AND s.post_type = 'staff')
            ORDER BY w.staff_no
            """, new { P = StreetPath + "%" })).Select(Guid.Parse).ToList();

        var listed = await AllPages(_hr, "/api/staffing/workers?postType=staff&education=20&pageSize=9");

        Assert.That(listed, Is.EqualTo(expected));
        Assert.That(listed, Has.Count.GreaterThan(9));
    }

    [Test]
    public async Task The_post_type_filter_follows_postings_as_they_start_and_end()
    {
        var worker = await CreateWorker(_hr, _community);
        var staffNo = worker.Str("staffNo");
        var staff = await CreatePost(_hr, _community, quota: 2, postType: "staff");
        var deputy = await CreatePost(_hr, _community, quota: 2, postType: "deputy");
        async Task<string> Types()
        {
            var held = new List<string>();
            foreach (var type in new[] { "head", "deputy", "staff" })
            {
                var page = await _hr.GetJson($"/api/staffing/workers?postType={type}&q={staffNo}");
                if (page.Items().Any(i => i.Id() == worker.Id()))
                {
                    held.Add(type);
                }
            }
            return string.Join(",", held);
        }

        var before = await Types();
        await Posted(_hr, worker.Id(), staff.Id());
        var asStaff = await Types();
        var secondment = await Posted(_hr, worker.Id(), deputy.Id(), isPrimary: false);
        var asBoth = await Types();
        var ended = await _hr.PostAsJsonAsync($"/api/staffing/postings/{secondment.Id()}/end",
            new { endedOn = Today.ToString("yyyy-MM-dd"), endReason = "secondment", version = 1 });
        Assert.That(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync());
        var afterEnd = await Types();
        var left = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/status",
            new { status = "left", effectiveOn = Today.ToString("yyyy-MM-dd"), reason = "辞职", version = 1 });
        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK), await left.Content.ReadAsStringAsync());

        Assert.That(new[] { before, asStaff, asBoth, afterEnd }, Is.EqualTo(new[] { "", "staff", "deputy,staff", "staff" }));
        Assert.That(await _host.Scalar<long>("SELECT post_types FROM staffing_workers WHERE staff_no = @S", new { S = staffNo }), Is.Zero,
            "a worker who left holds no post");
    }

    private static async Task<int> Total(HttpClient client, string url) =>
        (await client.GetJson(url)).GetProperty("total").GetInt32();

    /// <summary>Every page of a list in order; checks that the total matches what the pages held.</summary>
    private static async Task<List<Guid>> AllPages(HttpClient client, string url)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetJson($"{url}&page={page}");
            var items = body.Items().Select(i => i.Id()).ToList();
            ids.AddRange(items);
            if (items.Count == 0 || ids.Count >= body.GetProperty("total").GetInt32())
            {
                Assert.That(ids, Has.Count.EqualTo(body.GetProperty("total").GetInt32()), url);
                return ids;
            }
        }
    }

    /// <summary>The most common <paramref name="length"/>-character piece of the names in the street.</summary>
    private async Task<string> CommonFragment(string path, int length)
    {
        await using var connection = Db.Open(_host);
        var names = await connection.QueryAsync<string>(
            "SELECT name FROM staffing_workers WHERE org_path LIKE @P AND status <> 'left'", new { P = path + "%" });
        return names.SelectMany(n => Enumerable.Range(0, Math.Max(0, n.Length - length + 1)).Select(i => n.Substring(i, length)))
            .Where(f => f.All(c => !char.IsWhiteSpace(c)))
            .GroupBy(f => f).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }

    private async Task<List<Guid>> Scan(string path, string fragment)
    {
        await using var connection = Db.Open(_host);
        var ids = await connection.QueryAsync<string>(
            @"SELECT id FROM staffing_workers WHERE org_path LIKE @P AND status <> 'left' AND name LIKE @F ESCAPE '\' ORDER BY staff_no",
            new { P = path + "%", F = BuildingBlocks.Http.Like.Contains(fragment) });
        return ids.Select(Guid.Parse).ToList();
    }
}
