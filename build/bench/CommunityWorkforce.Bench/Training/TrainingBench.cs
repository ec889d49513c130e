using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;

namespace CommunityWorkforce.Bench;

/// <summary>
/// Training's part of the benchmark. Data: a city-wide catalogue (mandatory and recurring courses among them), five years of
/// sessions in every street (each course about twice a year) with their enrolments, attendance, hours and completions,
/// sessions ahead in every street with open enrolment, social-work and first-aid certificates. Scenarios: enrolment at
/// the run's concurrency, a worker's training track, a street's and the whole city's compliance report.
/// </summary>
internal sealed class TrainingBench : IBenchModule
{
    public string Name => "Training";

    /// <summary>Sessions ahead per street, for the enrolment scenario (capacity 30: later enrolments join the waiting list).</summary>
    private const int UpcomingPerStreet = 4;

    private static readonly (string Code, string Title, string Category, string Delivery, double Hours, bool Mandatory, int? Recurrence, string[] Competencies)[] Courses =
    [
        ("BT-PARTY-01", "党性教育专题培训", "party", "classroom", 8, true, 12, ["political-awareness", "knowledge-party-building"]),
        ("BT-POLICY-01", "民政政策解读", "policy", "classroom", 6, false, null, ["knowledge-civil-affairs", "ability-policy-application"]),
        ("BT-ELDER-01", "养老服务实务", "service-skills", "classroom", 6, false, null, ["knowledge-elderly-care"]),
        ("BT-MEDIATE-01", "人民调解与群众沟通", "service-skills", "classroom", 4, false, null, ["knowledge-mediation", "ability-resident-communication"]),
        ("BT-DIGI-01", "数字化工具应用", "digital", "online", 4, false, null, ["ability-digital-tools"]),
        ("BT-EMERG-01", "应急处置与现场急救", "emergency", "classroom", 8, true, 24, ["ability-emergency-response"]),
        ("BT-MENTOR-01", "新进社区工作者带教", "mentoring", "on-the-job", 16, false, null, ["trait-service-attitude", "ability-organising"]),
        ("BT-SW-01", "社会工作实务（继续教育）", "service-skills", "classroom", 12, false, null, ["knowledge-family-services", "knowledge-disability"]),
        ("BT-SECURITY-01", "平安建设与就业政策", "policy", "online", 4, false, null, ["knowledge-public-security", "knowledge-employment"]),
        ("BT-HEALTH-01", "社区健康服务", "service-skills", "classroom", 4, false, null, ["knowledge-health"]),
        ("BT-RESILIENCE-01", "压力管理与责任担当", "service-skills", "online", 3, false, null, ["trait-resilience", "trait-responsibility"]),
        ("BT-ORG-01", "社区活动组织", "service-skills", "classroom", 6, false, null, ["ability-organising"]),
    ];

