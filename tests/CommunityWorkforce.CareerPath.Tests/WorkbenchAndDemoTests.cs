using System.Net.Http.Json;
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
                Assert.That(todo.GetProperty("count").GetInt32(), Is.EqualTo(list.GetProperty("total").GetInt32()), $"{user} {todo.Str("key")}");
            }
        }
        Assert.That(seen, Is.SupersetOf(new[] { "career.promotions-waiting", "career.applications-to-review", "career.progression-to-apply" }));
    }
}
