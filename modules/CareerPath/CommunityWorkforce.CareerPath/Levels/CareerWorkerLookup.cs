namespace CommunityWorkforce.CareerPath.Levels;

/// <summary>A worker as CareerPath sees them, read from Staffing's published profile view.</summary>
internal sealed class CareerWorker
{
    public Guid Id { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public string Status { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public DateOnly BirthDate { get; init; }
    public string Gender { get; init; } = "";
    public string Education { get; init; } = "";
    public DateOnly ServiceStartDate { get; init; }

    public bool HasLeft => Status == "left";
}

/// <summary>A grade-history row.</summary>
public sealed class GradeRow
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string PostType { get; init; } = "";
    public int Level { get; init; }
    public DateOnly FromDate { get; init; }
    public string Reason { get; init; } = "";
    public string ReasonCode { get; init; } = "";
    public Guid? SourceId { get; init; }
    public bool IsCurrent { get; init; }
}

internal static class CareerWorkerSql
{
    public const string Get = """
        SELECT p.worker_id AS Id, p.staff_no AS StaffNo, p.name AS Name, p.status AS Status, p.org_unit_id AS OrgUnitId,
               p.org_path AS OrgPath, p.birth_date AS BirthDate, p.gender AS Gender, p.education AS Education,
               p.service_start_date AS ServiceStartDate
        FROM staffing_v_worker_profile p
        WHERE p.worker_id = @WorkerId AND ({scope:p.org_path} OR p.worker_id = @OnlyWorkerId)
        """;

    public const string History = """
        SELECT id AS Id, worker_id AS WorkerId, post_type AS PostType, level AS Level, from_date AS FromDate, reason AS Reason,
               reason_code AS ReasonCode, source_id AS SourceId, is_current AS IsCurrent
        FROM career_grade_history WHERE worker_id = @WorkerId ORDER BY from_date DESC, created_at DESC
        """;

    public const string Current = """
        SELECT id AS Id, worker_id AS WorkerId, post_type AS PostType, level AS Level, from_date AS FromDate, reason AS Reason,
               reason_code AS ReasonCode, source_id AS SourceId, is_current AS IsCurrent
        FROM career_grade_history WHERE worker_id = @WorkerId AND is_current = 1
        """;

    public const string EarlySteps = "SELECT COUNT(*) FROM career_grade_history WHERE worker_id = @WorkerId AND reason_code = 'early-step'";

    public const string AnnualGrades = """
        SELECT r.year AS Year, r.grade AS Grade FROM performance_v_results r
        WHERE r.worker_id = @WorkerId AND r.kind = 'annual'
        """;

    public const string HighestSocialWork = """
        SELECT c.level FROM training_v_certificates c WHERE c.worker_id = @WorkerId AND c.kind = 'social-work'
        """;

    /// <summary>Ends the grade in force (the caller inserts the next one in the same transaction).</summary>
    public const string EndCurrent = "UPDATE career_grade_history SET is_current = 0 WHERE worker_id = @WorkerId AND is_current = 1";

    /// <summary>Ends the grade in force only when it is still the one read: the conditional write of a promotion.</summary>
    public const string EndCurrentIf = """
        UPDATE career_grade_history SET is_current = 0
        WHERE worker_id = @WorkerId AND is_current = 1 AND post_type = @PostType AND level = @Level
        """;

    public const string Insert = """
        INSERT INTO career_grade_history (id, worker_id, post_type, level, from_date, reason, reason_code, source_id, is_current, created_by, created_at)
        VALUES (@Id, @WorkerId, @PostType, @Level, @FromDate, @Reason, @ReasonCode, @SourceId, 1, @By, @Now)
        """;
}

/// <summary>Worker reads every CareerPath feature uses: through Staffing's views, always scoped (a worker sees themself).</summary>
internal static class CareerWorkerLookup
{
    public static Task<CareerWorker?> FindInScope(DbSession db, CurrentUser user, Guid workerId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<CareerWorker>(CareerWorkerSql.Get, new { WorkerId = workerId, Scope = user.WorkerPathScope, user.OnlyWorkerId }, ct);

    public static Task<GradeRow?> Current(DbSession db, Guid workerId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<GradeRow>(CareerWorkerSql.Current, new { WorkerId = workerId }, ct);

    public static async Task<IReadOnlyDictionary<int, string>> AnnualGrades(DbSession db, Guid workerId, CancellationToken ct) =>
        (await db.QueryAsync<YearGrade>(CareerWorkerSql.AnnualGrades, new { WorkerId = workerId }, ct))
            .GroupBy(g => g.Year).ToDictionary(g => g.Key, g => g.First().Grade);

    /// <summary>The highest social-work qualification held (only the highest counts for the starting level).</summary>
    public static async Task<string?> HighestSocialWork(DbSession db, Guid workerId, CancellationToken ct)
    {
        var levels = await db.QueryAsync<string?>(CareerWorkerSql.HighestSocialWork, new { WorkerId = workerId }, ct);
        return levels.OrderByDescending(l => l switch { "senior" => 3, "intermediate" => 2, "assistant" => 1, _ => 0 }).FirstOrDefault();
    }

    internal sealed class YearGrade
    {
        public int Year { get; init; }
        public string Grade { get; init; } = "";
    }
}