    public async Task GenerateAsync(GeneratedCity city)
    {
        var c = city.Connection;
        var tx = city.Transaction;
        var now = city.Now;
        var today = city.Today;
        var random = city.Random;

        var courses = new List<(Guid Id, double Hours, int? Recurrence)>();
        foreach (var course in Courses)
        {
            var id = Guid.NewGuid();
            courses.Add((id, course.Hours, course.Recurrence));
            await c.ExecuteAsync("""
                INSERT INTO training_courses (id, code, title, category, delivery, hours, description, mandatory, recurrence_months, open_enrolment,
                    audience_post_types, audience_org_unit_id, audience_org_path, status, is_demo, version, created_at, updated_at)
                VALUES (@Id, @Code, @Title, @Category, @Delivery, @Hours, NULL, @Mandatory, @Recurrence, 1, NULL, NULL, NULL, 'active', 0, 1, @Now, @Now)
                """, new { Id = id, course.Code, course.Title, course.Category, course.Delivery, course.Hours, course.Mandatory, course.Recurrence, Now = now }, tx);
            await c.ExecuteAsync("INSERT INTO training_course_competencies (course_id, competency_code, target_level) VALUES (@Id, @Code, 4)",
                course.Competencies.Select(code => new { Id = id, Code = code }), tx);
        }

        // Every street's workers (communities and centres under it), for the sessions each street runs.
        var byStreet = city.Workers.GroupBy(w => StreetOf(w.Post.Unit)?.Id).Where(g => g.Key is not null)
            .ToDictionary(g => g.Key!.Value, g => g.Select(w => w.WorkerId).ToList());
        var sessions = new List<object>();
        var enrolments = new List<object>();
        var sessionCount = 0;
        var enrolmentCount = 0;
        foreach (var street in city.Level("street"))
        {
            if (!byStreet.TryGetValue(street.Id, out var members) || members.Count == 0)
            {
                continue;
            }
            // Five years back: each course about twice a year, 20–35 participants, most attend and complete.
            foreach (var (courseId, hours, recurrence) in courses)
            {
                for (var day = today.AddYears(-5).AddDays(random.Next(0, 120)); day < today.AddDays(-1); day = day.AddDays(150 + random.Next(60)))
                {
                    var sessionId = Guid.NewGuid();
                    var participants = Pick(members, 20 + random.Next(16), random);
                    sessions.Add(Session(sessionId, courseId, street, day, 40, participants.Count, now));
                    var queue = 0;
                    foreach (var worker in participants)
                    {
                        var attended = random.Next(100) < 90;
                        enrolments.Add(new
                        {
                            Id = Guid.NewGuid(), SessionId = sessionId, WorkerId = worker, Status = "enrolled", QueueNo = ++queue,
                            Attended = attended, Hours = attended ? hours : (double?)null, Score = attended ? 60 + random.Next(41) : (int?)null,
                            CompletedOn = attended ? day : (DateOnly?)null,
                            ValidUntil = attended && recurrence is { } months ? day.AddMonths(months).AddDays(-1) : (DateOnly?)null,
                            Rating = attended && random.Next(100) < 50 ? 3 + random.Next(3) : (int?)null, Now = now,
                        });
                    }
                    sessionCount++;
                }
                if (enrolments.Count >= 50_000)
                {
                    enrolmentCount += enrolments.Count;
                    await Flush(c, tx, sessions, enrolments);
                }
            }
            // Ahead: sessions open for enrolment (the enrolment scenario fills them; capacity 30, then a waiting list).
            for (var i = 0; i < UpcomingPerStreet; i++)
            {
                var (courseId, _, _) = courses[random.Next(courses.Count)];
                sessions.Add(Session(Guid.NewGuid(), courseId, street, today.AddDays(20 + i * 7), 30, 0, now));
                sessionCount++;
            }
        }
        enrolmentCount += enrolments.Count;
        await Flush(c, tx, sessions, enrolments);

        // Certificates: about a third hold a social-work qualification (registrations of every age), some a first-aid one.
        var certificates = new List<object>();
        var n = 0;
        foreach (var (workerId, _, _) in city.Workers)
        {
            var draw = random.Next(100);
            if (draw < 35)
            {
                var level = random.Next(100) switch { < 60 => "assistant", < 95 => "intermediate", _ => "senior" };
                var registered = today.AddDays(-random.Next(30, 1090));
                var issued = registered.AddDays(-random.Next(10, 200));
                certificates.Add(new
                {
                    Id = Guid.NewGuid(), WorkerId = workerId, Kind = "social-work", Level = (string?)level,
                    Name = level switch { "assistant" => "助理社会工作师", "intermediate" => "社会工作师", _ => "高级社会工作师" },
                    Number = $"SWB{issued.Year}{++n:D7}", IssuedOn = issued, RegisteredOn = (DateOnly?)registered,
                    ExpiresOn = (DateOnly?)registered.AddYears(3).AddDays(-1), Now = now,
                });
            }
            if (draw is >= 20 and < 45)
            {
                var firstAid = today.AddDays(-random.Next(100, 1000));
                certificates.Add(new
                {
                    Id = Guid.NewGuid(), WorkerId = workerId, Kind = "other", Level = (string?)null, Name = "红十字救护员证",
                    Number = $"FAB{firstAid.Year}{++n:D7}", IssuedOn = firstAid, RegisteredOn = (DateOnly?)null, ExpiresOn = (DateOnly?)firstAid.AddYears(3), Now = now,
                });
            }
        }
        await c.ExecuteAsync("""
            INSERT INTO training_certificates (id, worker_id, kind, level, name, number, issued_on, registered_on, expires_on, version, created_at, updated_at)
            VALUES (@Id, @WorkerId, @Kind, @Level, @Name, @Number, @IssuedOn, @RegisteredOn, @ExpiresOn, 1, @Now, @Now)
            """, certificates, tx);

        city.Summary.Add($"{sessionCount:N0} training sessions, {enrolmentCount:N0} training enrolments over 5 years, {certificates.Count:N0} certificates");
    }

    private static Unit? StreetOf(Unit unit)
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

