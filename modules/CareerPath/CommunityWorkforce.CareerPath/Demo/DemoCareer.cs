using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.CareerPath.Levels;
using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Training.Contracts;

namespace CommunityWorkforce.CareerPath.Demo;

internal static class DemoCareerSql
{
    public const string HasDemo = "SELECT COUNT(*) FROM career_grade_history";

    public const string Workers = """
        SELECT p.worker_id AS WorkerId, p.staff_no AS StaffNo, p.org_unit_id AS OrgUnitId, p.org_path AS OrgPath, p.education AS Education,
               p.service_start_date AS ServiceStartDate, p.birth_date AS BirthDate,
               (SELECT MIN(c.post_type) FROM staffing_v_current_postings c WHERE c.worker_id = p.worker_id AND c.is_primary = 1) AS PostType
        FROM staffing_v_worker_profile p
        WHERE {scope:p.org_path} AND p.status = 'active'
        ORDER BY p.staff_no
        """;

    public const string DeputyPostWithRoom = """
        SELECT t.id FROM staffing_v_posts t
        WHERE {scope:t.org_path} AND t.post_type = 'deputy' AND t.status = 'active' AND t.filled < t.quota
        ORDER BY t.org_path, t.title
        """;

    public const string InsertGrade = """
        INSERT INTO career_grade_history (id, worker_id, post_type, level, from_date, reason, reason_code, source_id, is_current, created_by, created_at)
        VALUES (@Id, @WorkerId, @PostType, @Level, @FromDate, @Reason, @ReasonCode, NULL, @IsCurrent, 'demo', @Now)
        """;

    public const string InsertReserve = """
        INSERT INTO career_reserve_members (id, worker_id, org_unit_id, org_path, target_stage, status, nominated_on, term_start, term_end, review_on,
            version, created_at, updated_at)
        VALUES (@Id, @WorkerId, @OrgUnitId, @OrgPath, 'deputy', 'active', @TermStart, @TermStart, @TermEnd, @ReviewOn, 1, @Now, @Now)
        """;

    public const string InsertNomination = """
        INSERT INTO career_reserve_members (id, worker_id, org_unit_id, org_path, target_stage, status, nominated_on, nomination_reason, nominated_by,
            version, created_at, updated_at)
        VALUES (@Id, @WorkerId, @OrgUnitId, @OrgPath, 'deputy', 'nominated', @NominatedOn, @Reason, 'hr.linfen', 1, @Now, @Now)
        """;

    /// <summary>A course the street's workers have completed (through Training's published view), for a plan item.</summary>
    public const string SomeCourse = "SELECT MIN(c.course_id) FROM training_v_completions c JOIN staffing_v_worker_profile p ON p.worker_id = c.worker_id WHERE {scope:p.org_path}";

    public const string StaffPost = """
        SELECT t.id AS Id, t.title AS Title FROM staffing_v_posts t
        WHERE {scope:t.org_path} AND t.post_type = 'staff' AND t.status = 'active' AND t.org_path <> @OwnPath
        ORDER BY t.org_path, t.title
        """;

    public const string InsertPlanItem = """
        INSERT INTO career_reserve_plan_items (id, member_id, org_path, kind, course_id, post_id, title, due_on, status, note, version, created_by, created_at, updated_at)
        VALUES (@Id, @MemberId, @OrgPath, @Kind, @CourseId, @PostId, @Title, @DueOn, @Status, @Note, 1, 'demo', @Now, @Now)
        """;

    public const string InsertApplication = """
        INSERT INTO career_applications (id, worker_id, org_unit_id, org_path, kind, target_stage, from_post_type, from_level, to_post_type, to_level,
            target_post_id, effective_on, reason, status, applied_by, applied_role, review_note, reviewed_by, reviewed_at, version, created_at, updated_at)
        VALUES (@Id, @WorkerId, @OrgUnitId, @OrgPath, 'promotion', 'deputy', @FromPostType, @FromLevel, 'deputy', @ToLevel,
            @TargetPostId, @EffectiveOn, @Reason, 'reviewed', 'hr.linfen', 'hr', '符合副职任职条件，提请审批', 'hr.linfen', @Now, 2, @Now, @Now)
        """;
}

