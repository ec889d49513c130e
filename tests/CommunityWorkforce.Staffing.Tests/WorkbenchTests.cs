using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// The workbench (工作台): every card's count is the total of the list it opens, for each demo role, on the demo data;
/// each role gets the cards of its work and no one else's.
/// </summary>
[TestFixture]
public sealed class WorkbenchTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        // The worker files one request of their own, so that their card has something to count.
        using var worker = await _host.ClientFor("worker.demo");
        var me = await worker.GetJson("/api/staffing/workers/me");
        var postings = await worker.GetFromJsonAsync<List<JsonElement>>($"/api/staffing/workers/{me.Id()}/postings");
        var current = postings!.First(p => p.GetProperty("endedOn").ValueKind == JsonValueKind.Null);
        var open = await worker.GetJson("/api/staffing/posts/open-for-me?pageSize=200");
        var target = open.Items().First(p => p.Id() != current.GetProperty("postId").GetGuid());
        var filed = await worker.PostAsJsonAsync("/api/staffing/rotation-requests", new
        {
            workerId = me.Id(), fromPostingId = current.Id(), toPostId = target.Id(), reason = "希望到其他社区锻炼",
            proposedOn = Today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        Assert.That(filed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await filed.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    private static IEnumerable<TestCaseData> Roles()
    {
        yield return new TestCaseData("leader.linfen", new[] { "staffing.rotations-waiting" }).SetName("Leader_cards_match_their_lists");
        yield return new TestCaseData("hr.linfen", new[] { "staffing.due-for-rotation", "staffing.vacant-posts", "staffing.norm-deviations" })
            .SetName("Hr_cards_match_their_lists");
        yield return new TestCaseData("admin", new[] { "staffing.due-for-rotation", "staffing.vacant-posts", "staffing.norm-deviations" })
            .SetName("Admin_cards_match_their_lists");
        yield return new TestCaseData("worker.demo", new[] { "staffing.my-open-requests" }).SetName("Worker_cards_match_their_lists");
    }

    [TestCaseSource(nameof(Roles))]
    public async Task Every_card_counts_exactly_the_items_of_the_list_it_opens(string userName, string[] expectedKeys)
    {
        using var client = await _host.ClientFor(userName);
        // Staffing's own cards; the other modules test theirs.
        var todos = (await client.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray().Where(t => t.Str("module") == "staffing").ToList();

        Assert.That(todos.Select(t => t.Str("key")), Is.EquivalentTo(expectedKeys), "the role's cards (each has something waiting on the demo data)");
        foreach (var todo in todos)
        {
            var list = await client.GetJson("/api/" + todo.Str("apiList"));
            Assert.That(todo.GetProperty("count").GetInt32(), Is.EqualTo(list.GetProperty("total").GetInt32()).And.GreaterThan(0),
                $"{userName}: {todo.Str("key")} against {todo.Str("apiList")}");
            Assert.That(todo.Str("link"), Does.StartWith("/"));
        }
    }

    [Test]
    public async Task A_decided_request_leaves_the_leaders_card_and_the_workers_open_requests_are_only_their_own()
    {
        using var leader = await _host.ClientFor("leader.linfen");
        using var worker = await _host.ClientFor("worker.demo");
        var me = await worker.GetJson("/api/staffing/workers/me");
        var before = await Count(leader, "staffing.rotations-waiting");
        var waiting = await leader.GetJson("/api/staffing/rotation-requests?status=submitted&pageSize=200");
        var first = waiting.Items().Last(r => r.GetProperty("workerId").GetGuid() != me.Id());

        var rejected = await leader.PostAsJsonAsync($"/api/staffing/rotation-requests/{first.Id()}/reject", new { comment = "暂不调整" });
        var mine = await worker.GetJson("/api/staffing/rotation-requests?status=open&pageSize=200");

        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rejected.Content.ReadAsStringAsync());
        Assert.That(await Count(leader, "staffing.rotations-waiting"), Is.EqualTo(before - 1));
        Assert.That(mine.Items().Select(r => r.GetProperty("workerId").GetGuid()), Has.All.EqualTo(me.Id()));
        Assert.That(mine.Items().Select(r => r.Str("status")), Has.All.AnyOf("draft", "submitted"));
    }

    [Test]
    public async Task Norm_deviations_list_only_units_short_of_or_over_their_norm()
    {
        using var hr = await _host.ClientFor("hr.linfen");

        var list = await hr.GetJson("/api/staffing/headcount/norm-deviations?pageSize=200");
        var shortOnly = await hr.GetJson("/api/staffing/headcount/norm-deviations?normStatus=short&pageSize=200");
        var bad = await hr.GetAsync("/api/staffing/headcount/norm-deviations?normStatus=fine");

        foreach (var line in list.Items())
        {
            var filled = line.GetProperty("filled").GetInt32();
            var norm = line.GetProperty("norm").GetInt32();
            Assert.That(line.Str("normStatus"), Is.EqualTo(filled < norm ? "short" : "over"));
            Assert.That(filled, Is.Not.EqualTo(norm));
        }
        Assert.That(shortOnly.Items().Select(l => l.Str("normStatus")), Has.All.EqualTo("short"));
        Assert.That(shortOnly.GetProperty("total").GetInt32(), Is.LessThanOrEqualTo(list.GetProperty("total").GetInt32()));
        await ProblemAssert.IsProblem(bad, HttpStatusCode.BadRequest);
    }

    private static async Task<int> Count(HttpClient client, string key) =>
        (await client.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray()
            .Where(t => t.Str("key") == key).Select(t => t.GetProperty("count").GetInt32()).SingleOrDefault();
}
