using System.Net.Http.Json;
using Dapper;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.CareerPath.Tests.CareerData;

namespace CommunityWorkforce.CareerPath.Tests;

/// <summary>The demo street's career data and the workbench cards, each equal to the list it opens.</summary>
[TestFixture]
public sealed class WorkbenchAndDemoTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new CwHost();

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task The_demo_street_has_grade_histories_a_reserve_pool_and_a_promotion_waiting_for_the_leader()
    {
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM career_v_current_grades"), Is.GreaterThan(200));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM career_v_reserve_pool WHERE status = 'active'"), Is.GreaterThan(0));
        using var leader = await _host.ClientFor("leader.linfen");
        var waiting = await leader.GetJson("/api/career/applications?status=reviewed");
        Assert.That(waiting.Items().Any(a => a.Str("toPostType") == "deputy"), Is.True);
        using var worker = await _host.ClientFor("worker.demo");
        var me = (await worker.GetJson("/api/staffing/workers/me")).Id();
        var mine = await worker.GetJson($"/api/career/workers/{me}/grades");
        Assert.That(mine.GetProperty("current").GetProperty("level").GetInt32(), Is.GreaterThan(0));
        Assert.That(mine.GetProperty("nextStep").Str("explanation"), Is.Not.Empty);
    }

    [Test]
    public async Task Every_career_card_counts_exactly_the_list_it_opens()
    {
        using var hr = await _host.ClientFor("hr.linfen");
        var (worker, _) = (await WorkersGraded(_host, Today.Year - 1, "competent", 1))[0];
        await hr.RecordGrade(worker, "staff", 3, new DateOnly(Today.Year - 1, 1, 1));
        await hr.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = worker, kind = "promotion", toPostType = "deputy", effectiveOn = Today, reason = "工作台测试",
        }).Ok(System.Net.HttpStatusCode.Created);
        await hr.PostAsJsonAsync("/api/career/progression-runs", new { asOf = new DateOnly(Today.Year, 1, 1) }).Ok(System.Net.HttpStatusCode.Created);
        var seen = new HashSet<string>();
        foreach (var user in new[] { "hr.linfen", "leader.linfen", "admin", "worker.demo" })
        {
            using var client = await _host.ClientFor(user);
            var todos = (await client.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray().Where(t => t.Str("module") == "career");
            foreach (var todo in todos)
            {
                seen.Add(todo.Str("key"));
                var list = await client.GetJson("/api/" + todo.Str("apiList"));
                Assert.That(todo.GetProperty("count").GetInt32(), Is.EqualTo(Total(list)), $"{user} {todo.Str("key")}");
            }
        }
        Assert.That(seen, Is.SupersetOf(new[] { "career.promotions-waiting", "career.applications-to-review", "career.progression-to-apply", "career.nominations-waiting" }));
    }

    /// <summary>A paged list's total; the reserve pool and succession risk are whole lists (a subtree's pool is short).</summary>
    private static int Total(System.Text.Json.JsonElement list) =>
        list.ValueKind == System.Text.Json.JsonValueKind.Array ? list.GetArrayLength() : list.GetProperty("total").GetInt32();

    [Test]
    public async Task Reserve_reviews_due_and_units_at_succession_risk_are_on_hrs_workbench_equal_to_their_lists()
    {
        List<string> members;
        await using (var db = Db.Open(_host))
        {
            members = (await db.QueryAsync<string>("SELECT id FROM career_reserve_members WHERE status = 'active' ORDER BY id")).ToList();
        }
        Assert.That(members, Has.Count.GreaterThanOrEqualTo(2));
        await _host.Scalar<int>("UPDATE career_reserve_members SET review_on = @On WHERE id = @Id", new { On = Today.AddDays(-3).ToString("yyyy-MM-dd"), Id = members[0] });
        await _host.Scalar<int>("UPDATE career_reserve_members SET review_on = @On WHERE id = @Id", new { On = Today.AddDays(200).ToString("yyyy-MM-dd"), Id = members[1] });
        using var hr = await _host.ClientFor("hr.linfen");
        var todos = (await hr.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray().ToDictionary(t => t.Str("key"));
        Assert.That(todos, Does.ContainKey("career.reserve-reviews-due"), "an overdue review is on the card");
        var reviews = todos["career.reserve-reviews-due"];
        var duePage = await hr.GetJson("/api/" + reviews.Str("apiList") + "&pageSize=200");
        var due = duePage.Items().ToList();
        Assert.That(reviews.GetProperty("count").GetInt32(), Is.EqualTo(duePage.Int("total")).And.EqualTo(due.Count));
        Assert.That(due.Select(m => m.Str("memberId").ToLowerInvariant()), Does.Contain(members[0].ToLowerInvariant()).And.Not.Contain(members[1].ToLowerInvariant()));
        Assert.That(due.All(m => DateOnly.Parse(m.Str("reviewOn")) <= Today.AddDays(30) && m.Str("status") == "active"), Is.True);
        var flagged = (await hr.GetJson("/api/career/succession-risk?atRiskOnly=true&pageSize=200")).Items().ToList();
        Assert.That(flagged.All(u => u.GetProperty("atRisk").GetBoolean()), Is.True);
        if (todos.TryGetValue("career.succession-risk", out var risk))
        {
            Assert.That(risk.Str("apiList"), Is.EqualTo("career/succession-risk?atRiskOnly=true"));
            Assert.That(risk.GetProperty("count").GetInt32(), Is.EqualTo(flagged.Count).And.GreaterThan(0));
        }
        else
        {
            Assert.That(flagged, Is.Empty, "no card only when no unit is at risk");
        }
        await ProblemAssert.NamesField(await hr.GetAsync("/api/career/reserve-pool?reviewDueWithin=-1"), "reviewDueWithin");
        using var worker = await _host.ClientFor("worker.demo");
        var workerKeys = (await worker.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray().Select(t => t.Str("key"));
        Assert.That(workerKeys, Has.None.EqualTo("career.reserve-reviews-due").And.None.EqualTo("career.succession-risk"));
    }

    [Test]
    public async Task The_workers_next_step_card_opens_the_next_stage_with_the_criteria_still_missing_in_words()
    {
        using var worker = await _host.ClientFor("worker.demo");
        var todos = (await worker.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray().ToDictionary(t => t.Str("key"));
        Assert.That(todos, Does.ContainKey("career.my-next-step"), "the demo worker misses some criteria for deputy");
        var card = todos["career.my-next-step"];
        Assert.That(card.Str("apiList"), Does.Contain("/eligibility?stage="));
        var stage = (await worker.GetJson("/api/" + card.Str("apiList"))).EnumerateArray().Single();
        var missing = stage.GetProperty("criteria").EnumerateArray().Where(c => !c.GetProperty("met").GetBoolean()).ToList();
        Assert.That(card.Int("count"), Is.EqualTo(1));
        Assert.That(missing, Is.Not.Empty);
        Assert.That(missing.All(c => !string.IsNullOrEmpty(c.Str("missingZh"))), Is.True, "each missing criterion says what is missing in words");
        using var hr = await _host.ClientFor("hr.linfen");
        var hrKeys = (await hr.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray().Select(t => t.Str("key"));
        Assert.That(hrKeys, Has.None.EqualTo("career.my-next-step"));
    }

    [Test]
    public async Task The_reserve_pool_and_succession_risk_of_the_street_are_consistent_and_for_staff_only()
    {
        using var hr = await _host.ClientFor("hr.linfen");
        var pool = (await hr.GetJson("/api/career/reserve-pool?status=active&pageSize=200")).Items().ToList();
        Assert.That(pool, Is.Not.Empty);
        Assert.That(pool.All(m => m.Str("targetStage") == "deputy"), Is.True);
        var near = (await hr.GetJson("/api/career/succession-risk?years=1&pageSize=200")).Items().ToList();
        var far = (await hr.GetJson("/api/career/succession-risk?years=15&pageSize=200")).Items().ToList();
        Assert.That(far.Sum(r => r.GetProperty("retiring").GetInt32()), Is.GreaterThanOrEqualTo(near.Sum(r => r.GetProperty("retiring").GetInt32())));
        Assert.That(far.Sum(r => r.GetProperty("retiring").GetInt32()), Is.GreaterThan(0), "some heads and deputies retire within 15 years");
        foreach (var unit in far)
        {
            Assert.That(unit.GetProperty("atRisk").GetBoolean(), Is.EqualTo(unit.GetProperty("retiring").GetInt32() > unit.GetProperty("readyReserves").GetInt32()));
            Assert.That(unit.GetProperty("retiringPeople").GetArrayLength(), Is.EqualTo(unit.GetProperty("retiring").GetInt32()));
        }
        var flagged = (await hr.GetJson("/api/career/succession-risk?years=15&atRiskOnly=true&pageSize=200")).Items().ToList();
        Assert.That(flagged.Count, Is.EqualTo(far.Count(r => r.GetProperty("atRisk").GetBoolean())));
        await ProblemAssert.NamesField(await hr.GetAsync("/api/career/succession-risk?years=40"), "years");
        using var worker = await _host.ClientFor("worker.demo");
        Assert.That((await worker.GetAsync("/api/career/succession-risk")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
    }

    [Test]
    public void The_retirement_table_follows_the_2025_reform()
    {
        var table = CommunityWorkforce.CareerPath.Contracts.RetirementTable.Default;
        Assert.That(table.RetirementDate(new DateOnly(1964, 12, 15), "1"), Is.EqualTo(new DateOnly(2024, 12, 15)), "born before 1965: 60");
        Assert.That(table.RetirementDate(new DateOnly(1965, 1, 15), "1"), Is.EqualTo(new DateOnly(2025, 2, 15)), "60 and 1 month");
        Assert.That(table.RetirementDate(new DateOnly(1970, 5, 1), "2"), Is.EqualTo(new DateOnly(2025, 7, 1)), "female cadre: 55 and 2 months");
        Assert.That(table.AgeMonths(new DateOnly(1990, 1, 1), "male"), Is.EqualTo(63 * 12), "capped at 63");
    }
}