/// <summary>
/// Demo career data for 临汾路街道 (demo data): a grade history for every active worker (a starting grade at the start of
/// community work and the grade in force, some due to step this year), a reserve-cadre pool, and one promotion to deputy
/// waiting for the street leader.
/// </summary>
internal sealed class DemoCareer(DbSession db, IOrgUnitDirectory units, LadderStore ladders, ITrainingQueries training, TimeProvider clock)
{
    private const string StreetCode = "310106021";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<int>(DemoCareerSql.HasDemo, null, ct) > 0 || await units.FindByCodeAsync(StreetCode, ct) is not { } street)
        {
            return;
        }
        var workers = await db.QueryAsync<DemoWorker>(DemoCareerSql.Workers, new { Scope = street.Path + "%" }, ct);
        if (workers.Count < 10)
        {
            return;
        }
        var today = LocalDate.Today(clock);
        var ladder = await ladders.InForceAsync(today, ct);
        var now = clock.GetUtcNow();
        var random = new Random(20261215);
        var grades = new List<object>();
        var current = new Dictionary<Guid, (string PostType, int Level)>();
        foreach (var w in workers)
        {
            var postType = w.PostType ?? PostTypes.Staff;
            var band = ladder.Band(postType)!;
            var start = GradeRules.StartingLevel(ladder, postType, w.Education, null);
            var serviceYears = Math.Max(0, today.Year - w.ServiceStartDate.Year);
            var since = new DateOnly(today.Year - Math.Min(random.Next(1, 4), Math.Max(serviceYears, 1)), 1, 1);
            var level = Math.Min(start + ((since.Year - w.ServiceStartDate.Year) / ladder.StepYears), band.MaxLevel);
            if (since > w.ServiceStartDate && level > start)
            {
                grades.Add(Grade(w.WorkerId, postType, start, w.ServiceStartDate, "入职定级", GradeReasons.Initial, false, now));
                grades.Add(Grade(w.WorkerId, postType, level, since, $"按年限晋级至 {level} 级", GradeReasons.Progression, true, now));
            }
            else
            {
                level = start;
                grades.Add(Grade(w.WorkerId, postType, start, w.ServiceStartDate, "入职定级", GradeReasons.Initial, true, now));
            }
            current[w.WorkerId] = (postType, level);
        }
        var staff = workers.Where(w => current[w.WorkerId].PostType == PostTypes.Staff && w.StaffNo != "CW000001").ToList();
        var reserves = staff.Where(w => today.Year - w.BirthDate.Year <= 45 && today.Year - w.ServiceStartDate.Year >= 3).Take(6).ToList();
        var candidate = reserves.FirstOrDefault() ?? staff.First();
        var nominee = staff.FirstOrDefault(w => !reserves.Contains(w) && today.Year - w.BirthDate.Year <= 45);
        var scope = new { Scope = street.Path + "%" };
        var courseId = await db.ExecuteScalarAsync<Guid?>(DemoCareerSql.SomeCourse, scope, ct);
        var course = courseId is { } cid ? await training.CourseAsync(cid, ct) : null;
        var planned = reserves.Skip(1).FirstOrDefault();
        var rotation = planned is null ? null
            : (await db.QueryAsync<DemoPost>(DemoCareerSql.StaffPost, new { Scope = street.Path + "%", OwnPath = planned.OrgPath }, ct)).FirstOrDefault();
        var post = await db.QuerySingleOrDefaultAsync<Guid?>(DemoCareerSql.DeputyPostWithRoom, new { Scope = street.Path + "%" }, ct);
        var (fromType, fromLevel) = current[candidate.WorkerId];
        var deputyBand = ladder.Band(PostTypes.Deputy)!;
        await using var tx = await db.BeginAsync(ct);
        await db.ExecuteAsync(DemoCareerSql.InsertGrade, grades, ct);
        foreach (var r in reserves)
        {
            var memberId = Guid.NewGuid();
            await db.ExecuteAsync(DemoCareerSql.InsertReserve, new
            {
                Id = memberId, r.WorkerId, r.OrgUnitId, r.OrgPath, TermStart = new DateOnly(today.Year - 1, 7, 1), TermEnd = new DateOnly(today.Year + 1, 6, 30),
                ReviewOn = today.AddDays(random.Next(10, 120)), Now = now,
            }, ct);
            if (r == planned)
            {
                if (course is not null)
                {
                    await db.ExecuteAsync(DemoCareerSql.InsertPlanItem, new
                    {
                        Id = Guid.NewGuid(), MemberId = memberId, r.OrgPath, Kind = "course", CourseId = (Guid?)course.Id, PostId = (Guid?)null,
                        Title = $"{course.Code} {course.Title}", DueOn = today.AddMonths(3), Status = "planned", Note = "提升群众工作能力", Now = now,
                    }, ct);
                }
                if (rotation is not null)
                {
                    await db.ExecuteAsync(DemoCareerSql.InsertPlanItem, new
                    {
                        Id = Guid.NewGuid(), MemberId = memberId, r.OrgPath, Kind = "rotation", CourseId = (Guid?)null, PostId = (Guid?)rotation.Id,
                        Title = rotation.Title, DueOn = today.AddMonths(9), Status = "planned", Note = "跨社区轮岗半年，熟悉不同类型社区", Now = now,
                    }, ct);
                }
            }
        }
        if (nominee is not null)
        {
            await db.ExecuteAsync(DemoCareerSql.InsertNomination, new
            {
                Id = Guid.NewGuid(), nominee.WorkerId, nominee.OrgUnitId, nominee.OrgPath, NominatedOn = today.AddDays(-5),
                Reason = "工作实绩突出，群众认可度高，拟列入后备干部培养", Now = now,
            }, ct);
        }
        await db.ExecuteAsync(DemoCareerSql.InsertApplication, new
        {
            Id = Guid.NewGuid(), candidate.WorkerId, candidate.OrgUnitId, candidate.OrgPath, FromPostType = fromType, FromLevel = fromLevel,
            ToLevel = Math.Clamp(fromLevel, deputyBand.MinLevel, deputyBand.MaxLevel), TargetPostId = post, EffectiveOn = today,
            Reason = "后备干部培养期满，考核优秀，拟提任居委会副主任", Now = now,
        }, ct);
        await tx.CommitAsync(ct);
    }

    private static object Grade(Guid workerId, string postType, int level, DateOnly from, string reason, string code, bool current, DateTimeOffset now) => new
    {
        Id = Guid.NewGuid(), WorkerId = workerId, PostType = postType, Level = level, FromDate = from, Reason = reason, ReasonCode = code,
        IsCurrent = current, Now = now,
    };

    private sealed class DemoPost
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
    }

    private sealed class DemoWorker
    {
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public Guid OrgUnitId { get; init; }
        public string OrgPath { get; init; } = "";
        public string Education { get; init; } = "";
        public DateOnly ServiceStartDate { get; init; }
        public DateOnly BirthDate { get; init; }
        public string? PostType { get; init; }
    }
}
