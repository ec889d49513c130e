using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Training.Certificates;
using CommunityWorkforce.Training.Courses;
using CommunityWorkforce.Training.Sessions;

namespace CommunityWorkforce.Training.Demo;

/// <summary>
/// Demo training for 临汾路街道 (demo data): a catalogue covering every competency of the default framework, a year of
/// sessions with attendance and hours, sessions ahead (one full with a waiting list, one where attendance is still to be
/// taken), and certificates (some registrations expiring soon). worker.demo (CW000001) has a record of their own.
/// </summary>
internal sealed class DemoTraining(DbSession db, IOrgUnitDirectory units, TimeProvider clock)
{
    private const string StreetCode = "310106021";

    private static readonly (string Code, string Title, string Category, string Delivery, decimal Hours, bool Mandatory, int? Recurrence, bool Open,
        string? PostTypes, (string Code, int Level)[] Competencies)[] Courses =
    [
        ("TR-PARTY-01", "党性教育专题培训", CourseCategories.Party, Deliveries.Classroom, 8, true, 12, false, null,
            [("political-awareness", 4), ("knowledge-party-building", 4)]),
        ("TR-POLICY-01", "民政政策解读：低保与社会救助", CourseCategories.Policy, Deliveries.Classroom, 6, false, null, true, null,
            [("knowledge-civil-affairs", 4), ("ability-policy-application", 4)]),
        ("TR-ELDER-01", "养老服务实务", CourseCategories.ServiceSkills, Deliveries.Classroom, 6, false, null, true, null,
            [("knowledge-elderly-care", 4)]),
        ("TR-MEDIATE-01", "人民调解与群众沟通技巧", CourseCategories.ServiceSkills, Deliveries.Classroom, 4, false, null, true, null,
            [("knowledge-mediation", 4), ("ability-resident-communication", 4)]),
        ("TR-DIGI-01", "“一网通办”与数字化工具应用", CourseCategories.Digital, Deliveries.Online, 4, false, null, true, null,
            [("ability-digital-tools", 4)]),
        ("TR-EMERG-01", "突发事件应急处置与现场急救", CourseCategories.Emergency, Deliveries.Classroom, 8, true, 24, false, null,
            [("ability-emergency-response", 4)]),
        ("TR-MENTOR-01", "新进社区工作者带教", CourseCategories.Mentoring, Deliveries.OnTheJob, 16, false, null, false, ",staff,",
            [("trait-service-attitude", 4), ("ability-organising", 4)]),
        ("TR-SW-01", "社会工作实务（继续教育）", CourseCategories.ServiceSkills, Deliveries.Classroom, 12, false, null, true, null,
            [("knowledge-family-services", 4), ("knowledge-disability", 4)]),
        ("TR-SECURITY-01", "平安建设、就业与健康政策", CourseCategories.Policy, Deliveries.Online, 4, false, null, true, null,
            [("knowledge-public-security", 4), ("knowledge-employment", 4), ("knowledge-health", 4)]),
        ("TR-RESILIENCE-01", "压力管理与责任担当", CourseCategories.ServiceSkills, Deliveries.Online, 3, false, null, true, null,
            [("trait-resilience", 4), ("trait-responsibility", 4)]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<int>(DemoTrainingSql.HasDemo, null, ct) > 0)
        {
            return;
        }
        var street = await units.FindByCodeAsync(StreetCode, ct);
        if (street is null)
        {
            return;
        }
        var workers = await db.QueryAsync<DemoWorker>(DemoTrainingSql.Workers, new { Scope = street.Path + "%" }, ct);
        if (workers.Count < 20)
        {
            return;
        }
        var random = new Random(20261201);
        var now = clock.GetUtcNow();
        var today = LocalDate.Today(clock);
        var demo = workers.FirstOrDefault(w => w.StaffNo == "CW000001");
        await using var tx = await db.BeginAsync(ct);
        var courseIds = new Dictionary<string, (Guid Id, decimal Hours, int? Recurrence)>();
        var demoTook = new HashSet<string>();
        foreach (var c in Courses)
        {
            var id = Guid.NewGuid();
            courseIds[c.Code] = (id, c.Hours, c.Recurrence);
            await db.ExecuteAsync(CourseSql.Insert, new
            {
                Id = id, c.Code, c.Title, c.Category, c.Delivery, c.Hours, Description = (string?)null, c.Mandatory, RecurrenceMonths = c.Recurrence,
                OpenEnrolment = c.Open, AudiencePostTypes = c.PostTypes, AudienceOrgUnitId = (Guid?)street.Id, AudienceOrgPath = street.Path,
                IsDemo = true, Now = now,
            }, ct);
            foreach (var (code, level) in c.Competencies)
            {
                await db.ExecuteAsync(CourseSql.InsertCompetency, new { CourseId = id, CompetencyCode = code, TargetLevel = level }, ct);
            }
        }

        // A year of past sessions: each course about every three months, 20–30 participants, most attended and completed.
        var trainers = new[] { "王建华", "李敏", "陈志刚", "张丽萍", "刘洋" };
        var places = new[] { "临汾路街道社区党群服务中心 3 楼报告厅", "社区事务受理服务中心培训室", "汾西路居委会活动室", "线上（随申办）" };
        foreach (var (code, (courseId, hours, recurrence)) in courseIds)
        {
            for (var months = 11; months >= 1; months -= 3 + random.Next(2))
            {
                var day = today.AddMonths(-months).AddDays(random.Next(0, 20));
                var session = await Session(courseId, street, day, trainers[random.Next(trainers.Length)], places[random.Next(places.Length)], 30, now, ct);
                // worker.demo took each of three courses once this year, and never the emergency course: their track shows
                // progress short of the requirement and an overdue mandatory course.
                var participants = workers.Where(w => w != demo).OrderBy(_ => random.Next()).Take(20 + random.Next(10)).ToList();
                if (demo is not null && code is "TR-POLICY-01" or "TR-DIGI-01" or "TR-PARTY-01" && day.Year == today.Year && demoTook.Add(code))
                {
                    participants[0] = demo;
                }
                var queue = 0;
                foreach (var w in participants.Distinct())
                {
                    var attended = w == demo || random.Next(100) < 90;
                    var completed = attended ? day : (DateOnly?)null;
                    await db.ExecuteAsync(DemoTrainingSql.InsertEnrollment, new
                    {
                        Id = Guid.NewGuid(), SessionId = session, WorkerId = w.WorkerId, Status = EnrollmentStatus.Enrolled, QueueNo = ++queue,
                        Attended = attended, Hours = attended ? hours : (decimal?)null, Score = attended ? 70 + random.Next(31) : (int?)null,
                        CompletedOn = completed, ValidUntil = completed is { } d ? CourseRules.ValidUntil(d, recurrence) : null,
                        Rating = attended && random.Next(100) < 60 ? 3 + random.Next(3) : (int?)null, Now = now,
                    }, ct);
                }
                await db.ExecuteAsync(DemoTrainingSql.SetQueue, new { Id = session, N = queue }, ct);
            }
        }

        // Yesterday's session: attendance still to be taken.
        var yesterday = await Session(courseIds["TR-ELDER-01"].Id, street, today.AddDays(-1), "张丽萍", places[1], 25, now, ct);
        await Enrol(yesterday, workers.OrderBy(_ => random.Next()).Take(18).ToList(), 25, now, ct);

        // Ahead: a full session with a waiting list, an open one worker.demo is enrolled in, and one with room.
        var full = await Session(courseIds["TR-MEDIATE-01"].Id, street, today.AddDays(14), "陈志刚", places[0], 12, now, ct);
        await Enrol(full, workers.Where(w => w != demo).OrderBy(_ => random.Next()).Take(15).ToList(), 12, now, ct);
        var sw = await Session(courseIds["TR-SW-01"].Id, street, today.AddDays(21), "李敏", places[0], 40, now, ct);
        await Enrol(sw, [.. demo is null ? [] : new[] { demo }, .. workers.Where(w => w != demo).OrderBy(_ => random.Next()).Take(10)], 40, now, ct);
        foreach (var code in new[] { "TR-RESILIENCE-01", "TR-SECURITY-01", "TR-ELDER-01", "TR-EMERG-01" })
        {
            await Session(courseIds[code].Id, street, today.AddDays(30 + random.Next(30)), trainers[random.Next(trainers.Length)], places[random.Next(places.Length)], 30, now, ct);
        }

        // Certificates: about a third hold a social-work qualification; registrations of every age, a few expiring within 90 days.
        var n = 0;
        foreach (var w in workers)
        {
            var isDemo = w == demo;
            if (!isDemo && random.Next(100) >= 35)
            {
                continue;
            }
            var level = isDemo ? SocialWorkLevels.Intermediate : random.Next(100) switch { < 60 => SocialWorkLevels.Assistant, < 95 => SocialWorkLevels.Intermediate, _ => SocialWorkLevels.Senior };
            // worker.demo's registration ends in 60 days; others' anywhere in the 3 years.
            var registered = isDemo ? today.AddDays(60).AddYears(-3).AddDays(1) : today.AddDays(-random.Next(30, 1090));
            var issued = registered.AddDays(-random.Next(10, 200));
            await db.ExecuteAsync(CertificateSql.Insert, new
            {
                Id = Guid.NewGuid(), WorkerId = w.WorkerId, Kind = CertificateKinds.SocialWork, Level = level, Name = CertificateRules.DefaultName(level),
                Number = $"SW{issued.Year}{310106:D6}{++n:D4}", IssuedOn = issued, RegisteredOn = registered,
                ExpiresOn = CertificateRules.RegistrationExpiry(registered), Now = now,
            }, ct);
            if (isDemo || random.Next(100) < 30)
            {
                var firstAid = today.AddDays(-random.Next(100, 700));
                await db.ExecuteAsync(CertificateSql.Insert, new
                {
                    Id = Guid.NewGuid(), WorkerId = w.WorkerId, Kind = CertificateKinds.Other, Level = (string?)null, Name = "红十字救护员证",
                    Number = $"FA{firstAid.Year}{++n:D5}", IssuedOn = firstAid, RegisteredOn = (DateOnly?)null, ExpiresOn = (DateOnly?)firstAid.AddYears(3), Now = now,
                }, ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    private async Task<Guid> Session(Guid courseId, OrgUnitInfo street, DateOnly day, string trainer, string place, int capacity, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        // 09:00–12:00 in China (UTC+8).
        var starts = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        await db.ExecuteAsync(SessionSql.Insert, new
        {
            Id = id, CourseId = courseId, OrgUnitId = street.Id, OrgPath = street.Path, SessionDate = day, StartsAt = starts, EndsAt = starts.AddHours(3),
            Place = place, Trainer = trainer, Capacity = capacity, EnrolDeadline = day.AddDays(-2), Now = now,
        }, ct);
        return id;
    }

    private async Task Enrol(Guid session, IReadOnlyList<DemoWorker> workers, int capacity, DateTimeOffset now, CancellationToken ct)
    {
        var queue = 0;
        foreach (var w in workers)
        {
            queue++;
            await db.ExecuteAsync(EnrollmentSql.Insert, new
            {
                Id = Guid.NewGuid(), SessionId = session, WorkerId = w.WorkerId, Status = queue <= capacity ? EnrollmentStatus.Enrolled : EnrollmentStatus.Waiting,
                QueueNo = queue, EnrolledBy = "hr", Now = now.AddSeconds(queue),
            }, ct);
        }
        await db.ExecuteAsync(DemoTrainingSql.SetQueue, new { Id = session, N = queue }, ct);
    }

    private sealed class DemoWorker
    {
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
    }
}

internal static class DemoTrainingSql
{
    public const string HasDemo = "SELECT COUNT(*) FROM training_courses WHERE is_demo = 1";

    public const string Workers = """
        SELECT w.worker_id AS WorkerId, w.staff_no AS StaffNo FROM staffing_v_worker_scope w
        WHERE {scope:w.org_path} AND w.status = 'active' ORDER BY w.staff_no
        """;

    public const string SetQueue = "UPDATE training_sessions SET next_queue_no = @N WHERE id = @Id";

    public const string InsertEnrollment = """
        INSERT INTO training_enrollments (id, session_id, worker_id, status, queue_no, enrolled_by, attended, hours_credited, score, completed_on,
            valid_until, feedback_rating, version, created_at, updated_at)
        VALUES (@Id, @SessionId, @WorkerId, @Status, @QueueNo, 'hr', @Attended, @Hours, @Score, @CompletedOn, @ValidUntil, @Rating, 1, @Now, @Now)
        """;
}
