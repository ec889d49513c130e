using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Trust.Tests;

/// <summary>
/// Races through real HTTP: at least 50 parallel requests each, then the invariants checked in the database.
/// </summary>
[TestFixture]
public sealed class ConcurrencyTests
{
    private const int Parallel = 50;

    private CwHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private Guid _community;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _community = await OrgTree.IdByCode(_hr, TrustData.LinfenCode + "001");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _admin.Dispose();
        _hr.Dispose();
        _leader.Dispose();
        _host.Dispose();
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task<List<(HttpStatusCode Status, string Body)>> Race(int count, Func<int, Task<HttpResponseMessage>> call)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await call(i);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Set();
        List<(HttpStatusCode Status, string Body)> results = [.. await Task.WhenAll(tasks)];
        // build/test.sh shows these lines: how big each race was and how it ended.
        await TestContext.Out.WriteLineAsync($"concurrency: {TestContext.CurrentContext.Test.MethodName}: {count} requests at once → "
            + string.Join(", ", results.GroupBy(r => (int)r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        return results;
    }

    private static string Summary(IEnumerable<(HttpStatusCode Status, string Body)> results) =>
        string.Join(", ", results.GroupBy(r => (int)r.Status).Select(g => $"{g.Key}×{g.Count()}")) +
        " | first non-2xx: " + (results.FirstOrDefault(r => (int)r.Status >= 300).Body ?? "");

    private static string? ProblemType(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [Test]
    public async Task Fifty_postings_into_the_last_three_places_create_exactly_three()
    {
        var post = (await TrustData.CreatePost(_hr, _community, 3)).Id();
        var workers = new List<Guid>();
        for (var i = 0; i < Parallel; i++)
        {
            workers.Add((await TrustData.CreateWorker(_hr, _community)).Id());
        }

        var results = await Race(Parallel, i => _hr.PostAsJsonAsync("/api/staffing/postings",
            new { workerId = workers[i], postId = post, startedOn = "2020-01-01", reason = "hire" }));

        var summary = Summary(results);
        Assert.That(results.Count(r => r.Status == HttpStatusCode.Created), Is.EqualTo(3), summary);
        Assert.That(results.Count(r => r.Status == HttpStatusCode.Conflict && ProblemType(r.Body) == "urn:cw:problem:headcount-exceeded"),
            Is.EqualTo(Parallel - 3), summary);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE post_id = @Id AND ended_on IS NULL", new { Id = Key(post) }),
            Is.EqualTo(3));
    }

    [Test]
    public async Task Two_rotations_racing_for_the_last_place_approve_exactly_one()
    {
        var target = (await TrustData.CreatePost(_hr, _community, 1)).Id();
        var requests = new List<(Guid Request, Guid Worker, Guid Posting)>();
        for (var i = 0; i < 2; i++)
        {
            var worker = (await TrustData.CreateWorker(_hr, _community)).Id();
            var from = (await TrustData.CreatePost(_hr, _community, 1)).Id();
            var posting = (await TrustData.CreatePosting(_hr, worker, from)).Id();
            requests.Add(((await TrustData.CreateRotation(_hr, worker, posting, target)).Id(), worker, posting));
        }

        var results = await Race(Parallel, i => _leader.PostAsJsonAsync(
            $"/api/staffing/rotation-requests/{requests[i % 2].Request}/approve", new { comment = "同意" }));

        var summary = Summary(results);
        Assert.That(results.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1), summary);
        Assert.That(results.Where(r => r.Status != HttpStatusCode.OK).Select(r => (int)r.Status), Is.All.EqualTo(409), summary);
        var statuses = new List<string>();
        foreach (var (request, _, _) in requests)
        {
            statuses.Add((await _leader.GetJson($"/api/staffing/rotation-requests/{request}")).GetProperty("status").GetString()!);
        }
        Assert.That(statuses.Order(), Is.EqualTo(new[] { "approved", "submitted" }));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE post_id = @Id AND ended_on IS NULL", new { Id = Key(target) }),
            Is.LessThanOrEqualTo(1));
        var loser = requests[statuses.IndexOf("submitted")];
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE id = @Id AND ended_on IS NULL", new { Id = Key(loser.Posting) }),
            Is.EqualTo(1), "the losing worker's old posting is still active");
    }

    [Test]
    public async Task Deciding_the_same_rotation_fifty_times_at_once_succeeds_once()
    {
        var worker = (await TrustData.CreateWorker(_hr, _community)).Id();
        var from = (await TrustData.CreatePost(_hr, _community, 1)).Id();
        var to = (await TrustData.CreatePost(_hr, _community, 5)).Id();
        var posting = (await TrustData.CreatePosting(_hr, worker, from)).Id();
        var request = (await TrustData.CreateRotation(_hr, worker, posting, to)).Id();

        var results = await Race(Parallel, i => _leader.PostAsJsonAsync(
            $"/api/staffing/rotation-requests/{request}/{(i % 2 == 0 ? "approve" : "reject")}", new { comment = "决定" + i }));

        var summary = Summary(results);
        Assert.That(results.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1), summary);
        Assert.That(results.Count(r => r.Status == HttpStatusCode.Conflict), Is.EqualTo(Parallel - 1), summary);
        var status = await _host.Scalar<string>("SELECT status FROM staffing_rotation_requests WHERE id = @Id", new { Id = Key(request) });
        var active = await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE worker_id = @Id AND ended_on IS NULL", new { Id = Key(worker) });
        Assert.That(status, Is.AnyOf("approved", "rejected"));
        Assert.That(active, Is.EqualTo(1), "one active posting either way: the old one (rejected) or the new one (approved)");
    }

    [Test]
    public async Task Fifty_edits_of_the_same_worker_version_succeed_once()
    {
        var worker = await TrustData.CreateWorker(_hr, _community);
        var version = worker.GetProperty("version").GetInt32();

        var results = await Race(Parallel, i => _hr.PutAsJsonAsync($"/api/staffing/workers/{worker.Id()}", new
        {
            name = TrustData.UniqueName("并发"), ethnicGroup = "01", politicalStatus = "13", education = "21",
            hireDate = "2020-01-01", serviceStartDate = "2019-01-01", version,
        }));

        var summary = Summary(results);
        Assert.That(results.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1), summary);
        Assert.That(results.Count(r => r.Status == HttpStatusCode.Conflict), Is.EqualTo(Parallel - 1), summary);
        Assert.That(await _host.Scalar<long>("SELECT version FROM staffing_workers WHERE id = @Id", new { Id = Key(worker.Id()) }),
            Is.EqualTo(version + 1));
        Assert.That(await _host.Scalar<long>(
                "SELECT COUNT(*) FROM platform_audit_log WHERE entity_id = @Id AND action = 'staffing.worker.updated'", new { Id = Key(worker.Id()) }),
            Is.EqualTo(1), "exactly one update audited");
    }

    [Test]
    public async Task Reusing_one_refresh_token_fifty_times_at_once_yields_at_most_one_session_and_revokes_the_family()
    {
        var tokens = await _host.SignIn("leader.linfen");
        using var anonymous = _host.CreateClient();

        var results = await Race(Parallel, _ => anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }));

        var summary = Summary(results);
        var successes = results.Where(r => r.Status == HttpStatusCode.OK).ToList();
        Assert.That(successes, Has.Count.LessThanOrEqualTo(1), summary);
        Assert.That(results.Where(r => r.Status != HttpStatusCode.OK).Select(r => (int)r.Status), Is.All.EqualTo(401), summary);
        var rotated = successes.Select(s => JsonDocument.Parse(s.Body).RootElement.GetProperty("refreshToken").GetString()!).ToList();
        foreach (var token in rotated.Append(tokens.RefreshToken))
        {
            var again = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token });
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "every token of the family is revoked after reuse");
        }
    }

    [Test]
    public async Task The_same_import_submitted_twice_at_once_is_written_once()
    {
        var rows = Enumerable.Range(0, 20).Select(_ => TrustData.SheetRow(TrustData.NewIdNumber(), TrustData.LinfenCode + "001")).ToList();
        var sheet = TrustData.Sheet(rows);
        var before = await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_workers");

        var results = await Race(2, _ => _hr.PostAsync("/api/staffing/workers/import", TrustData.Upload(sheet)));

        var summary = Summary(results);
        Assert.That(results.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1), summary);
        var refused = results.Single(r => r.Status != HttpStatusCode.OK);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), summary);
        Assert.That(ProblemType(refused.Body), Is.EqualTo("urn:cw:problem:import-invalid"), refused.Body);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_workers"), Is.EqualTo(before + rows.Count));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) - COUNT(DISTINCT id_number_hash) FROM staffing_workers"), Is.Zero,
            "each ID number is on the roster once");
    }
}
