using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.Performance.Contracts;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static CommunityWorkforce.Performance.Tests.PerfData;

namespace CommunityWorkforce.Performance.Tests;

/// <summary>Cycles through HTTP on the real host: templates, participants, scoring, calibration under quota, publication, appeals, pay.</summary>
[TestFixture]
public sealed class CycleApiTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _leader.Dispose();
        _worker.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task A_cycle_runs_from_planning_to_published_and_the_worker_sees_their_grade_appeals_and_the_pay_adds_up()
    {
        var cycle = await CollectingCycle(_hr, Fenxi);
        var participants = await Participants(_hr, cycle.Id());
        Assert.That(participants.Select(p => p.Str("staffNo")), Does.Contain(DemoStaffNo), "the demo worker holds a post in 汾西路 in the period");
        Assert.That(cycle.Int("participants"), Is.EqualTo(participants.Count));

        await EnterAll(_hr, cycle.Id(), p => 70 + Math.Abs(p.Str("staffNo").GetHashCode()) % 30);
        var calibrating = await Advance(_hr, cycle.Id());
        Assert.That(calibrating.Str("status"), Is.EqualTo("calibrating"));
        var board = await _leader.GetJson($"/api/performance/cycles/{cycle.Id()}/board");
        var line = board.GetProperty("units").EnumerateArray().Single();
        Assert.That(line.Int("excellent"), Is.LessThanOrEqualTo(line.Int("excellentQuota")));
        Assert.That(line.Int("ungraded"), Is.Zero, "every participant has a proposed grade");

        // Scoring twice gives the same scores.
        var before = (await Participants(_hr, cycle.Id())).ToDictionary(p => p.Id(), p => p.GetProperty("score").GetDecimal());
        await _hr.PostAsync($"/api/performance/cycles/{cycle.Id()}/score", null).Ok("rescore");
        var after = (await Participants(_hr, cycle.Id())).ToDictionary(p => p.Id(), p => p.GetProperty("score").GetDecimal());
        Assert.That(after, Is.EqualTo(before));

        var worker = await _worker.GetAsync($"/api/performance/cycles/{cycle.Id()}");
        Assert.That(worker.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "workers do not read cycles");
        var mine = (await Participants(_hr, cycle.Id())).Single(p => p.Str("staffNo") == DemoStaffNo);
        Assert.That((await _worker.GetAsync($"/api/performance/participants/{mine.Id()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "not before publication");

        var published = await _leader.PostAsJsonAsync($"/api/performance/cycles/{cycle.Id()}/publish", new { version = calibrating.Int("version") }).Ok("publish");
        Assert.That(published.Str("status"), Is.EqualTo("published"));
        Assert.That(published.GetProperty("appealDeadline").GetString(), Is.Not.Null);

        var own = await _worker.GetJson($"/api/performance/participants/{mine.Id()}");
        Assert.That(own.Str("grade"), Is.AnyOf(Grades.All.ToArray()));
        var parts = own.GetProperty("parts").EnumerateArray().ToList();
        Assert.That(parts.Sum(p => p.GetProperty("contribution").GetDecimal()), Is.EqualTo(own.GetProperty("score").GetDecimal()).Within(0.01m));
        var other = (await Participants(_hr, cycle.Id())).First(p => p.Str("staffNo") != DemoStaffNo);
        Assert.That((await _worker.GetAsync($"/api/performance/participants/{other.Id()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "a worker never reads a peer's result");
        var history = await _worker.GetJson("/api/performance/my/results?pageSize=50");
        Assert.That(history.Items().Select(i => i.Id()), Does.Contain(mine.Id()));
        Assert.That(history.Items().Select(i => i.GetProperty("workerId").GetGuid()).Distinct().Count(), Is.EqualTo(1));

        var profile = await _hr.GetJson($"/api/performance/workers/{own.GetProperty("workerId").GetGuid()}/appraisals");
        Assert.That(profile.Items().Select(i => i.Id()), Does.Contain(mine.Id()), "HR reads the worker's 考核 tab");
        Assert.That((await _worker.GetAsync($"/api/performance/workers/{other.GetProperty("workerId").GetGuid()}/appraisals")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound), "a worker never reads a peer's history");

        var appeal = await _worker.PostAsJsonAsync($"/api/performance/participants/{mine.Id()}/appeal", new { reason = "专项任务未计入" }).Ok("appeal");
        Assert.That(appeal.Str("appealStatus"), Is.EqualTo("filed"));
        await ProblemAssert.IsProblem(await _worker.PostAsJsonAsync($"/api/performance/participants/{mine.Id()}/appeal", new { reason = "再次申诉" }),
            HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        var resolved = await _hr.PostAsJsonAsync($"/api/performance/participants/{mine.Id()}/appeal/resolve",
            new { outcome = "upheld", reason = "核实专项任务，德能勤绩廉调整为 100", streetScore = 100, version = appeal.Int("version") }).Ok("resolve");
        Assert.That(resolved.Str("appealStatus"), Is.EqualTo("upheld"));
        Assert.That(resolved.GetProperty("score").GetDecimal(), Is.GreaterThanOrEqualTo(own.GetProperty("score").GetDecimal()));

        var pool = 1_234_567L;
        var pay = await _leader.PostAsJsonAsync($"/api/performance/cycles/{cycle.Id()}/incentives",
            new { orgUnitId = await OrgTree.IdByCode(_hr, Fenxi), poolFen = pool }).Ok("allocate");
        Assert.That(pay.GetProperty("shares").EnumerateArray().Sum(s => s.GetProperty("amountFen").GetInt64()), Is.EqualTo(pool));
        Assert.That(pay.GetProperty("allocatedFen").GetInt64(), Is.EqualTo(pool));
        Assert.That(pay.Str("roundingRule"), Does.Contain("余下"));

        await using var scope = _host.Services.CreateAsyncScope();
        var grades = await scope.ServiceProvider.GetRequiredService<IAppraisalResults>().GradesOfAsync(own.GetProperty("workerId").GetGuid(), CancellationToken.None);
        Assert.That(grades.Select(g => g.CycleId), Does.Contain(cycle.Id()), "CareerPath reads the published grade through the contract");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action LIKE 'performance.%' AND entity_id = @Id",
            new { Id = mine.Id() }), Is.GreaterThanOrEqualTo(3), "assessment, appeal, resolution audited");
    }

    [Test]
    public async Task Weights_not_adding_up_to_100_are_400_naming_the_template()
    {
        var street = await OrgTree.IdByCode(_hr, "310106021");
        var response = await _hr.PostAsJsonAsync("/api/performance/templates", new
        {
            orgUnitId = street, postType = "staff", name = "权重错误的模板", departmentShare = 10,
            indicators = new object[]
            {
                new { code = "street", kind = "street", name = "德能勤绩廉", weight = 30 },
                new { code = "resident", kind = "resident", name = "居民满意度", weight = 50 },
            },
        });

        var problem = await ProblemAssert.NamesField(response, "indicators");
        Assert.That(problem.GetProperty("errors").GetProperty("indicators")[0].GetString(), Does.Contain("权重错误的模板").And.Contain("90"));
    }

    [Test]
    public async Task Concurrent_calibration_never_grants_more_excellent_grades_than_the_quota()
    {
        var cycle = await CollectingCycle(_hr, "310106021002");
        await EnterAll(_hr, cycle.Id(), _ => 100);
        await Advance(_hr, cycle.Id());
        // Everyone back to 合格 first, so that the race below starts from an empty quota.
        foreach (var p in await Participants(_leader, cycle.Id()))
        {
            await _leader.PutAsJsonAsync($"/api/performance/participants/{p.Id()}/grade",
                new { grade = "competent", reason = "重新校准", version = p.Int("version") }).Ok("reset grade");
        }
        var participants = await Participants(_leader, cycle.Id());
        var quota = (await _leader.GetJson($"/api/performance/cycles/{cycle.Id()}/board")).GetProperty("units")[0].Int("excellentQuota");
        Assert.That(participants.Count, Is.GreaterThan(quota), "more candidates than places");

        var responses = await Task.WhenAll(participants.Select(async p =>
        {
            using var leader = await _host.ClientFor("leader.linfen");
            return await leader.PutAsJsonAsync($"/api/performance/participants/{p.Id()}/grade",
                new { grade = "excellent", reason = "工作突出", version = p.Int("version") });
        }));

        var excellent = await _host.Scalar<long>("SELECT COUNT(*) FROM performance_participants WHERE cycle_id = @Id AND grade = 'excellent'", new { Id = cycle.Id() });
        TestContext.Out.WriteLine($"calibration race: {participants.Count} leaders, quota {quota}, {excellent} granted");
        Assert.That(excellent, Is.EqualTo(quota));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(quota));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await ProblemAssert.IsProblem(refused, HttpStatusCode.Conflict, "urn:cw:problem:grade-quota-exceeded");
        }
    }

    [Test]
    public async Task Two_leaders_calibrating_the_same_worker_one_wins_the_other_gets_409()
    {
        var cycle = await CollectingCycle(_hr, "310106021003");
        await EnterAll(_hr, cycle.Id(), _ => 80);
        await Advance(_hr, cycle.Id());
        var target = (await Participants(_leader, cycle.Id())).First();
        using var second = await _host.ClientFor("leader.linfen");

        var responses = await Task.WhenAll(
            _leader.PutAsJsonAsync($"/api/performance/participants/{target.Id()}/grade", new { grade = "basic", reason = "考勤问题", version = target.Int("version") }),
            second.PutAsJsonAsync($"/api/performance/participants/{target.Id()}/grade", new { grade = "incompetent", reason = "群众投诉", version = target.Int("version") }));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        await ProblemAssert.IsProblem(responses.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
        var missingReason = await _leader.PutAsJsonAsync($"/api/performance/participants/{target.Id()}/grade",
            new { grade = "excellent", version = target.Int("version") + 1 });
        await ProblemAssert.NamesField(missingReason, "reason");
    }

    [Test]
    public async Task Publishing_over_quota_is_409_with_the_counts_and_an_appeal_after_the_window_is_409()
    {
        var cycle = await CollectingCycle(_hr, "310106021004");
        await EnterAll(_hr, cycle.Id(), _ => 85);
        var calibrating = await Advance(_hr, cycle.Id());
        await using (var db = Db.Open(_host))
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE performance_participants SET grade = 'excellent' WHERE cycle_id = @Id", new { Id = cycle.Id() });
        }

        var refused = await _leader.PostAsJsonAsync($"/api/performance/cycles/{cycle.Id()}/publish", new { version = calibrating.Int("version") });
        var problem = await ProblemAssert.IsProblem(refused, HttpStatusCode.Conflict, "urn:cw:problem:grade-quota-exceeded");
        var unit = problem.GetProperty("units")[0];
        Assert.That(unit.Int("excellent"), Is.GreaterThan(unit.Int("excellentQuota")));
        Assert.That((await _leader.GetJson($"/api/performance/cycles/{cycle.Id()}")).Str("status"), Is.EqualTo("calibrating"), "nothing published");

        await using (var db = Db.Open(_host))
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE performance_participants SET grade = 'competent' WHERE cycle_id = @Id", new { Id = cycle.Id() });
        }
        await _leader.PostAsJsonAsync($"/api/performance/cycles/{cycle.Id()}/publish", new { version = calibrating.Int("version") }).Ok("publish within quota");
        await using (var db = Db.Open(_host))
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE performance_cycles SET appeal_deadline = '2026-01-05' WHERE id = @Id", new { Id = cycle.Id() });
        }
        var participant = (await Participants(_hr, cycle.Id())).First();
        var account = await NewWorkerAccount(participant.GetProperty("workerId").GetGuid(), participant.GetProperty("orgUnitId").GetGuid());
        var late = await account.PostAsJsonAsync($"/api/performance/participants/{participant.Id()}/appeal", new { reason = "申诉" });
        await ProblemAssert.IsProblem(late, HttpStatusCode.Conflict, "urn:cw:problem:appeal-window-closed");
    }

    private async Task<HttpClient> NewWorkerAccount(Guid workerId, Guid orgUnitId)
    {
        using var admin = await _host.ClientFor("admin");
        var userName = $"worker.p{Next()}";
        var created = await admin.PostAsJsonAsync("/api/access/accounts",
            new { userName, displayName = "测试社工", role = "worker", orgUnitId, workerId }).Ok("account", HttpStatusCode.Created);
        return await _host.ClientForNewAccount(userName, created.Str("temporaryPassword"));
    }
}
