using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.CareerPath.Tests.CareerData;

namespace CommunityWorkforce.CareerPath.Tests;

/// <summary>The ladder configuration, grade history and the annual progression run through HTTP on the demo street.</summary>
[TestFixture]
public sealed class ProgressionTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _worker = null!;
    private HttpClient _leader = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _leader = await _host.ClientFor("leader.linfen");
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
    public async Task The_default_ladder_is_in_force_and_a_new_version_applies_from_its_date()
    {
        var ladder = await _worker.GetJson("/api/career/ladder");
        var bands = ladder.GetProperty("bands").EnumerateArray().ToDictionary(b => b.Str("postType"), b => (b.GetProperty("minLevel").GetInt32(), b.GetProperty("maxLevel").GetInt32()));
        Assert.That(bands["head"], Is.EqualTo((7, 18)));
        Assert.That(bands["deputy"], Is.EqualTo((4, 15)));
        Assert.That(bands["staff"], Is.EqualTo((1, 12)));
        Assert.That(ladder.GetProperty("stepYears").GetInt32(), Is.EqualTo(3));

        var from = new DateOnly(2031, 1, 1);
        var changed = await _hr.PutAsJsonAsync("/api/career/ladder", new
        {
            effectiveFrom = from, bands = ladder.GetProperty("bands"), coefficients = ladder.GetProperty("coefficients"), stepYears = 2,
            countedGrades = new[] { "excellent", "competent" }, version = 0,
        }).Ok();
        Assert.That(changed.GetProperty("stepYears").GetInt32(), Is.EqualTo(2));
        Assert.That((await _hr.GetJson("/api/career/ladder?on=2030-12-31")).GetProperty("stepYears").GetInt32(), Is.EqualTo(3), "the old rules before the date");
        Assert.That((await _hr.GetJson("/api/career/ladder?on=2031-06-01")).GetProperty("stepYears").GetInt32(), Is.EqualTo(2));
        var again = await _hr.PutAsJsonAsync("/api/career/ladder", new
        {
            effectiveFrom = from, bands = ladder.GetProperty("bands"), coefficients = ladder.GetProperty("coefficients"), stepYears = 4, version = 0,
        });
        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
        Assert.That((await _worker.PutAsJsonAsync("/api/career/ladder", new { effectiveFrom = from })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_level_outside_the_band_is_refused_naming_the_field()
    {
        var ladder = await _hr.GetJson("/api/career/ladder");
        var bad = await _hr.PutAsJsonAsync("/api/career/ladder", new
        {
            effectiveFrom = new DateOnly(2032, 1, 1),
            bands = new[] { new { postType = "staff", nameZh = "工作人员", minLevel = 1, maxLevel = 19 } },
            coefficients = ladder.GetProperty("coefficients"), stepYears = 3, version = 0,
        });
        await ProblemAssert.NamesField(bad, "bands[0].maxLevel");

        var (worker, _) = (await WorkersGraded(_host, Today.Year - 1, "competent", 1))[0];
        var grade = await _hr.PostAsJsonAsync($"/api/career/workers/{worker}/grades", new { postType = "deputy", level = 2, fromDate = Today, reasonCode = "initial" });
        await ProblemAssert.NamesField(grade, "level");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM career_grade_history WHERE worker_id = @W AND post_type = 'deputy' AND level = 2", new { W = worker }), Is.Zero);
    }

    [Test]
    public async Task Hr_previews_this_years_run_explained_per_worker_applies_it_once_and_the_worker_sees_the_new_level()
    {
        var year = Today.Year;
        var workers = await WorkersGraded(_host, year - 1, "competent", 2);
        var (stepping, unit) = workers[0];
        var waiting = workers[1].WorkerId;
        await _hr.RecordGrade(stepping, "staff", 3, new DateOnly(year - 3, 1, 1));
        await _hr.RecordGrade(waiting, "staff", 3, new DateOnly(year - 2, 1, 1));

        var run = await _hr.PostAsJsonAsync("/api/career/progression-runs", new { orgUnitId = unit, asOf = new DateOnly(year, 1, 1) }).Ok(HttpStatusCode.Created);
        Assert.That(run.Str("status"), Is.EqualTo("previewed"));
        var results = await _hr.GetJson($"/api/career/progression-runs/{run.Id()}/results?pageSize=200");
        var mine = results.Items().Single(r => r.GetProperty("workerId").GetGuid() == stepping);
        Assert.That(mine.GetProperty("toLevel").GetInt32(), Is.EqualTo(4));
        Assert.That(mine.Str("explanation"), Is.EqualTo("满3年，考核 无记录/无记录/合格"));
        if (workers[1].OrgUnitId == unit)
        {
            var notYet = results.Items().Single(r => r.GetProperty("workerId").GetGuid() == waiting);
            Assert.That(notYet.GetProperty("toLevel").GetInt32(), Is.EqualTo(3));
        }
        Assert.That((await _hr.GetJson($"/api/career/workers/{stepping}/grades")).GetProperty("current").GetProperty("level").GetInt32(), Is.EqualTo(3),
            "a preview changes nothing");

        var applied = await _hr.PostAsJsonAsync($"/api/career/progression-runs/{run.Id()}/apply", new { version = run.GetProperty("version").GetInt32() }).Ok();
        Assert.That(applied.Str("status"), Is.EqualTo("applied"));
        Assert.That(applied.GetProperty("appliedSteps").GetInt32(), Is.EqualTo(applied.GetProperty("steps").GetInt32()));
        var history = await _hr.GetJson($"/api/career/workers/{stepping}/grades");
        Assert.That(history.GetProperty("current").GetProperty("level").GetInt32(), Is.EqualTo(4));
        Assert.That(history.GetProperty("current").Str("reasonCode"), Is.EqualTo("progression"));
        Assert.That(history.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("sourceId").ValueKind != System.Text.Json.JsonValueKind.Null), Is.EqualTo(1));

        var twice = await _hr.PostAsJsonAsync($"/api/career/progression-runs/{run.Id()}/apply", new { version = applied.GetProperty("version").GetInt32() });
        await ProblemAssert.IsProblem(twice, HttpStatusCode.Conflict);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM career_grade_history WHERE worker_id = @W AND source_id = @R", new { W = stepping, R = run.Id() }), Is.EqualTo(1));

        var rerun = await _hr.PostAsJsonAsync("/api/career/progression-runs", new { orgUnitId = unit, asOf = new DateOnly(year, 1, 1) }).Ok(HttpStatusCode.Created);
        var again = (await _hr.GetJson($"/api/career/progression-runs/{rerun.Id()}/results?pageSize=200")).Items().Single(r => r.GetProperty("workerId").GetGuid() == stepping);
        Assert.That(again.GetProperty("toLevel").GetInt32(), Is.EqualTo(4), "a second run for the same day steps nobody twice");
    }

    [Test]
    public async Task Two_parallel_applies_of_one_run_apply_it_once()
    {
        var year = Today.Year;
        var (worker, unit) = (await WorkersGraded(_host, year - 1, "competent", 1))[0];
        await _hr.RecordGrade(worker, "staff", 5, new DateOnly(year - 4, 1, 1));
        var run = await _hr.PostAsJsonAsync("/api/career/progression-runs", new { orgUnitId = unit, asOf = new DateOnly(year, 1, 1) }).Ok(HttpStatusCode.Created);
        var version = run.GetProperty("version").GetInt32();
        using var hr2 = await _host.ClientFor("hr.linfen");
        var calls = await Task.WhenAll(
            _hr.PostAsJsonAsync($"/api/career/progression-runs/{run.Id()}/apply", new { version }),
            hr2.PostAsJsonAsync($"/api/career/progression-runs/{run.Id()}/apply", new { version }));
        Assert.That(calls.Select(c => c.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM career_grade_history WHERE worker_id = @W AND source_id = @R", new { W = worker, R = run.Id() }), Is.EqualTo(1));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM career_grade_history WHERE worker_id = @W AND is_current = 1", new { W = worker }), Is.EqualTo(1));
    }

    [Test]
    public async Task Runs_are_for_hr_and_admin_in_their_scope()
    {
        Assert.That((await _leader.PostAsJsonAsync("/api/career/progression-runs", new { asOf = Today })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _worker.GetAsync("/api/career/progression-runs")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var outside = await _hr.PostAsJsonAsync("/api/career/progression-runs", new { orgUnitId = Guid.NewGuid(), asOf = Today });
        Assert.That(outside.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var other = (await WorkersGraded(_host, Today.Year - 1, "competent", 1))[0].WorkerId;
        Assert.That((await _worker.GetAsync($"/api/career/workers/{other}/grades")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