    private static List<Guid> Pick(List<Guid> members, int count, Random random)
    {
        if (count >= members.Count)
        {
            return [.. members];
        }
        var chosen = new HashSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(random.Next(members.Count));
        }
        return chosen.Select(i => members[i]).ToList();
    }

    private static object Session(Guid id, Guid courseId, Unit street, DateOnly day, int capacity, int queue, DateTimeOffset now)
    {
        // 09:00–12:00 in China (UTC+8).
        var starts = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        return new
        {
            Id = id, CourseId = courseId, OrgUnitId = street.Id, OrgPath = street.Path, SessionDate = day, StartsAt = starts, EndsAt = starts.AddHours(3),
            Capacity = capacity, EnrolDeadline = day.AddDays(-2), Queue = queue, Now = now,
        };
    }

    private static async Task Flush(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, List<object> sessions, List<object> enrolments)
    {
        await c.ExecuteAsync("""
            INSERT INTO training_sessions (id, course_id, org_unit_id, org_path, session_date, starts_at, ends_at, place, trainer, capacity,
                enrol_deadline, status, next_queue_no, version, created_at, updated_at)
            VALUES (@Id, @CourseId, @OrgUnitId, @OrgPath, @SessionDate, @StartsAt, @EndsAt, '街道社区党群服务中心', '基准讲师', @Capacity,
                @EnrolDeadline, 'scheduled', @Queue, 1, @Now, @Now)
            """, sessions, tx);
        await c.ExecuteAsync("""
            INSERT INTO training_enrollments (id, session_id, worker_id, status, queue_no, enrolled_by, attended, hours_credited, score, completed_on,
                valid_until, feedback_rating, version, created_at, updated_at)
            VALUES (@Id, @SessionId, @WorkerId, @Status, @QueueNo, 'hr', @Attended, @Hours, @Score, @CompletedOn, @ValidUntil, @Rating, 1, @Now, @Now)
            """, enrolments, tx);
        sessions.Clear();
        enrolments.Clear();
    }

    public async Task MeasureAsync(Measurement run)
    {
        List<string> courses;
        List<string> streetWorkers;
        string street;
        await using (var db = Sample.Open(run.Options.DataFolder))
        {
            street = await db.QuerySingleAsync<string>("SELECT id FROM staffing_org_units WHERE path = @P", new { P = run.Sample.StreetPath });
            courses = (await db.QueryAsync<string>("SELECT id FROM training_courses WHERE status = 'active' ORDER BY code")).AsList();
            streetWorkers = (await db.QueryAsync<string>("""
                SELECT w.id FROM staffing_workers w JOIN staffing_org_units u ON u.id = w.org_unit_id
                WHERE u.path >= @P AND u.path < @End AND w.status = 'active' ORDER BY w.staff_no
                """, new { P = run.Sample.StreetPath, End = run.Sample.StreetPath[..^1] + "0" })).AsList();
        }

        // Enrolment: one worker per request into the street's sessions ahead, at the run's concurrency (HR of the street).
        // The sessions are scheduled here, empty, on every run: the generated ones ahead are full after a first run on the
        // same data (CW_BENCH_REUSE=1), where every request would find its worker already enrolled and write nothing.
        var upcoming = new List<string>();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(30);
        for (var i = 0; i < UpcomingPerStreet; i++)
        {
            var starts = new DateTimeOffset(day.AddDays(i * 7).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
            using var schedule = new HttpRequestMessage(HttpMethod.Post, "/api/training/sessions")
            {
                Content = JsonContent.Create(new
                {
                    courseId = courses[i % courses.Count], orgUnitId = street, startsAt = starts, endsAt = starts.AddHours(3),
                    place = "街道社区党群服务中心", trainer = "基准讲师", capacity = 30, enrolDeadline = day.AddDays(i * 7 - 2).ToString("yyyy-MM-dd"),
                }),
            };
            schedule.Headers.Authorization = new AuthenticationHeaderValue("Bearer", run.Callers.StreetHr);
            using var scheduled = await run.Http.SendAsync(schedule);
            scheduled.EnsureSuccessStatusCode();
            upcoming.Add((await scheduled.Content.ReadFromJsonAsync<IdOnly>())!.Id.ToString());
        }
        var requests = streetWorkers.SelectMany(w => upcoming.Select(s => (Session: s, Worker: w))).ToList();
        var count = Math.Min(requests.Count, run.Options.Smoke ? 100 : 2_000);
        var shuffled = requests.OrderBy(r => HashCode.Combine(r.Session, r.Worker)).Take(count).ToList();
        var (latencies, failures, seconds) = await Measure(shuffled, run.Connections, item =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/training/sessions/{item.Session}/enrollments")
            {
                Content = JsonContent.Create(new { workerIds = new[] { item.Worker } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", run.Callers.StreetHr);
            return run.Http.SendAsync(request);
        });
        var p95 = Runner.Percentile(latencies, 95);
        run.Add(new Result("Enrol a worker in a session (seats, then waiting list)", $"{run.Connections} concurrent, {count} requests",
            count / seconds, Runner.Percentile(latencies, 50), p95, "p95 ≤ 30 ms", failures == 0 && p95 <= 30,
            failures > 0 ? $"{failures} failed or non-2xx responses" : ""));

        var track = run.Sample.WorkerIds.Select(id => $"GET /api/training/workers/{id}/track").ToList();
        await run.Wrk.WarmUpAsync(run.Callers.StreetHr, track, run.Options.Smoke ? 1 : 5);
        run.Add(await run.Wrk.RunAsync("A worker's training track", run.Callers.StreetHr, track, "p95 ≤ 20 ms", 20));
        run.Add(await run.Wrk.RunAsync("Training compliance report, street", run.Callers.StreetHr,
            [$"GET /api/training/compliance?orgUnitId={street}&pageSize=20"], "p95 ≤ 50 ms", 50));
        run.Add(await run.Wrk.RunAsync("Training compliance report, whole city", run.Callers.Admin,
            ["GET /api/training/compliance?pageSize=20"], "≤ 1 s", 1000, connections: 1, percentile: 50));
    }

    private sealed record IdOnly(Guid Id);

    private static async Task<(List<double> Latencies, int Failures, double Seconds)> Measure<T>(IReadOnlyList<T> items, int connections,
        Func<T, Task<HttpResponseMessage>> send)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await send(items[i]);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return (latencies.ToList(), failures, clock.Elapsed.TotalSeconds);
    }
}
