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

    /// <summary>Courses developing a competency beyond the worker's assessed level.</summary>
    public const string ForGap = "SELECT c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours, k.target_level AS TargetLevel" + """
         FROM training_courses c JOIN training_course_competencies k ON k.course_id = c.id
        WHERE k.competency_code = @CompetencyCode AND k.target_level > @AssessedLevel AND
        """ + " " + ForWorker + " AND " + NotTakenOrBooked + " ORDER BY k.target_level, c.code";

    public const string ById = "SELECT c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours, 0 AS TargetLevel"
        + " FROM training_courses c WHERE c.id = @CourseId AND " + ForWorker;

    /// <summary>Courses with a session ahead the worker can attend, most hours first: continuing education.</summary>
    public const string WithSessionsAhead = "SELECT c.id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours, 0 AS TargetLevel"
        + " FROM training_courses c WHERE " + ForWorker + " AND " + NotTakenOrBooked + """
         AND EXISTS (SELECT 1 FROM training_sessions s WHERE s.course_id = c.id AND s.status = 'scheduled' AND s.starts_at > @Now
            AND s.enrol_deadline >= @Today AND @OrgPath LIKE s.org_path {cat} '%')
        ORDER BY c.hours DESC, c.code
        """;

    /// <summary>The next session of a course the worker can still enrol in.</summary>
    public const string NextSession = """
        SELECT s.id AS Id, s.starts_at AS StartsAt, c.open_enrolment AS OpenEnrolment
        FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
        WHERE s.course_id = @CourseId AND s.status = 'scheduled' AND s.starts_at > @Now AND s.enrol_deadline >= @Today
          AND @OrgPath LIKE s.org_path {cat} '%'
        ORDER BY s.starts_at {page}
        """;
}
