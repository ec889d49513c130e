using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.CompetencyFramework.Tests.CompetencyData;

namespace CommunityWorkforce.CompetencyFramework.Tests;

/// <summary>Campaigns, self and supervisor assessments, finalisation (locks, races), history; who may do what.</summary>
[TestFixture]
public sealed class AssessmentApiTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;
    private Guid _fenxi;
    private Guid _me;
    private Guid _colleague;
    private Guid _frameworkId;
    private Dictionary<string, Guid> _c = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _fenxi = await OrgTree.IdByCode(_hr, Fenxi);
        _me = await _host.Scalar<Guid>("SELECT id FROM staffing_workers WHERE staff_no = 'CW000001'");
        _colleague = await _host.Scalar<Guid>("SELECT id FROM staffing_workers WHERE staff_no = 'CW000002'");
        (_frameworkId, _c) = await PublishedTestFramework(_hr);
        await CreateProfile(_hr, _frameworkId, "staff", null, (_c["communication"], 4, 50), (_c["organising"], 3, 30), (_c["emergency"], 3, 20))
            .Ok(HttpStatusCode.Created);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        foreach (var client in new[] { _hr, _leader, _worker })
        {
            client.Dispose();
        }
        _host.Dispose();
    }

    private async Task<JsonElement> Campaign(int? supervisorWeight = null) =>
        await CreateCampaign(_hr, _frameworkId, _fenxi, ["staff"], supervisorWeight);

    [Test]
    public async Task A_campaign_opens_one_assessment_per_active_worker_of_the_subtree_with_a_chosen_post_type()
    {
        var campaign = await Campaign();
        var expected = await _host.Scalar<long>("""
            SELECT COUNT(*) FROM staffing_workers w JOIN staffing_org_units u ON u.id = w.org_unit_id
            WHERE u.path LIKE '%/310106021001/%' AND w.status = 'active'
              AND EXISTS (SELECT 1 FROM staffing_postings p JOIN staffing_posts s ON s.id = p.post_id
                          WHERE p.worker_id = w.id AND p.ended_on IS NULL AND p.is_primary = 1 AND s.post_type = 'staff')
            """);

        Assert.That(expected, Is.GreaterThan(2));
        Assert.That(campaign.Int("total"), Is.EqualTo(expected));
        var mine = await AssessmentOf(_hr, campaign.Id(), _me);
        Assert.That(mine.GetProperty("scores").GetArrayLength(), Is.EqualTo(3));
        Assert.That(mine.GetProperty("scores").EnumerateArray().Single(s => s.Str("code") == "communication").Int("requiredLevel"), Is.EqualTo(4));
        var indicators = (await AssessmentOf(_worker, campaign.Id(), _me)).GetProperty("scores")[0].GetProperty("levels");
        Assert.That(indicators.EnumerateArray().Select(l => l.Int("level")), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }), "the worker assesses against the indicators");
    }

    [Test]
    public async Task A_worker_self_assesses_only_their_own_and_someone_elses_is_404()
    {
        var campaign = await Campaign();
        var mine = await AssessmentOf(_worker, campaign.Id(), _me);
        var theirs = await AssessmentOf(_hr, campaign.Id(), _colleague);

        var submitted = await Submit(_worker, mine, "self", _ => 3).Ok();
        Assert.That(submitted.GetProperty("assessment").GetProperty("selfSubmittedAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null));
        Assert.That(submitted.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("selfLevel").GetInt32()), Has.All.EqualTo(3));

        await ProblemAssert.IsProblem(await Submit(_worker, theirs, "self", _ => 5), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await _worker.GetAsync($"/api/competency/assessments/{theirs.GetProperty("assessment").Id()}"), HttpStatusCode.NotFound);
        var list = await _worker.GetJson($"/api/competency/assessments?campaignId={campaign.Id()}");
        Assert.That(list.Items().Select(a => a.GetProperty("workerId").GetGuid()).Distinct(), Is.EqualTo(new[] { _me }));
        await ProblemAssert.IsProblem(await Submit(_hr, theirs, "self", _ => 5), HttpStatusCode.Forbidden);
        Assert.That((await Submit(_worker, mine, "supervisor", _ => 5)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_level_outside_1_to_5_in_an_assessment_is_400_naming_the_score()
    {
        var campaign = await Campaign();
        var mine = await AssessmentOf(_worker, campaign.Id(), _me);

        var response = await Submit(_worker, mine, "self", code => code == "organising" ? 0 : 3);

        var index = mine.GetProperty("scores").EnumerateArray().Select(s => s.Str("code")).ToList().IndexOf("organising");
        await ProblemAssert.NamesField(response, $"scores[{index}].level");
    }

    [Test]
    public async Task Finalising_takes_the_supervisors_level_sets_the_gaps_and_fit_and_locks()
    {
        var campaign = await Campaign();
        var mine = await AssessmentOf(_worker, campaign.Id(), _me);
        mine = await Submit(_worker, mine, "self", _ => 5).Ok();
        await ProblemAssert.IsProblem(await Finalise(_hr, mine), HttpStatusCode.Conflict, "urn:cw:problem:rule-violation");
        var asHr = await AssessmentOf(_hr, campaign.Id(), _me);
        var supervised = await Submit(_leader, asHr, "supervisor", code => code switch { "communication" => 2, "organising" => 3, _ => 4 }).Ok();

        var finalised = await Finalise(_hr, supervised).Ok();

        var finals = finalised.GetProperty("scores").EnumerateArray().ToDictionary(s => s.Str("code"), s => s.GetProperty("finalLevel").GetInt32());
        Assert.That(finals, Is.EqualTo(new Dictionary<string, int> { ["communication"] = 2, ["organising"] = 3, ["emergency"] = 4 }));
        // communication 2 of 4 → 50 × 0.5 = 25; organising and emergency met → 30 + 20.
        Assert.That(finalised.GetProperty("assessment").GetProperty("fitScore").GetDouble(), Is.EqualTo(75.0));
        var profile = await _worker.GetJson($"/api/competency/workers/{_me}/profile");
        Assert.That(profile.GetProperty("fitScore").GetDouble(), Is.EqualTo(75.0));
        var gap = profile.GetProperty("gaps").EnumerateArray().Single();
        Assert.That((gap.Str("competencyCode"), gap.Int("requiredLevel"), gap.Int("assessedLevel"), gap.Int("gap")), Is.EqualTo(("communication", 4, 2, 2)));

        await ProblemAssert.IsProblem(await Submit(_worker, mine, "self", _ => 1), HttpStatusCode.Conflict, "urn:cw:problem:assessment-finalised");
        await ProblemAssert.IsProblem(await Submit(_hr, finalised, "supervisor", _ => 1), HttpStatusCode.Conflict, "urn:cw:problem:assessment-finalised");
        var history = await _worker.GetJson($"/api/competency/assessments?workerId={_me}&status=finalised");
        Assert.That(history.Items().Select(a => a.GetProperty("campaignId").GetGuid()), Does.Contain(campaign.Id()));
    }

    [Test]
    public async Task A_worker_does_not_see_the_supervisors_levels_before_finalisation()
    {
        var campaign = await Campaign();
        var asHr = await AssessmentOf(_hr, campaign.Id(), _me);
        await Submit(_leader, asHr, "supervisor", _ => 2).Ok();

        var mine = await AssessmentOf(_worker, campaign.Id(), _me);

        Assert.That(mine.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("supervisorLevel").ValueKind), Has.All.EqualTo(JsonValueKind.Null));
        var hrView = await AssessmentOf(_hr, campaign.Id(), _me);
        Assert.That(hrView.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("supervisorLevel").GetInt32()), Has.All.EqualTo(2));
    }

    [Test]
    public async Task A_blend_weighs_supervisor_and_self_and_rounds_half_up()
    {
        var campaign = await Campaign(supervisorWeight: 70);
        await Submit(_worker, await AssessmentOf(_worker, campaign.Id(), _me), "self", _ => 5).Ok();
        var supervised = await Submit(_hr, await AssessmentOf(_hr, campaign.Id(), _me), "supervisor", code => code == "communication" ? 2 : 4).Ok();

        var finalised = await Finalise(_hr, supervised).Ok();

        // 2×0.7 + 5×0.3 = 2.9 → 3; 4×0.7 + 5×0.3 = 4.3 → 4.
        var finals = finalised.GetProperty("scores").EnumerateArray().ToDictionary(s => s.Str("code"), s => s.GetProperty("finalLevel").GetInt32());
        Assert.That(finals, Is.EqualTo(new Dictionary<string, int> { ["communication"] = 3, ["organising"] = 4, ["emergency"] = 4 }));
    }

    [Test]
    public async Task Two_concurrent_finalisations_one_wins_and_the_other_is_409()
    {
        var campaign = await Campaign();
        var supervised = await Submit(_hr, await AssessmentOf(_hr, campaign.Id(), _colleague), "supervisor", _ => 3).Ok();
        using var hr2 = await _host.ClientFor("hr.linfen");

        var responses = await Task.WhenAll(Finalise(_hr, supervised), Finalise(_leader, supervised), Finalise(hr2, supervised));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1),
            string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(2));
        var audits = await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'competency.assessment.finalised' AND entity_id = @Id",
            new { Id = supervised.GetProperty("assessment").Id() });
        Assert.That(audits, Is.EqualTo(1));
    }

    [Test]
    public async Task Out_of_scope_is_404_for_hr_of_the_street_and_campaigns_of_another_street_cannot_be_made()
    {
        using var admin = await _host.ClientFor("admin");
        var other = await OrgTree.IdByCode(admin, OtherStreet);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var response = await _hr.PostAsJsonAsync("/api/competency/campaigns", new
        {
            name = "越权", frameworkId = _frameworkId, orgUnitId = other, postTypes = new[] { "staff" },
            periodStart = today.AddMonths(-1).ToString("yyyy-MM-dd"), periodEnd = today.ToString("yyyy-MM-dd"), deadline = today.AddDays(5).ToString("yyyy-MM-dd"),
        });
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
        Assert.That((await _worker.GetAsync("/api/competency/campaigns")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_stale_version_is_409()
    {
        var campaign = await Campaign();
        var mine = await AssessmentOf(_worker, campaign.Id(), _me);
        await Submit(_worker, mine, "self", _ => 2).Ok();

        await ProblemAssert.IsProblem(await Submit(_worker, mine, "self", _ => 3), HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
    }

    [Test]
    public async Task A_campaign_gives_each_worker_the_profile_of_the_level_band_their_grade_lies_in()
    {
        var (framework, c) = await PublishedTestFramework(_hr);
        async Task<Guid> Profile(int from, int to, int level)
        {
            var created = await _hr.PostAsJsonAsync("/api/competency/profiles", new
            {
                frameworkId = framework, name = $"社工 {from}-{to} 级要求", postType = "staff", levelFrom = from, levelTo = to, postTitle = (string?)null,
                items = new[] { new { competencyId = c["communication"], requiredLevel = level, weight = 100 } },
            }).Ok(HttpStatusCode.Created);
            return created.Id();
        }
        var junior = await Profile(1, 6, 2);
        var senior = await Profile(7, 12, 4);
        var overlapping = await _hr.PostAsJsonAsync("/api/competency/profiles", new
        {
            frameworkId = framework, name = "重叠级别段", postType = "staff", levelFrom = 5, levelTo = 8, postTitle = (string?)null,
            items = new[] { new { competencyId = c["communication"], requiredLevel = 3, weight = 100 } },
        });
        await ProblemAssert.IsProblem(overlapping, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        foreach (var (worker, level) in new[] { (_me, 2), (_colleague, 9) })
        {
            await _hr.PostAsJsonAsync($"/api/career/workers/{worker}/grades", new
            {
                postType = "staff", level, fromDate = today.AddDays(-10).ToString("yyyy-MM-dd"), reasonCode = "correction", note = "测评用",
            }).Ok(HttpStatusCode.Created);
        }

        var campaign = await CreateCampaign(_hr, framework, _fenxi, ["staff"]);

        var mine = await AssessmentOf(_hr, campaign.Id(), _me);
        var theirs = await AssessmentOf(_hr, campaign.Id(), _colleague);
        Assert.Multiple(() =>
        {
            Assert.That(mine.GetProperty("assessment").GetProperty("profileId").GetGuid(), Is.EqualTo(junior), "level 2 lies in the 1–6 band");
            Assert.That(theirs.GetProperty("assessment").GetProperty("profileId").GetGuid(), Is.EqualTo(senior), "level 9 lies in the 7–12 band");
        });
    }

    private static Task<HttpResponseMessage> Finalise(HttpClient client, JsonElement assessment) =>
        client.PostAsJsonAsync($"/api/competency/assessments/{assessment.GetProperty("assessment").Id()}/finalise",
            new { version = assessment.GetProperty("assessment").Int("version") });
}
