namespace CommunityWorkforce.CareerPath.Progression;

internal static class ProgressionSql
{
    /// <summary>Every active worker of the subtree with a grade in force (set-wise: one query for the whole run).</summary>
    public const string Candidates = """
        SELECT g.worker_id AS WorkerId, p.staff_no AS StaffNo, p.name AS Name, p.org_path AS OrgPath, g.post_type AS PostType,
               g.level AS Level, g.since_date AS Since
        FROM career_v_current_grades g
        JOIN staffing_v_worker_profile p ON p.worker_id = g.worker_id
        WHERE {scope:p.org_path} AND p.status <> 'left'
        """;

    public const string EarlySteps = """
        SELECT h.worker_id AS WorkerId, COUNT(*) AS Count
        FROM career_grade_history h
        JOIN staffing_v_worker_profile p ON p.worker_id = h.worker_id
        WHERE {scope:p.org_path} AND h.reason_code = 'early-step'
        GROUP BY h.worker_id
        """;

    public const string AnnualGrades = """
        SELECT r.worker_id AS WorkerId, r.year AS Year, r.grade AS Grade
        FROM performance_v_results r
        JOIN staffing_v_worker_profile p ON p.worker_id = r.worker_id
        WHERE {scope:p.org_path} AND r.kind = 'annual' AND r.year >= @FromYear AND r.year < @ToYear
        """;

    public const string InsertRun = """
        INSERT INTO career_progression_runs (id, as_of, org_unit_id, org_path, ladder_effective_from, status, workers, steps, version, created_by, created_at)
        VALUES (@Id, @AsOf, @OrgUnitId, @OrgPath, @LadderEffectiveFrom, 'previewed', @Workers, @Steps, 1, @By, @Now)
        """;

    public const string SetRunSteps = "UPDATE career_progression_runs SET steps = @Steps WHERE id = @Id";

    public const string InsertResult = """
        INSERT INTO career_progression_results (run_id, worker_id, staff_no, name, org_path, post_type, since, from_level, to_level,
            reason_code, explanation, explanation_en, next_due_on, new_grade_id, applied)
        VALUES (@RunId, @WorkerId, @StaffNo, @Name, @OrgPath, @PostType, @Since, @FromLevel, @ToLevel,
            @ReasonCode, @Explanation, @ExplanationEn, @NextDueOn, @NewGradeId, 0)
        """;

    private const string RunColumns = """
        r.id AS Id, r.as_of AS AsOf, r.org_unit_id AS OrgUnitId, r.org_path AS OrgPath, r.ladder_effective_from AS LadderEffectiveFrom,
        r.status AS Status, r.workers AS Workers, r.steps AS Steps, r.applied_steps AS AppliedSteps, r.version AS Version,
        r.created_by AS CreatedBy, r.created_at AS CreatedAt, r.applied_by AS AppliedBy, r.applied_at AS AppliedAt
        """;

    public const string Get = "SELECT " + RunColumns + " FROM career_progression_runs r WHERE r.id = @Id AND {scope:r.org_path}";

    private const string ListWhere = " FROM career_progression_runs r WHERE {scope:r.org_path} AND (@Status IS NULL OR r.status = @Status)";

    public const string List = "SELECT " + RunColumns + ListWhere + " ORDER BY r.created_at DESC, r.id {page}";

    public const string Count = "SELECT COUNT(*)" + ListWhere;

    private const string ResultWhere = """
         FROM career_progression_results x WHERE x.run_id = @Id
          AND (@Steps IS NULL OR (@Steps = 1 AND x.to_level > x.from_level) OR (@Steps = 0 AND x.to_level = x.from_level))
          AND (@Q IS NULL OR x.name LIKE @Q ESCAPE '\' OR x.staff_no LIKE @Q ESCAPE '\')
        """;

    public const string Results = """
        SELECT x.worker_id AS WorkerId, x.staff_no AS StaffNo, x.name AS Name, x.org_path AS OrgPath, x.post_type AS PostType,
               x.since AS Since, x.from_level AS FromLevel, x.to_level AS ToLevel, x.reason_code AS ReasonCode,
               x.explanation AS Explanation, x.explanation_en AS ExplanationEn, x.next_due_on AS NextDueOn, x.applied AS Applied
        """ + ResultWhere + " ORDER BY x.staff_no, x.worker_id {page}";

    public const string ResultCount = "SELECT COUNT(*)" + ResultWhere;

    /// <summary>The claim: only a previewed run at the version read is applied, so a second apply changes nothing.</summary>
    public const string Claim = """
        UPDATE career_progression_runs SET status = 'applied', applied_by = @By, applied_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'previewed' AND version = @Version
        """;

    /// <summary>Ends, in one statement, the grade in force of every worker who steps, if it is still the grade previewed.</summary>
    public const string EndGrades = """
        UPDATE career_grade_history SET is_current = 0
        WHERE is_current = 1 AND EXISTS (SELECT 1 FROM career_progression_results x
            WHERE x.run_id = @Id AND x.to_level > x.from_level AND x.worker_id = career_grade_history.worker_id
              AND x.post_type = career_grade_history.post_type AND x.from_level = career_grade_history.level
              AND x.since = career_grade_history.from_date)
        """;

    public const string InsertGrades = """
        INSERT INTO career_grade_history (id, worker_id, post_type, level, from_date, reason, reason_code, source_id, is_current, created_by, created_at)
        SELECT x.new_grade_id, x.worker_id, x.post_type, x.to_level, @AsOf, x.explanation, x.reason_code, @Id, 1, @By, @Now
        FROM career_progression_results x
        WHERE x.run_id = @Id AND x.to_level > x.from_level
          AND NOT EXISTS (SELECT 1 FROM career_grade_history h WHERE h.worker_id = x.worker_id AND h.is_current = 1)
        """;

    public const string MarkApplied = """
        UPDATE career_progression_results SET applied = 1
        WHERE run_id = @Id AND EXISTS (SELECT 1 FROM career_grade_history h WHERE h.id = career_progression_results.new_grade_id)
        """;

    public const string SetAppliedSteps = "UPDATE career_progression_runs SET applied_steps = @Applied WHERE id = @Id";

    /// <summary>Whether an applied run covers a subtree holding <c>@Path</c> this year (for the "run due" to-do).</summary>
    public const string AppliedThisYear = """
        SELECT COUNT(*) FROM career_progression_runs r
        WHERE r.status = 'applied' AND r.as_of >= @YearStart AND r.as_of < @NextYearStart AND @Path LIKE r.org_path {cat} '%'
        """;
}
