using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace CommunityWorkforce.Bench;

/// <summary>
/// Performance's part of the benchmark. Data: three templates at the city, the three previous years' annual cycles of the
/// whole city published (differentiated grades, read by CareerPath), an annual cycle of the whole city collecting
/// inputs (every worker a participant with assessments entered), a calibrating quarterly cycle per street, and a year of
/// resident ratings (50 per worker: 3 million at city scale; about 4 % bad, each with its rectification case).
/// Scenarios: ingest through the batch endpoint (5,000 per request), scoring the city's cycle, a street's calibration
/// board (the leader), a worker's result (HR).
/// </summary>
internal sealed class PerformanceBench : IBenchModule
{
    private const int RatingsPerWorker = 50;
    private const int BatchSize = 5_000;

    public string Name => "Performance";

    public async Task GenerateAsync(GeneratedCity city)
    {
        var c = city.Connection;
        var tx = city.Transaction;
        var root = city.Units[0];
        var now = city.Now;
        var indicators = """[{"code":"street","kind":"street","name":"街道德能勤绩廉考核","weight":30},{"code":"peer","kind":"peer","name":"同事互评","weight":10},{"code":"resident","kind":"resident","name":"居民满意度","weight":50}]""";
        var templates = new Dictionary<string, Guid>();
        foreach (var type in new[] { "head", "deputy", "staff" })
        {
            templates[type] = Guid.NewGuid();
            await c.ExecuteAsync("""
                INSERT INTO performance_templates (id, org_unit_id, org_path, post_type, name, department_share, indicators, version, created_at, updated_at)
                VALUES (@Id, @OrgUnitId, @OrgPath, @PostType, @Name, 10, @Indicators, 1, @Now, @Now)
                """, new { Id = templates[type], OrgUnitId = root.Id, OrgPath = root.Path, PostType = type, Name = "压测模板 " + type, Indicators = indicators, Now = now }, tx);
        }
        var year = city.Today.Year;
        var names = (await c.QueryAsync<(string Id, string StaffNo, string Name, string HireDate)>(
                "SELECT id, staff_no, name, hire_date FROM staffing_workers", transaction: tx))
            .ToDictionary(w => Guid.Parse(w.Id), w => (w.StaffNo, w.Name, Hired: DateOnly.Parse(w.HireDate, CultureInfo.InvariantCulture)));
        async Task<Guid> Cycle(Unit unit, string name, string kind, int? quarter, string status, DateOnly start, DateOnly end,
            IEnumerable<(Guid WorkerId, Guid PostingId, Post Post)> workers)
        {
            var id = Guid.NewGuid();
            var published = status == "published";
            await c.ExecuteAsync("""
                INSERT INTO performance_cycles (id, name, kind, year, quarter, org_unit_id, org_path, period_start, period_end, entry_deadline,
                    calibration_deadline, status, excellent_quota_percent, mover_rule, published_on, version, created_at, updated_at)
                VALUES (@Id, @Name, @Kind, @Year, @Quarter, @OrgUnitId, @OrgPath, @Start, @End, @End, @End, @Status, 20, 'most-days', @PublishedOn, 1, @Now, @Now)
                """, new
            {
                Id = id, Name = name, Kind = kind, Year = start.Year, Quarter = quarter, OrgUnitId = unit.Id, OrgPath = unit.Path, Start = start, End = end,
                Status = status, PublishedOn = published ? end.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, Now = now,
            }, tx);
            await c.ExecuteAsync("""
                INSERT INTO performance_participants (id, cycle_id, worker_id, staff_no, worker_name, org_unit_id, org_path, post_type, template_id,
                    days_in_unit, days_in_period, moved, street_score, peer_score, kpi_actuals, score, proposed_grade, grade, version, created_at, updated_at)
                VALUES (@Id, @CycleId, @WorkerId, @StaffNo, @Name, @OrgUnitId, @OrgPath, @PostType, @TemplateId, 90, 90, 0, @Street, @Peer, '{}',
                    @Score, @Grade, @Grade, 1, @Now, @Now)
                """, workers.Select(w =>
            {
                var street = 70 + city.Random.Next(0, 30);
                var score = street * 0.4 + 90 * 0.6;
                // A published year's grades: about 15 % 优秀, 80 % 合格, 4 % 基本合格, 1 % 不合格.
                var roll = city.Random.Next(0, 100);
                var grade = status == "calibrating" ? "competent"
                    : !published ? null
                    : roll < 15 ? "excellent" : roll < 95 ? "competent" : roll < 99 ? "basic" : "incompetent";
                return new
                {
                    Id = Guid.NewGuid(), CycleId = id, w.WorkerId, names[w.WorkerId].StaffNo, names[w.WorkerId].Name, OrgUnitId = w.Post.Unit.Id,
                    OrgPath = w.Post.Unit.Path, PostType = w.Post.Type, TemplateId = templates[w.Post.Type], Street = (double)street, Peer = 85.0,
                    Score = grade is null ? (double?)null : score, Grade = grade, Now = now,
                };
            }), tx);
            return id;
        }
        // The three years before, published: CareerPath's appraisal criteria and progression read their grades.
        for (var past = year - 3; past < year; past++)
        {
            var end = new DateOnly(past, 12, 31);
            await Cycle(root, $"{past}年度全市社区工作者考核（压测）", "annual", null, "published", new DateOnly(past, 1, 1), end,
                city.Workers.Where(w => names[w.WorkerId].Hired <= end));
        }
        await Cycle(root, $"{year}年度全市社区工作者考核（压测）", "annual", null, "collecting", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), city.Workers);
        var quarterStart = new DateOnly(year, 7, 1);
        foreach (var street in city.Level("street"))
        {
            await Cycle(street, $"{year}年第3季度考核（压测）", "quarterly", 3, "calibrating", quarterStart, quarterStart.AddMonths(3).AddDays(-1),
                city.Workers.Where(w => w.Post.Unit.Path.StartsWith(street.Path, StringComparison.Ordinal)));
        }

