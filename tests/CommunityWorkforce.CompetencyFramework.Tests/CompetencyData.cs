using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.CompetencyFramework.Tests;

/// <summary>HTTP helpers and fresh data for the competency tests.</summary>
internal static class CompetencyData
{
    public const string Fenxi = "310106021001";
    public const string Linfen = "310106021";
    public const string OtherStreet = "310106012";

    private static int _next;

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>The published default framework and its competency ids by code.</summary>
    public static async Task<(Guid Id, Dictionary<string, Guid> Competencies)> DefaultFramework(HttpClient client)
    {
        var page = await client.GetJson("/api/competency/frameworks?code=community-worker&status=published");
        var id = page.Items().Single().Id();
        var framework = await client.GetJson($"/api/competency/frameworks/{id}");
        return (id, Competencies(framework));
    }

    public static Dictionary<string, Guid> Competencies(JsonElement framework) =>
        framework.GetProperty("dimensions").EnumerateArray()
            .SelectMany(d => d.GetProperty("competencies").EnumerateArray())
            .ToDictionary(c => c.Str("code"), c => c.Id());

    /// <summary>A new framework of its own code (three competencies), published; returns its id and competency ids.</summary>
    public static async Task<(Guid Id, Dictionary<string, Guid> Competencies)> PublishedTestFramework(HttpClient hr)
    {
        var created = await hr.PostAsJsonAsync("/api/competency/frameworks", new
        {
            code = $"test-{Next()}-{Guid.NewGuid():N}"[..30],
            nameZh = "测试能力框架",
            nameEn = "Test framework",
            dimensions = new[]
            {
                Dimension("ability", "工作能力", "Abilities", ("communication", "群众沟通"), ("organising", "组织协调"), ("emergency", "应急处置")),
            },
        }).Ok(HttpStatusCode.Created);
        var id = created.GetProperty("framework").Id();
        await hr.PostAsJsonAsync($"/api/competency/frameworks/{id}/publish", new { version = created.GetProperty("framework").Int("version") }).Ok();
        return (id, Competencies(created));
    }

    public static object Dimension(string code, string zh, string en, params (string Code, string Zh)[] competencies) => new
    {
        code,
        nameZh = zh,
        nameEn = en,
        competencies = competencies.Select(c => new
        {
            code = c.Code,
            nameZh = c.Zh,
            nameEn = c.Code,
            levels = Enumerable.Range(1, 5).Select(l => new { level = l, indicatorZh = $"{c.Zh}第{l}级", indicatorEn = $"{c.Code} level {l}" }),
        }),
    };

    public static Task<HttpResponseMessage> CreateProfile(HttpClient hr, Guid frameworkId, string postType, string? postTitle,
        params (Guid Competency, int Level, int Weight)[] items) =>
        hr.PostAsJsonAsync("/api/competency/profiles", new
        {
            frameworkId,
            name = $"{postType} {postTitle} 要求",
            postType,
            levelFrom = 1,
            levelTo = 12,
            postTitle,
            items = items.Select(i => new { competencyId = i.Competency, requiredLevel = i.Level, weight = i.Weight }),
        });

    public static async Task<JsonElement> CreateCampaign(HttpClient hr, Guid frameworkId, Guid orgUnitId, string[] postTypes,
        int? supervisorWeight = null, string? deadline = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return await hr.PostAsJsonAsync("/api/competency/campaigns", new
        {
            name = $"测评{Next()}",
            frameworkId,
            orgUnitId,
            postTypes,
            periodStart = today.AddMonths(-6).ToString("yyyy-MM-dd"),
            periodEnd = today.ToString("yyyy-MM-dd"),
            deadline = deadline ?? today.AddDays(30).ToString("yyyy-MM-dd"),
            supervisorWeight,
        }).Ok(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> AssessmentOf(HttpClient client, Guid campaignId, Guid workerId)
    {
        var page = await client.GetJson($"/api/competency/assessments?campaignId={campaignId}&workerId={workerId}");
        var summary = page.Items().Single();
        return await client.GetJson($"/api/competency/assessments/{summary.Id()}");
    }

    public static Task<HttpResponseMessage> Submit(HttpClient client, JsonElement assessment, string who, Func<string, int> level)
    {
        var id = assessment.GetProperty("assessment").Id();
        var version = assessment.GetProperty("assessment").Int("version");
        var scores = assessment.GetProperty("scores").EnumerateArray().Select(s => new
        {
            competencyId = s.GetProperty("competencyId").GetGuid(),
            level = level(s.Str("code")),
            evidence = $"{who}：{s.Str("nameZh")}的事例",
        });
        return client.PutAsJsonAsync($"/api/competency/assessments/{id}/{who}", new { version, scores });
    }
}
