namespace CommunityWorkforce.Training.Compliance;

internal static class ComplianceSql
{
    /// <summary>
    /// Every active worker in scope under <c>@UnitPath</c> with their hours credited in the year, the hours their post type
    /// requires, and how many mandatory courses meant for them have no valid completion. The post type is looked up per
    /// worker by index (a derived table over every current posting would be built in full for a street's 300 workers).
    /// </summary>
    private const string WorkerColumns = """
        w.worker_id AS WorkerId, w.name AS WorkerName, w.staff_no AS StaffNo, w.org_unit_id AS OrgUnitId, u.name AS OrgUnitName,
            w.post_type AS PostType,
            COALESCE((SELECT SUM(e.hours_credited) FROM training_enrollments e
                WHERE e.worker_id = w.worker_id AND e.completed_on >= @YearStart AND e.completed_on <= @YearEnd), 0.0) AS HoursDone,
            CASE w.post_type WHEN 'head' THEN @HeadHours WHEN 'deputy' THEN @DeputyHours WHEN 'staff' THEN @StaffHours ELSE @DefaultHours END AS HoursRequired,
            (SELECT COUNT(*) FROM training_courses c
                WHERE c.mandatory = 1 AND c.status = 'active'
                  AND (c.audience_post_types IS NULL OR c.audience_post_types LIKE '%,' {cat} w.post_type {cat} ',%')
                  AND (c.audience_org_path IS NULL OR w.org_path LIKE c.audience_org_path {cat} '%')
                  AND NOT EXISTS (SELECT 1 FROM training_enrollments d JOIN training_sessions s ON s.id = d.session_id
                      WHERE d.worker_id = w.worker_id AND s.course_id = c.id AND d.completed_on IS NOT NULL
                        AND (d.valid_until IS NULL OR d.valid_until >= @Today))) AS OverdueMandatory
        FROM (
            SELECT ws.worker_id, ws.name, ws.staff_no, ws.org_unit_id, ws.org_path,
                (SELECT MIN(cp.post_type) FROM staffing_v_current_postings cp WHERE cp.worker_id = ws.worker_id AND cp.is_primary = 1) AS post_type
            FROM staffing_v_worker_scope ws
            WHERE
        """;

    private const string WorkerEnd = """
        ) w
        JOIN staffing_v_org_units u ON u.id = w.org_unit_id
        """;

    private const string Workers = "SELECT " + WorkerColumns
        + " ws.status <> 'left' AND ({scope:ws.org_path} OR ws.worker_id = @OnlyWorkerId) AND {scope:ws.org_path:@UnitPath} " + WorkerEnd;

    /// <summary>One worker's hours credited in the year (<see cref="ComplianceReader.ForWorkerAsync"/>), off their index.</summary>
    public const string WorkerHours = """
        SELECT COALESCE(SUM(e.hours_credited), 0.0) FROM training_enrollments e
        WHERE e.worker_id = @WorkerId AND e.completed_on >= @YearStart AND e.completed_on <= @YearEnd
        """;

    private const string Filters = """
        WHERE (@Status IS NULL
            OR (@Status = 'noncompliant' AND (x.HoursDone < x.HoursRequired OR x.OverdueMandatory > 0))
            OR (@Status = 'compliant' AND x.HoursDone >= x.HoursRequired AND x.OverdueMandatory = 0))
          AND (@Q IS NULL OR x.WorkerName LIKE @Q ESCAPE '\' OR x.StaffNo LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT x.* FROM (" + Workers + ") x " + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) FROM (" + Workers + ") x " + Filters;

    public const string Summary = """
        SELECT COUNT(*) AS Workers,
            COALESCE(SUM(CASE WHEN x.HoursDone >= x.HoursRequired AND x.OverdueMandatory = 0 THEN 1 ELSE 0 END), 0) AS Compliant,
            COALESCE(SUM(x.HoursDone), 0.0) AS HoursDone
        FROM (
        """ + Workers + ") x";

    /// <summary>Every worker of the subtree <c>@Scope</c> who has not left, with their primary post type.</summary>
    private const string SubtreeWorkers = """
        SELECT ws.worker_id, ws.org_path,
            (SELECT MIN(cp.post_type) FROM staffing_v_current_postings cp WHERE cp.worker_id = ws.worker_id AND cp.is_primary = 1) AS post_type
        FROM staffing_v_worker_scope ws
        WHERE ws.status <> 'left' AND {scope:ws.org_path}
        """;

    /// <summary>Set-wise standing, part 1: each worker of the subtree with the hours credited in the year (index only).</summary>
    public const string SubtreeHours = """
        SELECT w.worker_id AS WorkerId, w.post_type AS PostType,
            COALESCE((SELECT SUM(e.hours_credited) FROM training_enrollments e
                WHERE e.worker_id = w.worker_id AND e.completed_on >= @YearStart AND e.completed_on <= @YearEnd), 0.0) AS HoursDone
        FROM (
        """ + SubtreeWorkers + ") w";

    /// <summary>
    /// Set-wise standing, part 2: each (worker, mandatory course meant for them) with no valid completion — the rule of
    /// <see cref="OverdueCourses"/>. The valid completions of mandatory courses are read once (by course, then session),
    /// not probed per worker and course, which for a whole city would join every worker's five years of training.
    /// </summary>
    public const string SubtreeOverdue = """
        SELECT w.worker_id AS WorkerId, c.code AS CourseCode
        FROM (
        """ + SubtreeWorkers + """
        ) w
        JOIN training_courses c ON c.mandatory = 1 AND c.status = 'active'
            AND (c.audience_post_types IS NULL OR c.audience_post_types LIKE '%,' {cat} w.post_type {cat} ',%')
            AND (c.audience_org_path IS NULL OR w.org_path LIKE c.audience_org_path {cat} '%')
        LEFT JOIN (
            SELECT DISTINCT d.worker_id, s.course_id
            FROM training_courses m
            JOIN training_sessions s ON s.course_id = m.id
            JOIN training_enrollments d ON d.session_id = s.id
            WHERE m.mandatory = 1 AND m.status = 'active' AND d.completed_on IS NOT NULL
              AND (d.valid_until IS NULL OR d.valid_until >= @Today)
        ) v ON v.worker_id = w.worker_id AND v.course_id = c.id
        WHERE v.worker_id IS NULL
        ORDER BY w.worker_id, c.code
        """;

    /// <summary>The mandatory courses meant for one worker with no valid completion.</summary>
    public const string OverdueCourses = """
        SELECT c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.hours AS Hours, c.recurrence_months AS RecurrenceMonths,
            (SELECT MAX(d.completed_on) FROM training_enrollments d JOIN training_sessions s ON s.id = d.session_id
                WHERE d.worker_id = @WorkerId AND s.course_id = c.id AND d.completed_on IS NOT NULL) AS LastCompletedOn
        FROM training_courses c
        WHERE c.mandatory = 1 AND c.status = 'active'
          AND (c.audience_post_types IS NULL OR c.audience_post_types LIKE '%,' {cat} @PostType {cat} ',%')
          AND (c.audience_org_path IS NULL OR @OrgPath LIKE c.audience_org_path {cat} '%')
          AND NOT EXISTS (SELECT 1 FROM training_enrollments d JOIN training_sessions s ON s.id = d.session_id
              WHERE d.worker_id = @WorkerId AND s.course_id = c.id AND d.completed_on IS NOT NULL
                AND (d.valid_until IS NULL OR d.valid_until >= @Today))
        ORDER BY c.code
        """;
}
