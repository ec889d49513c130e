using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Training.Tests.TrainingData;

namespace CommunityWorkforce.Training.Tests;

/// <summary>Training's workbench cards: each count is the total of the list it opens, for each demo role.</summary>
[TestFixture]
public sealed class WorkbenchTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new CwHost();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    private static IEnumerable<TestCaseData> Roles()
    {
        var hr = new[] { "training.attendance-due", "training.non-compliant", "training.certificates-expiring" };
        yield return new TestCaseData("hr.linfen", hr).SetName("Hr_training_cards_match_their_lists");
        yield return new TestCaseData("admin", hr).SetName("Admin_training_cards_match_their_lists");
        yield return new TestCaseData("worker.demo", new[] { "training.my-upcoming" }).SetName("Worker_training_cards_match_their_lists");
        yield return new TestCaseData("leader.linfen", Array.Empty<string>()).SetName("Leader_has_no_training_cards");
    }

    [TestCaseSource(nameof(Roles))]
    public async Task Every_training_card_counts_exactly_the_items_of_the_list_it_opens(string userName, string[] expectedKeys)
    {
        using var client = await _host.ClientFor(userName);
        var todos = (await client.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray()
            .Where(t => t.Str("module") == "training").ToList();

        Assert.That(todos.Select(t => t.Str("key")), Is.EquivalentTo(expectedKeys));
        foreach (var todo in todos)
        {
            var list = await client.GetJson("/api/" + todo.Str("apiList"));
            Assert.That(todo.GetProperty("count").GetInt32(), Is.EqualTo(list.GetProperty("total").GetInt32()).And.GreaterThan(0),
                $"{userName}: {todo.Str("key")} against {todo.Str("apiList")}");
            Assert.That(todo.Str("link"), Does.StartWith("/"));
        }
    }
}
