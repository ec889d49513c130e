using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Performance.Tests;

internal static class PerfData
{
    public const string Fenxi = "310106021001";
    public const string DemoStaffNo = "CW000001";

    private static int _next;

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>A quarterly cycle of 2026 Q3 for one community, advanced to collecting.</summary>
    public static async Task<JsonElement> CollectingCycle(HttpClient hr, string unitCode)
    {
        var unit = await OrgTree.IdByCode(hr, unitCode);
        var cycle = await hr.PostAsJsonAsync("/api/performance/cycles", new
        {
            name = $"测试季度考核{Next()}", kind = "quarterly", year = 2026, quarter = 3, orgUnitId = unit,
            entryDeadline = "2026-10-20", calibrationDeadline = "2026-10-30",
        }).Ok("create cycle", HttpStatusCode.Created);
        return await hr.PostAsJsonAsync($"/api/performance/cycles/{cycle.Id()}/advance", new { version = cycle.Int("version") }).Ok("start collecting");
    }

    public static async Task<List<JsonElement>> Participants(HttpClient client, Guid cycleId) =>
        (await client.GetJson($"/api/performance/cycles/{cycleId}/participants?pageSize=200")).Items().ToList();

    /// <summary>Enters street and peer scores (and each KPI at target) for every participant.</summary>
    public static async Task EnterAll(HttpClient hr, Guid cycleId, Func<JsonElement, int> street)
    {
        foreach (var p in await Participants(hr, cycleId))
        {
            var template = await hr.GetJson($"/api/performance/templates/{p.GetProperty("templateId").GetGuid()}");
            var kpis = template.GetProperty("indicators").EnumerateArray().Where(i => i.Str("kind") == "kpi")
                .ToDictionary(i => i.Str("code"), i => i.GetProperty("target").GetDecimal());
            await hr.PutAsJsonAsync($"/api/performance/participants/{p.Id()}/assessment",
                new { streetScore = street(p), peerScore = 95, kpiActuals = kpis, version = p.Int("version") }).Ok("enter assessment");
        }
    }

    public static async Task<JsonElement> Advance(HttpClient hr, Guid cycleId)
    {
        var cycle = await hr.GetJson($"/api/performance/cycles/{cycleId}");
        return await hr.PostAsJsonAsync($"/api/performance/cycles/{cycleId}/advance", new { version = cycle.Int("version") }).Ok("advance");
    }

    public static object Rating(string id, string staffNo, int level, string ratedAt = "2026-11-20T10:00:00+08:00") =>
        new { id, staffNo, serviceItem = "居住证办理", level, ratedAt, subScores = new Dictionary<string, int> { ["服务态度"] = level } };
}
