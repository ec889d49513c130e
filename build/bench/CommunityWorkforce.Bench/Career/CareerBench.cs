using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;

namespace CommunityWorkforce.Bench;

/// <summary>
/// CareerPath's part of the benchmark. Data: a grade history for every worker (a starting grade at the start of community
/// work and, for most, the grade in force since a later 1 January) and a few reserve-pool members per street. Scenarios:
/// eligibility of the whole city for the deputy stage, a progression preview of the whole city, a worker's own career
/// track (their grades and their eligibility for every stage).
/// </summary>
internal sealed class CareerBench : IBenchModule
{
    private const int ReservesPerStreet = 4;

    public string Name => "CareerPath";

    public async Task GenerateAsync(GeneratedCity city)
    {
        var today = city.Today;
        var now = city.Now;
        var bands = new Dictionary<string, (int Min, int Max)> { ["head"] = (7, 18), ["deputy"] = (4, 15), ["staff"] = (1, 12) };
        var grades = new List<object>(city.Workers.Count * 2);
        foreach (var (workerId, _, post) in city.Workers)
        {
            var (min, max) = bands.GetValueOrDefault(post.Type, (1, 12));
            var start = min + city.Random.Next(0, 3);
            var startedOn = today.AddDays(-city.Random.Next(365, 365 * 15));
            var since = new DateOnly(today.Year - city.Random.Next(1, 4), 1, 1);
            if (since > startedOn && city.Random.Next(100) < 80)
            {
                var level = Math.Min(max, start + (since.Year - startedOn.Year) / 3);
                grades.Add(Grade(workerId, post.Type, start, startedOn, "入职定级", "initial", false, now));
                grades.Add(Grade(workerId, post.Type, level, since, $"按年限晋级至 {level} 级", "progression", true, now));
            }
            else
            {
                grades.Add(Grade(workerId, post.Type, start, startedOn, "入职定级", "initial", true, now));
            }
        }
        await city.Connection.ExecuteAsync("""
            INSERT INTO career_grade_history (id, worker_id, post_type, level, from_date, reason, reason_code, source_id, is_current, created_by, created_at)
            VALUES (@Id, @WorkerId, @PostType, @Level, @FromDate, @Reason, @ReasonCode, NULL, @IsCurrent, 'bench', @Now)
            """, grades, city.Transaction);

        // The reserve pool: a few staff members of each street's communities, reviews due over the coming months.
        static Unit? StreetOf(Unit unit)
        {
            for (Unit? u = unit; u is not null; u = u.Parent)
            {
                if (u.Level == "street")
                {
                    return u;
                }
            }
            return null;
        }
        var reserves = new List<object>();
        foreach (var street in city.Workers.Where(w => w.Post.Type == "staff").GroupBy(w => StreetOf(w.Post.Unit)).Where(g => g.Key is not null))
        {
            foreach (var (workerId, _, post) in street.OrderBy(_ => city.Random.Next()).Take(ReservesPerStreet))
            {
                reserves.Add(new
                {
                    Id = Guid.NewGuid(), WorkerId = workerId, OrgUnitId = post.Unit.Id, OrgPath = post.Unit.Path, TermStart = new DateOnly(today.Year - 1, 7, 1),
                    TermEnd = new DateOnly(today.Year + 1, 6, 30), ReviewOn = today.AddDays(city.Random.Next(-20, 150)), Now = now,
                });
            }
        }
        await city.Connection.ExecuteAsync("""
            INSERT INTO career_reserve_members (id, worker_id, org_unit_id, org_path, target_stage, status, nominated_on, term_start, term_end, review_on,
                version, created_at, updated_at)
            VALUES (@Id, @WorkerId, @OrgUnitId, @OrgPath, 'deputy', 'active', @TermStart, @TermStart, @TermEnd, @ReviewOn, 1, @Now, @Now)
            """, reserves, city.Transaction);

        city.Summary.Add($"{grades.Count:N0} grade-history rows");
        city.Summary.Add($"{reserves.Count:N0} reserve-pool members");
    }

    private static object Grade(Guid workerId, string postType, int level, DateOnly from, string reason, string code, bool current, DateTimeOffset now) => new
    {
        Id = Guid.NewGuid(), WorkerId = workerId, PostType = postType, Level = level, FromDate = from, Reason = reason, ReasonCode = code,
        IsCurrent = current, Now = now,
    };

    public async Task MeasureAsync(Measurement run)
    {
        string workerUser;
        string workerId;
        await using (var db = Sample.Open(run.Options.DataFolder))
        {
            (workerUser, workerId) = await db.QueryFirstAsync<(string, string)>(
                "SELECT user_name, worker_id FROM access_accounts WHERE role = 'worker' AND worker_id IS NOT NULL ORDER BY user_name LIMIT 1");
        }

        // The whole city's eligibility for one stage: every worker's criteria evaluated set-wise, first page returned.
        run.Add(await TimeOnceAsync(run, "Eligibility of the whole city for the deputy stage", HttpMethod.Get,
            "/api/career/eligibility?stage=deputy&pageSize=20", null, 5));

        // A progression preview of the whole city: every worker's step on the day, explained, stored as a run.
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        run.Add(await TimeOnceAsync(run, "Progression preview of the whole city", HttpMethod.Post, "/api/career/progression-runs",
            JsonContent.Create(new { asOf = asOf.ToString("yyyy-MM-dd") }), 10));

        // My career track: what the worker's profile tab loads (their grades and their eligibility for every stage).
        var worker = await Runner.TokenAsync(run.Http, workerUser);
        var track = new List<string> { $"GET /api/career/workers/{workerId}/grades", $"GET /api/career/workers/{workerId}/eligibility" };
        await run.Wrk.WarmUpAsync(worker, track, run.Options.Smoke ? 1 : 5);
        run.Add(await run.Wrk.RunAsync("My career track (worker: grades and eligibility for every stage)", worker, track, "p95 ≤ 25 ms", 25));
    }

    private static async Task<Result> TimeOnceAsync(Measurement run, string scenario, HttpMethod method, string path, HttpContent? body, double targetSeconds)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", run.Callers.Admin);
        var watch = Stopwatch.StartNew();
        using var response = await run.Http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        return new Result(scenario, "1 request (admin, city scope)", null, seconds * 1000, seconds * 1000, $"≤ {targetSeconds:0} s",
            response.IsSuccessStatusCode && seconds <= targetSeconds, $"HTTP {(int)response.StatusCode}, {seconds:F1} s");
    }
}
