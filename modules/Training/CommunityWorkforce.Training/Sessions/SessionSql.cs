namespace CommunityWorkforce.Training.Sessions;

internal static class SessionSql
{
    private const string Columns = """
        s.id, s.course_id AS CourseId, c.code AS CourseCode, c.title AS CourseTitle, c.category, c.hours, c.open_enrolment AS OpenEnrolment,
        c.recurrence_months AS RecurrenceMonths, s.org_unit_id AS OrgUnitId, s.org_path AS OrgPath, s.session_date AS SessionDate,
        s.starts_at AS StartsAt, s.ends_at AS EndsAt, s.place, s.trainer, s.capacity, s.enrol_deadline AS EnrolDeadline, s.status, s.version,
        (SELECT COUNT(*) FROM training_enrollments e WHERE e.session_id = s.id AND e.status = 'enrolled') AS Enrolled,
        (SELECT COUNT(*) FROM training_enrollments e WHERE e.session_id = s.id AND e.status = 'waiting') AS Waiting,
        (SELECT COUNT(*) FROM training_enrollments e WHERE e.session_id = s.id AND e.status = 'enrolled' AND e.attended IS NULL) AS AttendancePending
        """;

    /// <summary>
    /// HR and leaders see the sessions their subtree organises (<c>@Scope</c>); a worker those organised by their own unit or a
    /// unit above it (<c>@OnlyWorkerId</c>), which they may attend.
    /// </summary>
    private const string Visible = """
        ({scope:s.org_path} OR EXISTS (SELECT 1 FROM staffing_v_worker_scope me
            WHERE me.worker_id = @OnlyWorkerId AND me.org_path LIKE s.org_path {cat} '%'))
        """;

    private const string Filters = """
        AND (@CourseId IS NULL OR s.course_id = @CourseId)
        AND (@From IS NULL OR s.session_date >= @From)
        AND (@To IS NULL OR s.session_date <= @To)
        AND (@Status IS NULL OR s.status = @Status)
        AND (@Upcoming = 0 OR s.starts_at > @Now)
        AND (@AttendanceDue = 0 OR (s.status = 'scheduled' AND s.starts_at <= @Now AND EXISTS (SELECT 1 FROM training_enrollments a
            WHERE a.session_id = s.id AND a.status = 'enrolled' AND a.attended IS NULL)))
        AND (@Q IS NULL OR c.title LIKE @Q ESCAPE '\' OR s.place LIKE @Q ESCAPE '\' OR s.trainer LIKE @Q ESCAPE '\')
        """;

    private const string From = " FROM training_sessions s JOIN training_courses c ON c.id = s.course_id WHERE ";

    public const string List = "SELECT " + Columns + From + Visible + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*)" + From + Visible + Filters;

    public const string Get = "SELECT " + Columns + From + "s.id = @Id AND " + Visible;

    public const string Insert = """
        INSERT INTO training_sessions (id, course_id, org_unit_id, org_path, session_date, starts_at, ends_at, place, trainer, capacity,
            enrol_deadline, status, next_queue_no, version, created_at, updated_at)
        VALUES (@Id, @CourseId, @OrgUnitId, @OrgPath, @SessionDate, @StartsAt, @EndsAt, @Place, @Trainer, @Capacity,
            @EnrolDeadline, 'scheduled', 0, 1, @Now, @Now)
        """;

    /// <summary>
    /// Takes the session's row for the rest of the transaction (SQL Server holds the update lock until commit; SQLite's
    /// writers are serialised anyway) and reserves <c>@N</c> queue numbers; no row when the session is no longer open.
    /// Every change to who holds a seat goes through this first, so seat counting is never concurrent.
    /// </summary>
    public const string Claim = """
        UPDATE training_sessions SET next_queue_no = next_queue_no + @N WHERE id = @Id AND status = 'scheduled'
        """;

    /// <summary>The claimed session's capacity, queue counter and seats taken, in one statement inside the claim.</summary>
    public const string ClaimedState = """
        SELECT s.capacity AS Capacity, s.next_queue_no AS NextQueueNo,
               (SELECT COUNT(*) FROM training_enrollments e WHERE e.session_id = s.id AND e.status = 'enrolled') AS Enrolled
        FROM training_sessions s WHERE s.id = @Id
        """;
}

