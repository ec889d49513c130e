using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;

namespace CommunityWorkforce.Performance.Tests;

/// <summary>The results and incentive exports: the same rows as the list and the allocation, scoped, refused to workers, audited.</summary>
[TestFixture]
public sealed class ExportTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;
    private HttpClient _admin = null!;
    private Guid _closed;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _admin = await _host.ClientFor("admin");
        _closed = (await _hr.GetJson("/api/performance/cycles?status=closed")).Items().Single().Id();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _leader.Dispose();
        _worker.Dispose();
        _admin.Dispose();
        _host.Dispose();
    }

    private Task<long> Audited(string action) =>
        _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = @Action", new { Action = action });

    private static async Task<List<IDictionary<string, object?>>> Sheet(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        return MiniExcel.Query(await response.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    [TestCase("")]
    [TestCase("?sort=-score")]
    [TestCase("?grade=competent&sort=workerName")]
    [TestCase("?q=CW00")]
    public async Task The_results_export_holds_the_rows_of_the_list_for_the_same_filters_in_its_order(string filters)
    {
        var before = await Audited("performance.results.exported");
        var list = new List<System.Text.Json.JsonElement>();
        for (var page = 1; ; page++)
        {
            var sep = filters.Length == 0 ? "?" : "&";
            var items = (await _leader.GetJson($"/api/performance/cycles/{_closed}/participants{filters}{sep}pageSize=200&page={page}")).Items().ToList();
            list.AddRange(items);
            if (items.Count < 200)
            {
                break;
            }
        }
        Assert.That(list, Is.Not.Empty, "the demo's closed cycle has participants");
        var rows = await Sheet(await _leader.GetAsync($"/api/performance/cycles/{_closed}/participants/export{filters}"));

        Assert.That(rows.Select(r => r["工号"]?.ToString()), Is.EqualTo(list.Select(p => p.Str("staffNo"))), "same rows, same order");
        Assert.That(rows.Select(r => r["姓名"]?.ToString()), Is.EqualTo(list.Select(p => p.Str("workerName"))));
        var first = list[0];
        var firstRow = rows[0];
        Assert.That(Convert.ToDecimal(firstRow["综合得分"]), Is.EqualTo(first.GetProperty("score").GetDecimal()).Within(0.01m));
        foreach (var part in first.GetProperty("parts").EnumerateArray())
        {
            Assert.That(Convert.ToDecimal(firstRow[$"{part.Str("name")}（贡献分）"]), Is.EqualTo(part.GetProperty("contribution").GetDecimal()).Within(0.001m),
                $"the contribution of {part.Str("name")}");
        }
        Assert.That(firstRow["最终等次"], Is.Not.Null);
        Assert.That(firstRow["申诉状态"], Is.EqualTo("未申诉"));
        Assert.That(firstRow["考核单位"]?.ToString(), Does.EndWith("委员会").Or.EndWith("中心"), "the unit's name, not its path");
        Assert.That(await Audited("performance.results.exported"), Is.EqualTo(before + 1), "the export writes one audit row");
    }

    [Test]
    public async Task A_worker_may_not_export_and_another_streets_cycle_or_unit_is_404()
    {
        Assert.That((await _worker.GetAsync($"/api/performance/cycles/{_closed}/participants/export")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _worker.PostAsJsonAsync($"/api/performance/cycles/{_closed}/incentives/export", new { orgUnitId = Guid.NewGuid(), poolFen = 100 })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));

        var nanjing = await OrgTree.IdByCode(_admin, "310106012");
        var other = await _admin.PostAsJsonAsync("/api/performance/cycles", new
        {
            name = "南京西路街道考核", kind = "annual", year = 2026, orgUnitId = nanjing, entryDeadline = "2026-12-20", calibrationDeadline = "2026-12-30",
        }).Ok("create another street's cycle", HttpStatusCode.Created);
        var before = await Audited("performance.results.exported");
        Assert.That((await _leader.GetAsync($"/api/performance/cycles/{other.Id()}/participants/export")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _hr.GetAsync($"/api/performance/cycles/{_closed}/participants/export?orgUnitId={nanjing}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _leader.PostAsJsonAsync($"/api/performance/cycles/{_closed}/incentives/export", new { orgUnitId = nanjing, poolFen = 100 })).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Audited("performance.results.exported"), Is.EqualTo(before), "a refused export is not audited");
        // Admin sees every street: the other street's (planning) cycle exports with its header only.
        Assert.That((await _admin.GetAsync($"/api/performance/cycles/{other.Id()}/participants/export")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_incentive_export_lists_the_allocation_worker_by_worker_and_its_total_is_the_pool()
    {
        var board = await _hr.GetJson($"/api/performance/cycles/{_closed}/board");
        var unit = board.GetProperty("units").EnumerateArray().OrderByDescending(u => u.Int("participants")).First().GetProperty("orgUnitId").GetGuid();
        var body = new { orgUnitId = unit, poolFen = 1_234_567 };
        var allocation = await _hr.PostAsJsonAsync($"/api/performance/cycles/{_closed}/incentives", body).Ok("allocate");
        var before = await Audited("performance.incentives.exported");

        var rows = await Sheet(await _hr.PostAsJsonAsync($"/api/performance/cycles/{_closed}/incentives/export", body));
        var shares = allocation.GetProperty("shares").EnumerateArray().ToList();
        var workers = rows.Take(shares.Count).ToList();
        Assert.That(workers.Select(r => r["工号"]?.ToString()), Is.EqualTo(shares.Select(s => s.Str("staffNo"))));
        Assert.That(workers.Select(r => Convert.ToInt64(r["金额（分）"])), Is.EqualTo(shares.Select(s => s.GetProperty("amountFen").GetInt64())));
        Assert.That(workers.Sum(r => Convert.ToInt64(r["金额（分）"])), Is.EqualTo(1_234_567), "the amounts add up to the pool to the fen");
        Assert.That(workers.Select(r => r["金额（元）"]?.ToString()),
            Is.EqualTo(shares.Select(s => (s.GetProperty("amountFen").GetInt64() / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))));
        var total = rows[shares.Count];
        Assert.That(total["工号"], Is.EqualTo("合计"));
        Assert.That(Convert.ToInt64(total["金额（分）"]), Is.EqualTo(1_234_567));
        Assert.That(await Audited("performance.incentives.exported"), Is.EqualTo(before + 1));
    }
}
