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
    public async Task A_workers_track_over_every_stage_equals_each_stage_asked_alone()
    {
        // Stages asking different things (windows of 1 and 5 years, hours, a certificate, compliance) are read together
        // for the track: each must still be judged by its own criteria only.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await _hr.PutAsJsonAsync($"/api/career/stages/t-w1-{suffix}", new
        {
            track = "business", nameZh = "一年窗口", nameEn = "One-year window", sortOrder = 920, version = 0,
            criteria = new { recentYears = 1, lowestGrade = "competent", minTrainingHours = 8m },
        }).Ok();
        await _hr.PutAsJsonAsync($"/api/career/stages/t-w5-{suffix}", new
        {
            track = "business", nameZh = "五年窗口", nameEn = "Five-year window", sortOrder = 921, version = 0,
            criteria = new { recentYears = 5, minExcellent = 1, socialWorkLevel = "assistant", mandatoryCompliance = true },
        }).Ok();
        var workers = (await _hr.GetJson("/api/staffing/workers?pageSize=12")).Items().Select(w => w.Id()).Append(_me).Distinct().ToList();
        foreach (var worker in workers)
        {
            var track = (await _hr.GetJson($"/api/career/workers/{worker}/eligibility")).EnumerateArray().ToList();
            Assert.That(track.Select(t => t.Str("stageCode")), Does.Contain($"t-w1-{suffix}").And.Contain($"t-w5-{suffix}").And.Contain("deputy"));
            foreach (var stage in track)
            {
                var alone = (await _hr.GetJson($"/api/career/workers/{worker}/eligibility?stage={stage.Str("stageCode")}")).EnumerateArray().Single();
                Assert.That(stage.ToString(), Is.EqualTo(alone.ToString()), $"worker {worker}, stage {stage.Str("stageCode")}");
            }
        }
    }

    [TestCase("deputy")]
    [TestCase("head")]
    [TestCase("reserve")]
    public async Task A_scope_read_wide_and_matched_here_equals_the_scope_read_narrow(string stage)
    {
        // A large subtree reads every worker's facts and keeps its own (FactsSql.WideFrom); the demo city is small, so
        // lower the threshold to compare both reads on the same data.
        async Task<string> Eligible()
        {
            var rows = new List<string>();
            for (var page = 1; ; page++)
            {
                var list = await _hr.GetJson($"/api/career/eligibility?stage={stage}&pageSize=200&page={page}");
                rows.AddRange(list.Items().Select(r => r.ToString()));
                if (rows.Count >= list.GetProperty("total").GetInt32())
                {
                    break;
                }
            }
            return string.Join("\n", rows.Order(StringComparer.Ordinal));
        }
        var narrow = await Eligible();
        var before = CommunityWorkforce.CareerPath.Tracks.FactsSql.WideFrom;
        try
        {
            CommunityWorkforce.CareerPath.Tracks.FactsSql.WideFrom = 0;
            var wide = await Eligible();
            Assert.That(wide, Is.EqualTo(narrow));
            Assert.That(narrow, Does.Contain("\"eligible\":true").Or.Contain("\"metCount\":"), "the list has rows to compare");
        }
        finally
        {
            CommunityWorkforce.CareerPath.Tracks.FactsSql.WideFrom = before;
        }
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

    [TestCase(0, TestName = "Scope eligibility with mandatory compliance read set-wise (every worker meets the rest)")]
    [TestCase(22, TestName = "Scope eligibility with mandatory compliance read per worker (few meet the rest)")]
    public async Task The_scope_list_with_mandatory_compliance_equals_each_workers_own_eligibility(int minYearsInCommunityWork)
    {
        var code = "t-mc-" + Guid.NewGuid().ToString("N")[..6];
        await _hr.PutAsJsonAsync($"/api/career/stages/{code}", new
        {
            track = "business", nameZh = "必修达标阶段", nameEn = "Compliance stage", sortOrder = 910, version = 0,
            criteria = new { mandatoryCompliance = true, minYearsInCommunityWork },
        }).Ok();
        var rows = await _hr.AllItems($"/api/career/eligibility?stage={code}");
        var candidates = 0;
        foreach (var row in rows)
        {
            var own = (await _hr.GetJson($"/api/career/workers/{row.GetProperty("workerId").GetGuid()}/eligibility?stage={code}")).EnumerateArray().Single();
            var criteria = own.GetProperty("criteria").EnumerateArray().ToList();
            Assert.That(row.GetProperty("eligible").GetBoolean(), Is.EqualTo(own.GetProperty("eligible").GetBoolean()), row.ToString());
            Assert.That(row.GetProperty("criteriaCount").GetInt32(), Is.EqualTo(criteria.Count), row.ToString());
            // Compliance is read for those who meet everything else; for them the whole answer agrees.
            if (criteria.Where(c => c.Str("code") != "mandatoryCompliance").All(c => c.GetProperty("met").GetBoolean()))
            {
                candidates++;
                Assert.That(row.GetProperty("metCount").GetInt32(), Is.EqualTo(own.GetProperty("metCount").GetInt32()), row.ToString());
                var missing = string.Join("；", criteria.Where(c => !c.GetProperty("met").GetBoolean()).Select(c => c.Str("missingZh")));
                Assert.That(row.Str("missing"), Is.EqualTo(missing), row.ToString());
            }
        }
        // Which path ran: above 32 candidates the subtree's standing is read at once, below it one worker at a time.
        Assert.That(candidates, minYearsInCommunityWork == 0 ? Is.GreaterThan(32) : Is.InRange(1, 32), "candidates meeting everything but compliance");
        if (minYearsInCommunityWork == 0)
        {
            Assert.That(rows.Count(r => r.GetProperty("eligible").GetBoolean()), Is.GreaterThan(0).And.LessThan(rows.Count), "compliance sets workers apart");
        }
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