internal sealed class ClaimedSession
{
    public int Capacity { get; init; }
    public int NextQueueNo { get; init; }

    /// <summary>Seats taken (enrolled, not waiting).</summary>
    public int Enrolled { get; init; }
}

internal static class EnrollmentSql
{
    private const string Columns = """
        e.id, e.session_id AS SessionId, s.course_id AS CourseId, c.title AS CourseTitle, c.hours AS CourseHours,
        c.recurrence_months AS RecurrenceMonths, s.session_date AS SessionDate, s.starts_at AS StartsAt, s.ends_at AS EndsAt, s.place,
        e.worker_id AS WorkerId, w.name AS WorkerName, w.staff_no AS StaffNo, w.org_path AS OrgPath, e.status, e.queue_no AS QueueNo,
        CASE WHEN e.status = 'waiting' THEN (SELECT COUNT(*) FROM training_enrollments q
            WHERE q.session_id = e.session_id AND q.status = 'waiting' AND q.queue_no <= e.queue_no) END AS WaitingPosition,
        e.promoted_at AS PromotedAt, e.attended, e.hours_credited AS HoursCredited, e.score, e.completed_on AS CompletedOn,
        e.feedback_rating AS FeedbackRating, e.feedback_comment AS FeedbackComment, e.created_at AS CreatedAt, e.version
        """;

    private const string From = """
         FROM training_enrollments e
        JOIN training_sessions s ON s.id = e.session_id
        JOIN training_courses c ON c.id = s.course_id
        JOIN staffing_v_worker_scope w ON w.worker_id = e.worker_id
        WHERE ({scope:w.org_path} OR e.worker_id = @OnlyWorkerId)
        """;

