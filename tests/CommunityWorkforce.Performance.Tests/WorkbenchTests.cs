using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Performance.Tests.PerfData;

namespace CommunityWorkforce.Performance.Tests;

/// <summary>Performance's workbench cards: each count is the total of the list it opens, for every demo role, on the demo data.</summary>
[TestFixture]
public sealed class WorkbenchTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new CwHost();

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    private static IEnumerable<TestCaseData> Roles()
    {
        string[] hr = [
            "performance.assessments-to-enter", "performance.rectifications-overdue", "performance.appeals-to-resolve",
            "performance.holiday-schedule-missing",
        ];
        yield return new TestCaseData("hr.linfen", hr).SetName("Hr_performance_cards_match_their_lists");
        yield return new TestCaseData("admin", hr).SetName("Admin_performance_cards_match_their_lists");
        yield return new TestCaseData("leader.linfen", new[] { "performance.calibration-waiting" }).SetName("Leader_performance_cards_match_their_lists");
        yield return new TestCaseData("worker.demo", new[] { "performance.my-results" }).SetName("Worker_performance_cards_match_their_lists");
    }

    [TestCaseSource(nameof(Roles))]
    public async Task Every_card_counts_exactly_the_items_of_the_list_it_opens(string userName, string[] expectedKeys)
    {
        using var client = await _host.ClientFor(userName);
        var todos = (await client.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray().Where(t => t.Str("module") == "performance").ToList();

        Assert.That(todos.Select(t => t.Str("key")), Is.EquivalentTo(expectedKeys));
        foreach (var todo in todos)
        {
            var list = await client.GetJson("/api/" + todo.Str("apiList"));
            Assert.That(todo.Int("count"), Is.EqualTo(list.Int("total")).And.GreaterThan(0), $"{userName}: {todo.Str("key")} against {todo.Str("apiList")}");
        }
    }

    [Test]
    public async Task The_demo_worker_has_results_over_the_years_and_sees_only_their_own()
    {
        using var worker = await _host.ClientFor("worker.demo");

        var mine = await worker.GetJson("/api/performance/my/results?pageSize=50");

        Assert.That(mine.Int("total"), Is.GreaterThanOrEqualTo(2), "last year's annual result and the published quarter");
        Assert.That(mine.Items().Select(i => i.Str("staffNo")), Has.All.EqualTo(DemoStaffNo));
        Assert.That(mine.Items().Select(i => i.GetProperty("parts").GetArrayLength()), Has.All.GreaterThan(0), "each result explained");
    }

    [Test]
    public async Task The_demo_cycles_show_a_differentiated_distribution_within_the_excellent_quota()
    {
        using var leader = await _host.ClientFor("leader.linfen");
        foreach (var status in new[] { "closed", "published", "calibrating" })
        {
            var cycle = (await leader.GetJson($"/api/performance/cycles?status={status}")).Items().First();
            var units = (await leader.GetJson($"/api/performance/cycles/{cycle.Id()}/board")).GetProperty("units").EnumerateArray().ToList();
            Assert.That(units.Sum(u => u.Int("excellent")), Is.GreaterThan(0), $"{status}: someone reaches 优秀");
            Assert.That(units.Sum(u => u.Int("competent")), Is.GreaterThan(units.Sum(u => u.Int("excellent"))), $"{status}: most are 合格");
            Assert.That(units.Sum(u => u.Int("basic") + u.Int("incompetent")), Is.GreaterThan(0), $"{status}: a few fall short");
            Assert.That(units.Where(u => u.Int("excellent") > u.Int("excellentQuota")).Select(u => u.Str("unitName")), Is.Empty,
                $"{status}: every unit within its 优秀 quota");
            Assert.That(units.Any(u => u.Int("excellent") < u.Int("excellentQuota")), Is.True,
                $"{status}: some units leave room under the quota, so the leader has something to calibrate");
        }
    }
}
