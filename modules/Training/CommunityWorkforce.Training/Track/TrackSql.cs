namespace CommunityWorkforce.Training.Track;

internal static class TrackSql
{
    /// <summary>Not already taken (a valid completion) nor booked (enrolled or waiting for a session ahead).</summary>
    private const string NotTakenOrBooked = """
        NOT EXISTS (SELECT 1 FROM training_enrollments e JOIN training_sessions s ON s.id = e.session_id
            WHERE e.worker_id = @WorkerId AND s.course_id = c.id
              AND ((e.status IN ('enrolled', 'waiting') AND e.completed_on IS NULL AND s.starts_at > @Now)
                OR (e.completed_on IS NOT NULL AND (e.valid_until IS NULL OR e.valid_until >= @Today))))
        """;

    private const string ForWorker = """
        c.status = 'active' AND (c.audience_org_path IS NULL OR @OrgPath LIKE c.audience_org_path {cat} '%')
        """;

    /// <summary>How many values a list parameter takes (<c>@C0</c> … <c>@C23</c>, <c>@I0</c> … <c>@I23</c>; unused ones null): one SQL
    /// text whatever the list's length, which SQL Server's parser and the statement cache both want. Longer lists go in chunks.</summary>
    public const int ListSlots = 24;

    private const string CodeSlots = "@C0, @C1, @C2, @C3, @C4, @C5, @C6, @C7, @C8, @C9, @C10, @C11, @C12, @C13, @C14, @C15, @C16, @C17, @C18, @C19, @C20, @C21, @C22, @C23";

    private const string IdSlots = "@I0, @I1, @I2, @I3, @I4, @I5, @I6, @I7, @I8, @I9, @I10, @I11, @I12, @I13, @I14, @I15, @I16, @I17, @I18, @I19, @I20, @I21, @I22, @I23";

    /// <summary>
    /// Courses developing any of the competencies <c>@C0</c>… (the worker's gaps), each with the competency and the level it
    /// develops to; the caller keeps, per gap, those beyond the assessed level. Ordered by competency, level, code.
    /// </summary>
    public const string ForGaps = "SELECT k.competency_code AS CompetencyCode, c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours,"
        + " k.target_level AS TargetLevel FROM training_courses c JOIN training_course_competencies k ON k.course_id = c.id"
        + " WHERE k.competency_code IN (" + CodeSlots + ") AND " + ForWorker + " AND " + NotTakenOrBooked + " ORDER BY k.competency_code, k.target_level, c.code";

    public const string ByIds = "SELECT c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours, 0 AS TargetLevel"
        + " FROM training_courses c WHERE c.id IN (" + IdSlots + ") AND " + ForWorker;

    /// <summary>Courses with a session ahead the worker can attend, most hours first: continuing education.</summary>
    public const string WithSessionsAhead = "SELECT c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours, 0 AS TargetLevel"
        + " FROM training_courses c WHERE " + ForWorker + " AND " + NotTakenOrBooked + """
         AND EXISTS (SELECT 1 FROM training_sessions s WHERE s.course_id = c.id AND s.status = 'scheduled' AND s.starts_at > @Now
            AND s.enrol_deadline >= @Today AND @OrgPath LIKE s.org_path {cat} '%')
        ORDER BY c.hours DESC, c.code
        """;

    /// <summary>The next session the worker can still enrol in of each course <c>@I0</c>….</summary>
    public const string NextSessions = """
        SELECT n.Id, n.CourseId, n.StartsAt, n.OpenEnrolment FROM (
            SELECT s.id AS Id, s.course_id AS CourseId, s.starts_at AS StartsAt, c.open_enrolment AS OpenEnrolment,
                   ROW_NUMBER() OVER (PARTITION BY s.course_id ORDER BY s.starts_at, s.id) AS RowNo
            FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
            WHERE s.course_id IN (
        """ + IdSlots + """
        ) AND s.status = 'scheduled' AND s.starts_at > @Now AND s.enrol_deadline >= @Today
              AND @OrgPath LIKE s.org_path {cat} '%') n
        WHERE n.RowNo = 1
        """;
}