    private const string Filters = """
        AND (@SessionId IS NULL OR e.session_id = @SessionId)
        AND (@WorkerId IS NULL OR e.worker_id = @WorkerId)
        AND (@Status IS NULL OR e.status = @Status)
        AND (@Upcoming = 0 OR s.starts_at > @Now)
        AND (@Promoted = 0 OR e.promoted_at IS NOT NULL)
        AND (@Completed = 0 OR e.completed_on IS NOT NULL)
        AND (@Q IS NULL OR w.name LIKE @Q ESCAPE '\' OR w.staff_no LIKE @Q ESCAPE '\' OR c.title LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + From + Filters + " ORDER BY {orderBy} {page}";

    /// <summary>
    /// One worker's enrolments (their track): the same list with the worker as a plain condition, so that their enrolments
    /// are found by the worker index — the optional filters of <see cref="List"/> alone would read the scope's every enrolment.
    /// </summary>
    public const string ListOfWorker = "SELECT " + Columns + From + " AND e.worker_id = @WorkerId " + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*)" + From + Filters;

    public const string CountOfWorker = "SELECT COUNT(*)" + From + " AND e.worker_id = @WorkerId " + Filters;

    /// <summary>A worker's own (the caller is a worker): their enrolments by the worker index, as <see cref="ListOfWorker"/>.</summary>
    public const string ListOwn = "SELECT " + Columns + From + " AND e.worker_id = @OnlyWorkerId " + Filters + " ORDER BY {orderBy} {page}";

    public const string CountOwn = "SELECT COUNT(*)" + From + " AND e.worker_id = @OnlyWorkerId " + Filters;

    /// <summary>
    /// One session's enrolments (its roster, where HR takes attendance) by the session index: with the optional filter
    /// alone the city's HR read the city's every enrolment to find a session's few (0.5–0.7 s warm on the city data).
    /// </summary>
    public const string ListOfSession = "SELECT " + Columns + From + " AND e.session_id = @SessionId " + Filters + " ORDER BY {orderBy} {page}";

    public const string CountOfSession = "SELECT COUNT(*)" + From + " AND e.session_id = @SessionId " + Filters;

    /// <summary>
    /// The count and list SQL for the caller and filter: one worker's enrolments (a worker filter, or a worker's own) by the
    /// worker index, one session's by the session index — the optional filters alone make SQLite read the scope's every
    /// enrolment (1.4 s for a street).
    /// </summary>
    public static (string Count, string List) For(CurrentUser user, EnrollmentListQuery filter) =>
        filter.WorkerId is not null ? (CountOfWorker, ListOfWorker)
        : user.OnlyWorkerId is not null ? (CountOwn, ListOwn)
        : filter.SessionId is not null ? (CountOfSession, ListOfSession)
        : (Count, List);

    public const string Get = "SELECT " + Columns + From + " AND e.id = @Id";

    public const string OfWorkers = """
        SELECT id AS Id, worker_id AS WorkerId, status AS Status FROM training_enrollments WHERE session_id = @SessionId AND worker_id = @WorkerId
        """;

    public const string Insert = """
        INSERT INTO training_enrollments (id, session_id, worker_id, status, queue_no, enrolled_by, version, created_at, updated_at)
        VALUES (@Id, @SessionId, @WorkerId, @Status, @QueueNo, @EnrolledBy, 1, @Now, @Now)
        """;

    /// <summary>A cancelled enrolment taken up again: it joins at the back of the queue.</summary>
    public const string Reenrol = """
        UPDATE training_enrollments SET status = @Status, queue_no = @QueueNo, enrolled_by = @EnrolledBy, promoted_at = NULL,
            attended = NULL, hours_credited = NULL, score = NULL, completed_on = NULL, valid_until = NULL,
            version = version + 1, created_at = @Now, updated_at = @Now
        WHERE id = @Id AND status = 'cancelled'
        """;

    public const string Cancel = """
        UPDATE training_enrollments SET status = 'cancelled', version = version + 1, updated_at = @Now
        WHERE id = @Id AND status IN ('enrolled', 'waiting') AND attended IS NULL
        """;

    public const string NextWaiting = """
        SELECT id FROM training_enrollments WHERE session_id = @SessionId AND status = 'waiting' ORDER BY queue_no
        """;

    public const string Promote = """
        UPDATE training_enrollments SET status = 'enrolled', promoted_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'waiting'
        """;

    public const string EnrolledOne = """
        SELECT id AS Id, worker_id AS WorkerId, status AS Status, attended AS Attended FROM training_enrollments
        WHERE session_id = @SessionId AND worker_id = @WorkerId AND status = 'enrolled'
        """;

    public const string Attend = """
        UPDATE training_enrollments SET attended = @Attended,
            hours_credited = CASE WHEN @Attended = 1 THEN hours_credited ELSE NULL END,
            score = CASE WHEN @Attended = 1 THEN score ELSE NULL END,
            completed_on = CASE WHEN @Attended = 1 THEN completed_on ELSE NULL END,
            valid_until = CASE WHEN @Attended = 1 THEN valid_until ELSE NULL END,
            version = version + 1, updated_at = @Now
        WHERE session_id = @SessionId AND worker_id = @WorkerId AND status = 'enrolled'
        """;

    public const string Complete = """
        UPDATE training_enrollments SET hours_credited = @Hours, score = @Score, completed_on = @CompletedOn, valid_until = @ValidUntil,
            version = version + 1, updated_at = @Now
        WHERE session_id = @SessionId AND worker_id = @WorkerId AND status = 'enrolled' AND attended = 1
        """;

    public const string Feedback = """
        UPDATE training_enrollments SET feedback_rating = @Rating, feedback_comment = @Comment, version = version + 1, updated_at = @Now
        WHERE id = @Id AND attended = 1
        """;
}

internal sealed class EnrollmentKey
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string Status { get; init; } = "";
    public bool? Attended { get; init; }
}
