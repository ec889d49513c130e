using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using Dapper;
using static CommunityWorkforce.Training.Tests.TrainingData;

namespace CommunityWorkforce.Training.Tests;

/// <summary>Races through real HTTP: seats are never over-booked and the waiting list keeps arrival order.</summary>
[TestFixture]
public sealed class ConcurrencyTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    private static async Task<List<HttpStatusCode>> Race(int count, Func<int, Task<HttpResponseMessage>> call)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await call(i);
            Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
            return response.StatusCode;
        })).ToList();
        start.Set();
        var results = (await Task.WhenAll(tasks)).ToList();
        await TestContext.Out.WriteLineAsync($"concurrency: {TestContext.CurrentContext.Test.MethodName}: {count} requests at once → "
            + string.Join(", ", results.GroupBy(r => (int)r).Select(g => $"{g.Key}×{g.Count()}")));
        return results;
    }

    private sealed class Row
    {
        public string Status { get; init; } = "";
        public long QueueNo { get; init; }
        public string CreatedAt { get; init; } = "";
    }

    private async Task<List<Row>> Enrolments(Guid session)
    {
        await using var connection = Db.Open(_host);
        return (await connection.QueryAsync<Row>(
            "SELECT status AS Status, queue_no AS QueueNo, CAST(created_at AS VARCHAR(40)) AS CreatedAt FROM training_enrollments WHERE session_id = @S ORDER BY queue_no",
            new { S = session.ToString().ToUpperInvariant() })).ToList();
    }

    [Test]
    public async Task Forty_parallel_enrolments_on_twelve_seats_enrol_exactly_twelve_and_twenty_eight_wait_in_arrival_order()
    {
        var session = (await Schedule(_hr, (await CreateCourse(_hr)).Id(), capacity: 12)).Id();
        var workers = await DemoWorkers(_hr, 40);

        await Race(40, i => Enrol(_hr, session, workers[i]));

        var rows = await Enrolments(session);
        Assert.That(rows.Count(r => r.Status == "enrolled"), Is.EqualTo(12));
        Assert.That(rows.Count(r => r.Status == "waiting"), Is.EqualTo(28));
        Assert.That(rows.Select(r => r.QueueNo), Is.EqualTo(Enumerable.Range(1, 40).Select(i => (long)i)), "one queue number each, no gaps");
        Assert.That(rows.Take(12).All(r => r.Status == "enrolled"), Is.True, "the first twelve to arrive hold the seats");
        Assert.That(rows.Select(r => DateTimeOffset.Parse(r.CreatedAt, System.Globalization.CultureInfo.InvariantCulture)), Is.Ordered,
            "queue order is arrival order");
        var positions = (await _hr.GetJson($"/api/training/enrollments?sessionId={session}&status=waiting&pageSize=50")).Items()
            .Select(e => e.GetProperty("waitingPosition").GetInt32());
        Assert.That(positions, Is.EqualTo(Enumerable.Range(1, 28)));
    }

    [Test]
    public async Task Cancellations_and_enrolments_at_the_same_moment_never_leave_a_seat_empty_while_people_wait()
    {
        var session = (await Schedule(_hr, (await CreateCourse(_hr)).Id(), capacity: 12)).Id();
        var workers = await DemoWorkers(_hr, 30);
        await Enrol(_hr, session, [.. workers.Take(14)]).Ok();
        var enrolled = (await _hr.GetJson($"/api/training/enrollments?sessionId={session}&status=enrolled&pageSize=50")).Items().Select(e => e.Id()).ToList();

        // Eight cancellations and eight new enrolments at once.
        await Race(16, i => i % 2 == 0
            ? _hr.PostAsJsonAsync($"/api/training/enrollments/{enrolled[i / 2]}/cancel", new { })
            : Enrol(_hr, session, workers[14 + i / 2]));

        var rows = await Enrolments(session);
        var seated = rows.Count(r => r.Status == "enrolled");
        var waiting = rows.Count(r => r.Status == "waiting");
        Assert.That(seated + waiting, Is.EqualTo(14 - 8 + 8), "everyone not cancelled holds a seat or waits");
        Assert.That(seated, Is.EqualTo(12), "all seats taken");
        Assert.That(waiting, Is.EqualTo(2));
        Assert.That(rows.Where(r => r.Status == "waiting").Min(r => r.QueueNo),
            Is.GreaterThan(rows.Where(r => r.Status == "enrolled").Max(r => r.QueueNo)), "the latest to arrive wait");
    }
}
