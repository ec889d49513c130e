using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;
using static CommunityWorkforce.CareerPath.Tests.CareerData;

namespace CommunityWorkforce.CareerPath.Tests;

/// <summary>Career-track stages as data, one worker's criteria with what is missing, a subtree's eligible list and its export.</summary>
[TestFixture]
public sealed class EligibilityTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _worker = null!;
    private HttpClient _leader = null!;
    private Guid _me;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _leader = await _host.ClientFor("leader.linfen");
        _me = (await _worker.GetJson("/api/staffing/workers/me")).Id();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _worker.Dispose();
        _leader.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task The_default_tracks_run_from_assistant_post_to_head()
    {
        var stages = (await _worker.GetJson("/api/career/stages")).EnumerateArray().Select(s => s.Str("code")).Where(c => !c.StartsWith("t-", StringComparison.Ordinal)).ToList();
        Assert.That(stages, Is.EqualTo(new[] { "assistant", "reserve", "deputy", "head" }));
    }

    [Test]
    public async Task A_worker_sees_each_criterion_met_or_not_with_the_missing_amount_in_words()
    {
        var code = "t-hours-" + Guid.NewGuid().ToString("N")[..6];
        await _hr.PutAsJsonAsync($"/api/career/stages/{code}", new
        {
            track = "business", nameZh = "测试阶段", nameEn = "Test stage", sortOrder = 900, version = 0,
            criteria = new { minTrainingHours = 400, minYearsInCommunityWork = 0, recentYears = 5, minExcellent = 5 },
        }).Ok();
        var result = (await _worker.GetJson($"/api/career/workers/{_me}/eligibility?stage={code}")).EnumerateArray().Single();
        Assert.That(result.GetProperty("eligible").GetBoolean(), Is.False);
        var criteria = result.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.Str("code"));
        Assert.That(criteria["yearsInCommunityWork"].GetProperty("met").GetBoolean(), Is.True);
        Assert.That(criteria["trainingHours"].GetProperty("met").GetBoolean(), Is.False);
        var hours = decimal.Parse(criteria["trainingHours"].Str("actual"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(criteria["trainingHours"].Str("missingZh"), Is.EqualTo($"近12个月还需 {400 - hours} 学时培训"));
        Assert.That(criteria["recentExcellent"].Str("missingZh"), Does.StartWith("近5年需再获优秀"));

        var stage = (await _hr.GetJson("/api/career/stages")).EnumerateArray().Single(s => s.Str("code") == code);
        await _hr.PutAsJsonAsync($"/api/career/stages/{code}", new
        {
            track = "business", nameZh = "测试阶段", nameEn = "Test stage", sortOrder = 900, version = stage.GetProperty("version").GetInt32(),
            criteria = new { minTrainingHours = 0, minYearsInCommunityWork = 0 },
        }).Ok();
        var relaxed = (await _worker.GetJson($"/api/career/workers/{_me}/eligibility?stage={code}")).EnumerateArray().Single();
        Assert.That(relaxed.GetProperty("eligible").GetBoolean(), Is.True, "HR changed the criteria as data; the answer follows");
    }

    [Test]
    public async Task Bad_criteria_and_unknown_stages_are_refused_naming_the_field()
    {
        var bad = await _hr.PutAsJsonAsync("/api/career/stages/t-bad", new
        {
            track = "business", nameZh = "坏", nameEn = "Bad", sortOrder = 1, version = 0, criteria = new { recentYears = 20, maxAge = 5 },
        });
        var problem = await ProblemAssert.NamesField(bad, "criteria.recentYears");
        Assert.That(problem.GetProperty("errors").TryGetProperty("criteria.maxAge", out _), Is.True);
        await ProblemAssert.NamesField(await _hr.GetAsync("/api/career/eligibility?stage=nope"), "stage");
        Assert.That((await _worker.PutAsJsonAsync("/api/career/stages/t-x", new { track = "business", nameZh = "x", nameEn = "x", criteria = new { } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_eligible_list_of_a_street_agrees_with_each_workers_own_answer_and_with_its_export()
    {
        var all = await _hr.GetJson("/api/career/eligibility?stage=assistant&pageSize=200");
        Assert.That(all.GetProperty("total").GetInt32(), Is.GreaterThan(0));
        var eligible = await _hr.GetJson("/api/career/eligibility?stage=assistant&eligible=true&pageSize=200");
        Assert.That(eligible.Items().All(r => r.GetProperty("eligible").GetBoolean()), Is.True);
        var notEligible = await _hr.GetJson("/api/career/eligibility?stage=assistant&eligible=false&pageSize=200");
        Assert.That(eligible.GetProperty("total").GetInt32() + notEligible.GetProperty("total").GetInt32(), Is.EqualTo(all.GetProperty("total").GetInt32()));

        foreach (var row in all.Items().Take(5))
        {
            var own = (await _hr.GetJson($"/api/career/workers/{row.GetProperty("workerId").GetGuid()}/eligibility?stage=assistant")).EnumerateArray().Single();
            Assert.That(own.GetProperty("eligible").GetBoolean(), Is.EqualTo(row.GetProperty("eligible").GetBoolean()), row.ToString());
        }

        var export = await _hr.GetAsync("/api/career/eligibility/export?stage=assistant&eligible=true");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = (await MiniExcel.QueryAsync(stream, useHeaderRow: true)).ToList();
        Assert.That(rows, Has.Count.EqualTo(eligible.GetProperty("total").GetInt32()));
        Assert.That((await _worker.GetAsync("/api/career/eligibility?stage=assistant")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
