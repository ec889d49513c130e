namespace CommunityWorkforce.Training.Track;

internal static class TrackSql
{
    /// <summary>
    /// Not already taken (a valid completion) nor booked (enrolled or waiting for a session ahead). The worker's courses
    /// are read once (a list, not a check per course: that read each of their enrolments' sessions again for every
    /// course, 186 → 51 µs in SQLite for a worker with 23 enrolments); <c>course_id</c> is never null.
    /// </summary>
    private const string NotTakenOrBooked = """
        c.id NOT IN (SELECT s.course_id FROM training_enrollments e JOIN training_sessions s ON s.id = e.session_id
            WHERE e.worker_id = @WorkerId
              AND ((e.status IN ('enrolled', 'waiting') AND e.completed_on IS NULL AND s.starts_at > @Now)
                OR (e.completed_on IS NOT NULL AND (e.valid_until IS NULL OR e.valid_until >= @Today))))
        """;

    private const string ForWorker = """
        c.status = 'active' AND (c.audience_org_path IS NULL OR @OrgPath LIKE c.audience_org_path {cat} '%')
        """;

    /// <summary>How many values a list parameter takes (<c>@C0</c> … <c>@C23</c>, <c>@I0</c> … <c>@I23</c>; unused ones null): one SQL
    /// text whatever the list's length, which SQL Server's parser and the statement cache both want. Longer lists go in chunks.
    /// Each list query is also written for <see cref="FewSlots"/> values (a worker's few gaps or picked courses): binding 24
    /// parameters, most of them null, cost more than the query itself once the sessions were read by index.</summary>
    public const int ListSlots = 24;

    /// <summary>The slots of the short form of each list query (<c>…Few</c>), used for lists this long or shorter.</summary>
    public const int FewSlots = 8;

    private const string CodeSlotsFew = "@C0, @C1, @C2, @C3, @C4, @C5, @C6, @C7";

    private const string IdSlotsFew = "@I0, @I1, @I2, @I3, @I4, @I5, @I6, @I7";

    private const string CodeSlots = "@C0, @C1, @C2, @C3, @C4, @C5, @C6, @C7, @C8, @C9, @C10, @C11, @C12, @C13, @C14, @C15, @C16, @C17, @C18, @C19, @C20, @C21, @C22, @C23";

    private const string IdSlots = "@I0, @I1, @I2, @I3, @I4, @I5, @I6, @I7, @I8, @I9, @I10, @I11, @I12, @I13, @I14, @I15, @I16, @I17, @I18, @I19, @I20, @I21, @I22, @I23";

    /// <summary>
    /// How many of the worker's units a session may belong to (<c>@A0</c> … <c>@A5</c>: the worker's unit and its
    /// ancestors, unused ones null). The org tree is four levels deep (city → district → street → community or centre).
    /// </summary>
    public const int AncestorSlots = 6;

    /// <summary>
    /// Sessions the worker may attend: held by their unit or one of its ancestors. The list names those units' paths, so
    /// that a course's sessions are sought through (course, unit, start) for these few units instead of read for the
    /// whole city and matched by pattern (a course has a session in every street); the pattern stays as the rule.
    /// </summary>
    private const string SessionForWorker = "s.org_path IN (@A0, @A1, @A2, @A3, @A4, @A5) AND @OrgPath LIKE s.org_path {cat} '%'";

    /// <summary>The paths of <paramref name="orgPath"/> ("/310000/310106/…/") and its ancestors, shortest first, for <c>@A0</c>….</summary>
    public static string?[] Ancestors(string orgPath)
    {
        var slots = new string?[AncestorSlots];
        var i = 0;
        for (var end = orgPath.IndexOf('/', 1); end > 0 && i < AncestorSlots; end = orgPath.IndexOf('/', end + 1))
        {
            slots[i++] = orgPath[..(end + 1)];
        }
        return slots;
    }

    /// <summary>
    /// Courses developing any of the competencies <c>@C0</c>… (the worker's gaps), each with the competency and the level it
    /// develops to; the caller keeps, per gap, those beyond the assessed level. Ordered by competency, level, code.
    /// </summary>
    public const string ForGaps = "SELECT " + ForGapsHead + CodeSlots + ForGapsTail;

    public const string ForGapsFew = "SELECT " + ForGapsHead + CodeSlotsFew + ForGapsTail;

    /// <summary>The list queries' parts around their slots (not statements on their own: no leading SELECT).</summary>
    private const string ForGapsHead = "k.competency_code AS CompetencyCode, c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours,"
        + " k.target_level AS TargetLevel FROM training_courses c JOIN training_course_competencies k ON k.course_id = c.id"
        + " WHERE k.competency_code IN (";

    private const string ForGapsTail = ") AND " + ForWorker + " AND " + NotTakenOrBooked + " ORDER BY k.competency_code, k.target_level, c.code";

    public const string ByIds = "SELECT " + ByIdsHead + IdSlots + ByIdsTail;

    public const string ByIdsFew = "SELECT " + ByIdsHead + IdSlotsFew + ByIdsTail;

    private const string ByIdsHead = "c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours, 0 AS TargetLevel"
        + " FROM training_courses c WHERE c.id IN (";

    private const string ByIdsTail = ") AND " + ForWorker;

    /// <summary>Courses with a session ahead the worker can attend, most hours first: continuing education.</summary>
    public const string WithSessionsAhead = "SELECT c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours, 0 AS TargetLevel"
        + " FROM training_courses c WHERE " + ForWorker + " AND " + NotTakenOrBooked + """
         AND EXISTS (SELECT 1 FROM training_sessions s WHERE s.course_id = c.id AND s.status = 'scheduled' AND s.starts_at > @Now
            AND s.enrol_deadline >= @Today AND 
        """ + SessionForWorker + """
        )
        ORDER BY c.hours DESC, c.code
        """;

    /// <summary>The next session the worker can still enrol in of each course <c>@I0</c>….</summary>
    public const string NextSessions = "SELECT " + NextSessionsHead + IdSlots + NextSessionsTail;

    public const string NextSessionsFew = "SELECT " + NextSessionsHead + IdSlotsFew + NextSessionsTail;

    private const string NextSessionsHead = """
        n.Id, n.CourseId, n.StartsAt, n.OpenEnrolment FROM (
            SELECT s.id AS Id, s.course_id AS CourseId, s.starts_at AS StartsAt, c.open_enrolment AS OpenEnrolment,
                   ROW_NUMBER() OVER (PARTITION BY s.course_id ORDER BY s.starts_at, s.id) AS RowNo
            FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
            WHERE s.course_id IN (
        """;

    private const string NextSessionsTail = """
        ) AND s.status = 'scheduled' AND s.starts_at > @Now AND s.enrol_deadline >= @Today AND 
        """ + SessionForWorker + """
        ) n
        WHERE n.RowNo = 1
        """;
}
