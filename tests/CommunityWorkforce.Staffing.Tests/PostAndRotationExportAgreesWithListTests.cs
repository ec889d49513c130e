using System.Net;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// The post list and the rotation-request list each share one request object with their Excel export: for the same
/// filters, search and sort the export holds the same rows in the same order as the list's pages, within the caller's
/// scope, and each export is audited with its row count.
/// </summary>
[TestFixture]
public sealed class PostAndRotationExportAgreesWithListTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _admin = await _host.ClientFor("admin");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _leader.Dispose();
        _admin.Dispose();
        _host.Dispose();
    }

    private static IEnumerable<string> PostQueries()
    {
        yield return "";
        yield return "postType=staff";
        yield return "hasVacancy=true";
        yield return "status=all&sort=-quota";
        yield return "q=主任&sort=title";
        yield return "orgUnitId={community}";
        yield return "orgUnitId={community}&postType=staff&sort=-title";
    }

    private static IEnumerable<string> RotationQueries()
    {
        yield return "";
        yield return "status=submitted";
        yield return "status=open&sort=proposedOn";
        yield return "sort=workerName";
    }

    private async Task<string> Resolve(string query) =>
        query.Replace("{community}", (await OrgTree.IdByCode(_admin, "310106021003")).ToString(), StringComparison.Ordinal);

    private static async Task<List<string>> Listed(HttpClient client, string url, Func<System.Text.Json.JsonElement, string> key)
    {
        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetJson($"{url}&pageSize=7&page={page}");
            var items = json.Items().ToList();
            listed.AddRange(items.Select(key));
            if (items.Count == 0 || listed.Count >= json.GetProperty("total").GetInt32())
            {
                return listed;
            }
        }
    }

    private static async Task<List<IDictionary<string, object>>> Exported(HttpClient client, string url)
    {
        var export = await client.GetAsync(url);
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK), await export.Content.ReadAsStringAsync());
        Assert.That(export.Content.Headers.ContentType?.MediaType,
            Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [TestCaseSource(nameof(PostQueries))]
    public async Task Post_export_holds_exactly_the_posts_the_list_shows(string query)
    {
        query = await Resolve(query);
        var before = await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.post.exported'");

        // Posts are told apart by unit and title (a unit's active titles are unique; the key keeps the order).
        var listed = await Listed(_hr, $"/api/staffing/posts?{query}", p => $"{p.Str("orgUnitName")}|{p.Str("title")}|{p.GetProperty("quota").GetInt32()}");
        var exported = (await Exported(_hr, $"/api/staffing/posts/export?{query}"))
            .Select(r => $"{r["所属单位"]}|{r["岗位名称"]}|{r["编制数"]}").ToList();

        Assert.That(listed, Is.Not.Empty, $"the demo street has posts matching '{query}', so the comparison means something");
        Assert.That(exported, Is.EqualTo(listed), $"export vs list for '{query}'");
        Assert.That(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.post.exported' AND user_name = 'hr.linfen' AND changes LIKE @Rows",
            new { Rows = $"%\"rows\":{listed.Count},%" }), Is.GreaterThan(0), "the export is audited with its row count");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.post.exported'"),
            Is.EqualTo(before + 1));
    }

    [TestCaseSource(nameof(RotationQueries))]
    public async Task Rotation_export_holds_exactly_the_requests_the_list_shows_to_hr_and_to_the_leader(string query)
    {
        foreach (var (client, who) in new[] { (_hr, "hr"), (_leader, "leader") })
        {
            var listed = await Listed(client, $"/api/staffing/rotation-requests?{query}", r => $"{r.Str("staffNo")}|{r.Str("status")}|{r.Str("proposedOn")}");
            var exported = (await Exported(client, $"/api/staffing/rotation-requests/export?{query}"))
                .Select(r => $"{r["工号"]}|{StatusCode(r["状态"]?.ToString())}|{r["拟轮岗日期"]}").ToList();

            Assert.That(listed, Is.Not.Empty, $"the demo street has rotation requests matching '{query}' for {who}");
            Assert.That(exported, Is.EqualTo(listed), $"{who}: export vs list for '{query}'");
        }
    }

    [Test]
    public async Task A_list_filtered_by_one_worker_holds_exactly_that_workers_requests_of_the_whole_list_and_its_export_agrees()
    {
        // The one-worker filter reads by the requests' worker index (RotationSql.ListOfWorker), not the scope's workers.
        var everyone = await Listed(_admin, "/api/staffing/rotation-requests?sort=proposedOn", r => $"{r.Str("workerId")}|{r.Str("id")}");
        foreach (var (client, who) in new[] { (_hr, "hr"), (_leader, "leader"), (_admin, "admin") })
        {
            var whole = await Listed(client, "/api/staffing/rotation-requests?sort=proposedOn", r => $"{r.Str("workerId")}|{r.Str("id")}");
            var workers = whole.Select(k => k.Split('|')[0]).Distinct().ToList();
            Assert.That(workers, Has.Count.GreaterThan(1), $"{who} sees requests of several workers, so the filter means something");
            foreach (var worker in workers.Take(6))
            {
                var filtered = await Listed(client, $"/api/staffing/rotation-requests?sort=proposedOn&workerId={worker}",
                    r => $"{r.Str("workerId")}|{r.Str("id")}");
                Assert.That(filtered, Is.EqualTo(whole.Where(k => k.StartsWith(worker + "|", StringComparison.Ordinal)).ToList()),
                    $"{who}: the worker's requests, in the whole list's order");
                var listedRows = await Listed(client, $"/api/staffing/rotation-requests?sort=proposedOn&workerId={worker}",
                    r => $"{r.Str("staffNo")}|{r.Str("status")}|{r.Str("proposedOn")}");
                var exported = (await Exported(client, $"/api/staffing/rotation-requests/export?sort=proposedOn&workerId={worker}"))
                    .Select(r => $"{r["工号"]}|{StatusCode(r["状态"]?.ToString())}|{r["拟轮岗日期"]}").ToList();
                Assert.That(exported, Is.EqualTo(listedRows), $"{who}: export vs list for one worker");
            }
        }
        // A worker outside the leader's street: the filter finds nothing rather than reaching past the scope.
        var leaderSees = (await Listed(_leader, "/api/staffing/rotation-requests?sort=proposedOn", r => r.Str("workerId"))).ToHashSet();
        var outside = everyone.Select(k => k.Split('|')[0]).FirstOrDefault(w => !leaderSees.Contains(w));
        Assert.That(outside, Is.Not.Null, "the demo city has requests outside the leader's street");
        var json = await _leader.GetJson($"/api/staffing/rotation-requests?workerId={outside}&pageSize=7&page=1");
        Assert.That(json.GetProperty("total").GetInt32(), Is.Zero, "another street's worker's requests stay hidden");
    }

    [Test]
    public async Task The_leader_exports_no_drafts_and_another_streets_unit_is_not_found()
    {
        var leaderRows = await Exported(_leader, "/api/staffing/rotation-requests/export?");
        var hrRows = await Exported(_hr, "/api/staffing/rotation-requests/export?");
        Assert.That(hrRows.Select(r => r["状态"]?.ToString()), Does.Contain("草稿"), "HR's export holds the demo draft");
        Assert.That(leaderRows.Select(r => r["状态"]?.ToString()), Does.Not.Contain("草稿"), "the leader does not see HR's drafts");
        Assert.That(leaderRows.Select(r => r["申请人"]?.ToString()), Has.All.EqualTo("临汾路街道人事专员（演示）"),
            "the requester by display name");

        var otherStreet = await OrgTree.IdByCode(_admin, "310106013");
        Assert.That((await _hr.GetAsync($"/api/staffing/posts/export?orgUnitId={otherStreet}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _hr.GetAsync($"/api/staffing/rotation-requests/export?orgUnitId={otherStreet}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static string StatusCode(string? name) => name switch
    {
        "草稿" => "draft",
        "待审批" => "submitted",
        "已同意" => "approved",
        "已驳回" => "rejected",
        "已撤回" => "withdrawn",
        _ => name ?? "",
    };
}