        var from = city.Today.AddDays(-365);
        var ratings = new List<object>(BatchSize);
        var cases = new List<object>();
        var total = 0;
        foreach (var (workerId, _, post) in city.Workers)
        {
            for (var i = 0; i < RatingsPerWorker; i++)
            {
                var roll = city.Random.Next(0, 100);
                var level = roll < 60 ? 5 : roll < 85 ? 4 : roll < 96 ? 3 : roll < 98 ? 2 : 1;
                var day = from.AddDays(city.Random.Next(0, 365));
                var id = Guid.NewGuid();
                ratings.Add(new
                {
                    Id = id, ExternalId = "GEN-" + id.ToString("N"), WorkerId = workerId, OrgPath = post.Unit.Path, Level = level, RatedOn = day,
                    RatedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)), Now = now,
                });
                if (level <= 2)
                {
                    cases.Add(new { Id = Guid.NewGuid(), RatingId = id, WorkerId = workerId, OrgPath = post.Unit.Path, OpenedOn = day, DueOn = day.AddDays(7), Now = now,
                        Status = day < city.Today.AddDays(-30) ? "closed" : "open" });
                }
                total++;
            }
            if (ratings.Count >= BatchSize)
            {
                await FlushRatings(c, tx, ratings, cases);
            }
        }
        await FlushRatings(c, tx, ratings, cases);
        city.Summary.Add($"{total:N0} resident ratings");
    }

    private static async Task FlushRatings(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, List<object> ratings, List<object> cases)
    {
        await c.ExecuteAsync("""
            INSERT INTO performance_ratings (id, external_id, worker_id, org_path, service_item, level, sub_scores, comment, rated_at, rated_on, source, created_at)
            VALUES (@Id, @ExternalId, @WorkerId, @OrgPath, '居住证办理', @Level, NULL, NULL, @RatedAt, @RatedOn, 'bench', @Now)
            """, ratings, tx);
        await c.ExecuteAsync("""
            INSERT INTO performance_rectifications (id, rating_id, worker_id, org_path, opened_on, due_on, working_days, calendar_missing, status,
                version, created_at, updated_at)
            VALUES (@Id, @RatingId, @WorkerId, @OrgPath, @OpenedOn, @DueOn, 5, 0, @Status, 1, @Now, @Now)
            """, cases, tx);
        ratings.Clear();
        cases.Clear();
    }

    public async Task MeasureAsync(Measurement run)
    {
        string cityCycle;
        string streetCycle;
        List<string> participants;
        List<string> staffNos;
        await using (var db = Sample.Open(run.Options.DataFolder))
        {
            cityCycle = await db.ExecuteScalarAsync<string>("SELECT id FROM performance_cycles WHERE kind = 'annual' AND status = 'collecting' ORDER BY length(org_path), id LIMIT 1") ?? "";
            streetCycle = await db.ExecuteScalarAsync<string>("SELECT id FROM performance_cycles WHERE org_path = @Path", new { Path = run.Sample.StreetPath }) ?? "";
            participants = (await db.QueryAsync<string>("SELECT id FROM performance_participants WHERE cycle_id = @Id LIMIT 50", new { Id = streetCycle })).AsList();
            staffNos = (await db.QueryAsync<string>("SELECT staff_no FROM staffing_workers LIMIT 2000")).AsList();
        }

        // Ingest: batches of 5,000 new ratings through the API, one after another.
        var batches = run.Options.Smoke ? 2 : 12;
        var random = new Random(20261201);
        var clock = Stopwatch.StartNew();
        var stored = 0;
        var latencies = new List<double>();
        for (var b = 0; b < batches; b++)
        {
            var items = Enumerable.Range(0, BatchSize).Select(i => new
            {
                id = $"BENCH-{b}-{i}-{Guid.NewGuid():N}", staffNo = staffNos[random.Next(staffNos.Count)], serviceItem = "社保卡申领",
                level = random.Next(0, 100) < 3 ? 2 : 5, ratedAt = DateTimeOffset.UtcNow.AddHours(-random.Next(1, 2000)),
            }).ToList();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/performance/ratings/batch") { Content = JsonContent.Create(new { ratings = items }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", run.Callers.Admin);
            var one = Stopwatch.StartNew();
            using var response = await run.Http.SendAsync(request);
            latencies.Add(one.Elapsed.TotalMilliseconds);
            if (response.IsSuccessStatusCode)
            {
                stored += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32();
            }
        }
        var perSecond = stored / clock.Elapsed.TotalSeconds;
        latencies.Sort();
        run.Add(new Result("Resident ratings ingest (batch of 5,000)", $"{batches} batches, sequential", perSecond, latencies[latencies.Count / 2],
            latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1], "≥ 5,000 ratings/s", perSecond >= 5_000,
            string.Create(CultureInfo.InvariantCulture, $"{stored:N0} ratings stored")));

        // Scoring the whole city's cycle (every participant, ratings of the year, department scores, proposals).
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/performance/cycles/{cityCycle}/score"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", run.Callers.Admin);
            var watch = Stopwatch.StartNew();
            using var response = await run.Http.SendAsync(request);
            var seconds = watch.Elapsed.TotalSeconds;
            run.Add(new Result("Score the whole city's annual cycle", "1 request", null, seconds * 1000, seconds * 1000, "≤ 10 s",
                response.IsSuccessStatusCode && seconds <= 10, $"HTTP {(int)response.StatusCode}, {seconds:F1} s"));
        }

        run.Add(await run.Wrk.RunAsync("Calibration board, street (leader)", run.Callers.Leader,
            [$"GET /api/performance/cycles/{streetCycle}/board"], "p95 ≤ 50 ms", 50));
        run.Add(await run.Wrk.RunAsync("A worker's appraisal result", run.Callers.StreetHr,
            participants.Select(p => $"GET /api/performance/participants/{p}").ToList(), "p95 ≤ 15 ms", 15));
    }
}
