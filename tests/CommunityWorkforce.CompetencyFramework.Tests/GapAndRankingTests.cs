using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using CommunityWorkforce.CompetencyFramework.Contracts;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static CommunityWorkforce.CompetencyFramework.Tests.CompetencyData;

namespace CommunityWorkforce.CompetencyFramework.Tests;

/// <summary>The heat map of average gaps per unit and competency, and candidate ranking for a vacant post with its export.</summary>
[TestFixture]
public sealed class GapAndRankingTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;
    private Guid _street;
    private Guid _fenxi;
    private Guid _vacantPost;
    private Guid _strong;
    private Guid _weak;
    private Dictionary<string, Guid> _c = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _street = await OrgTree.IdByCode(_hr, Linfen);
        _fenxi = await OrgTree.IdByCode(_hr, Fenxi);
        Guid frameworkId;
        (frameworkId, _c) = await PublishedTestFramework(_hr);
        await CreateProfile(_hr, frameworkId, "staff", null, (_c["communication"], 3, 40), (_c["organising"], 3, 30), (_c["emergency"], 3, 30))
            .Ok(HttpStatusCode.Created);
        var title = $"测试副主任岗{Next()}";
        _vacantPost = (await _hr.PostAsJsonAsync("/api/staffing/posts", new { orgUnitId = _fenxi, postType = "deputy", title, quota = 1 })
            .Ok(HttpStatusCode.Created)).Id();
        await CreateProfile(_hr, frameworkId, "deputy", title, (_c["communication"], 4, 50), (_c["organising"], 4, 50)).Ok(HttpStatusCode.Created);

        _strong = await _host.Scalar<Guid>("SELECT id FROM staffing_workers WHERE staff_no = 'CW000002'");
        _weak = await _host.Scalar<Guid>("SELECT id FROM staffing_workers WHERE staff_no = 'CW000001'");
        var campaign = await CreateCampaign(_hr, frameworkId, _fenxi, ["staff"]);
        await Assess(campaign.Id(), _strong, _ => 4);
        await Assess(campaign.Id(), _weak, code => code == "communication" ? 1 : 3);
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

    private async Task Assess(Guid campaignId, Guid workerId, Func<string, int> level)
    {
        var supervised = await Submit(_hr, await AssessmentOf(_hr, campaignId, workerId), "supervisor", level).Ok();
        await _hr.PostAsJsonAsync($"/api/competency/assessments/{supervised.GetProperty("assessment").Id()}/finalise",
            new { version = supervised.GetProperty("assessment").Int("version") }).Ok();
    }

    [Test]
    public async Task The_heat_map_shows_the_average_gap_per_competency_for_each_unit_under_the_street()
    {
        var map = await _leader.GetJson($"/api/competency/heat-map?orgUnitId={_street}");

        var fenxi = map.GetProperty("units").EnumerateArray().Single(u => u.Id() == _fenxi);
        var cell = fenxi.GetProperty("cells").EnumerateArray().Single(c => c.Str("competencyCode") == "communication");
        // CW000002 meets it (gap 0), CW000001 is at 1 of 3 (gap 2): average 1.
        Assert.That(cell.GetProperty("averageGap").GetDouble(), Is.EqualTo(1.0));
        Assert.That(cell.Int("workers"), Is.EqualTo(2));
        Assert.That(map.GetProperty("competencies").EnumerateArray().Select(c => c.Str("code")), Does.Contain("communication"));
        var other = map.GetProperty("units").EnumerateArray().Where(u => u.Id() != _fenxi);
        Assert.That(other.SelectMany(u => u.GetProperty("cells").EnumerateArray()).Where(c => c.Str("competencyCode") == "communication"), Is.Empty);

        var drilled = await _leader.GetJson($"/api/competency/heat-map?orgUnitId={_fenxi}");
        Assert.That(drilled.GetProperty("units").GetArrayLength(), Is.Zero, "a community has no units below it");
    }

    [Test]
    public async Task Candidates_for_a_vacant_deputy_post_are_ranked_by_fit_with_their_gaps_service_and_current_post()
    {
        var ranking = await _hr.GetJson($"/api/competency/posts/{_vacantPost}/candidates?pageSize=50");

        var items = ranking.GetProperty("page").Items().ToList();
        Assert.That(items[0].GetProperty("workerId").GetGuid(), Is.EqualTo(_strong));
        Assert.That(items[0].GetProperty("fitScore").GetDouble(), Is.EqualTo(100.0));
        Assert.That(items[0].Int("gapCount"), Is.Zero);
        var weak = items.Single(i => i.GetProperty("workerId").GetGuid() == _weak);
        // communication 1 of 4 → 50 × 0.25 = 12.5; organising 3 of 4 → 50 × 0.75 = 37.5.
        Assert.That(weak.GetProperty("fitScore").GetDouble(), Is.EqualTo(50.0));
        Assert.That(weak.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()), Is.EquivalentTo(new[] { "群众沟通", "组织协调" }));
        Assert.That(weak.Str("currentPostTitle"), Is.Not.Empty);
        Assert.That(weak.Int("yearsOfService"), Is.GreaterThanOrEqualTo(0));
        Assert.That(items.Select(i => i.GetProperty("fitScore").GetDouble()), Is.Ordered.Descending);
        Assert.That(items.Select(i => i.Int("rank")), Is.EqualTo(Enumerable.Range(1, items.Count)));

        var filtered = await _hr.GetJson($"/api/competency/posts/{_vacantPost}/candidates?minFit=60&orgUnitId={_fenxi}");
        Assert.That(filtered.GetProperty("page").Items().Select(i => i.GetProperty("workerId").GetGuid()), Is.EqualTo(new[] { _strong }));
        Assert.That(filtered.GetProperty("page").Int("total"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_ranking_exports_to_xlsx_and_the_export_is_audited()
    {
        var response = await _hr.GetAsync($"/api/competency/posts/{_vacantPost}/candidates/export?minFit=40");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;
        var rows = MiniExcel.Query(buffer, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows.Select(r => r["工号"]?.ToString()), Is.EqualTo(new[] { "CW000002", "CW000001" }));
        Assert.That(rows[1]["差距能力"]?.ToString(), Does.Contain("群众沟通"));
        var audits = await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'competency.candidates.exported' AND entity_id = @Id",
            new { Id = _vacantPost });
        Assert.That(audits, Is.EqualTo(1));
    }

    [Test]
    public async Task Ranking_and_heat_map_are_for_staff_only_and_scoped()
    {
        Assert.That((await _worker.GetAsync($"/api/competency/posts/{_vacantPost}/candidates")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _worker.GetAsync("/api/competency/heat-map")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var admin = await _host.ClientFor("admin");
        var otherStreet = await OrgTree.IdByCode(admin, OtherStreet);
        await ProblemAssert.IsProblem(await _hr.GetAsync($"/api/competency/heat-map?orgUnitId={otherStreet}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await _worker.GetAsync($"/api/competency/workers/{_strong}/profile"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Other_modules_read_current_gaps_and_levels_through_the_contract_and_the_published_views()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ICompetencyQueries>();

        var gaps = await queries.CurrentGapsAsync(_weak, CancellationToken.None);
        var levels = await queries.AssessedLevelsAsync(_weak, CancellationToken.None);

        // The staff profile asks 3 in each; CW000001 was assessed 1 in communication.
        Assert.That(gaps.Select(g => (g.CompetencyCode, g.RequiredLevel, g.AssessedLevel, g.Gap)), Is.EqualTo(new[] { ("communication", 3, 1, 2) }));
        Assert.That(gaps[0].NameZh, Is.EqualTo("群众沟通"));
        Assert.That(levels.ToDictionary(l => l.CompetencyCode, l => l.Level),
            Is.EqualTo(new Dictionary<string, int> { ["communication"] = 1, ["emergency"] = 3, ["organising"] = 3 }));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM competency_v_worker_gaps WHERE worker_id = @W", new { W = _weak }), Is.EqualTo(1));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM competency_v_worker_levels WHERE worker_id = @W", new { W = _strong }), Is.EqualTo(3));
    }

    [Test]
    public async Task The_demo_street_has_a_finalised_assessment_for_worker_demo_and_a_running_campaign()
    {
        var me = await _worker.GetJson("/api/me");
        var history = await _worker.GetJson($"/api/competency/assessments?workerId={me.GetProperty("workerId").GetGuid()}&status=finalised");
        Assert.That(history.Int("total"), Is.GreaterThanOrEqualTo(1));
        var campaigns = await _hr.GetJson("/api/competency/campaigns?status=open");
        Assert.That(campaigns.Items().Select(c => c.Str("name")), Has.Some.Contains("能力测评（演示）"));
        var closed = await _hr.GetJson("/api/competency/campaigns?status=closed");
        Assert.That(closed.Items().Single().Int("finalised"), Is.EqualTo(closed.Items().Single().Int("total")));
        var profiles = await _hr.GetJson("/api/competency/profiles?pageSize=50");
        Assert.That(profiles.Items().Select(p => p.Str("postType")), Is.SupersetOf(new[] { "head", "deputy", "staff" }));
        var map = await _hr.GetJson($"/api/competency/heat-map?orgUnitId={_street}");
        Assert.That(map.GetProperty("units").EnumerateArray().Count(u => u.GetProperty("cells").GetArrayLength() > 0), Is.GreaterThanOrEqualTo(5));
    }
}

/// <summary>
/// The heat map and the ranking are served from a cache between writes (ReadCache): a finalised assessment, which changes
/// a worker's levels and gaps, shows on the very next read of both, and two units' maps never share an entry.
/// </summary>
[TestFixture]
public sealed class CachedGapReadsTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task A_finalised_assessment_shows_on_the_next_read_of_the_heat_map_and_the_ranking()
    {
        var street = await OrgTree.IdByCode(_hr, Linfen);
        var fenxi = await OrgTree.IdByCode(_hr, Fenxi);
        var (frameworkId, c) = await PublishedTestFramework(_hr);
        await CreateProfile(_hr, frameworkId, "staff", null, (c["communication"], 3, 100)).Ok(HttpStatusCode.Created);
        var title = $"缓存测试副主任岗{Next()}";
        var post = (await _hr.PostAsJsonAsync("/api/staffing/posts", new { orgUnitId = fenxi, postType = "deputy", title, quota = 1 })
            .Ok(HttpStatusCode.Created)).Id();
        await CreateProfile(_hr, frameworkId, "deputy", title, (c["communication"], 4, 100)).Ok(HttpStatusCode.Created);
        var worker = await _host.Scalar<Guid>("SELECT id FROM staffing_workers WHERE staff_no = 'CW000002'");

        async Task AssessAt(int level)
        {
            var campaign = await CreateCampaign(_hr, frameworkId, fenxi, ["staff"]);
            var supervised = await Submit(_hr, await AssessmentOf(_hr, campaign.Id(), worker), "supervisor", _ => level).Ok();
            await _hr.PostAsJsonAsync($"/api/competency/assessments/{supervised.GetProperty("assessment").Id()}/finalise",
                new { version = supervised.GetProperty("assessment").Int("version") }).Ok();
        }
        async Task<double> GapInFenxi() => (await _hr.GetJson($"/api/competency/heat-map?orgUnitId={street}"))
            .GetProperty("units").EnumerateArray().Single(u => u.Id() == fenxi)
            .GetProperty("cells").EnumerateArray().Single(x => x.Str("competencyCode") == "communication").GetProperty("averageGap").GetDouble();
        async Task<double> FitOfWorker() => (await _hr.GetJson($"/api/competency/posts/{post}/candidates?orgUnitId={fenxi}&pageSize=100"))
            .GetProperty("page").Items().Single(i => i.GetProperty("workerId").GetGuid() == worker).GetProperty("fitScore").GetDouble();

        await AssessAt(1);
        Assert.That(await GapInFenxi(), Is.EqualTo(2.0), "level 1 of 3");
        Assert.That(await GapInFenxi(), Is.EqualTo(2.0), "read again (from the cache)");
        Assert.That(await FitOfWorker(), Is.EqualTo(25.0), "level 1 of 4");
        Assert.That(await FitOfWorker(), Is.EqualTo(25.0));

        await AssessAt(3);
        Assert.That(await GapInFenxi(), Is.EqualTo(0.0), "the newer assessment meets the level: no stale map");
        Assert.That(await FitOfWorker(), Is.EqualTo(75.0), "level 3 of 4: no stale ranking");
        var drilled = await _hr.GetJson($"/api/competency/heat-map?orgUnitId={fenxi}");
        Assert.That(drilled.GetProperty("units").GetArrayLength(), Is.Zero, "another unit's map is its own entry");
    }
}
