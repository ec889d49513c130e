namespace CommunityWorkforce.Performance.Cycles;

internal static class CycleSql
{
    private const string CycleColumns = """
        SELECT c.id, c.name, c.kind, c.year, c.quarter, c.org_unit_id, c.org_path, c.period_start, c.period_end, c.entry_deadline,
               c.calibration_deadline, c.status, c.excellent_quota_percent, c.mover_rule, c.published_on, c.appeal_deadline, c.version,
               (SELECT COUNT(*) FROM performance_participants p WHERE p.cycle_id = c.id) AS participants,
               (SELECT COUNT(*) FROM performance_participants p WHERE p.cycle_id = c.id AND (p.street_score IS NULL OR p.peer_score IS NULL)) AS missing_inputs
        FROM performance_cycles c
        """;

    public const string Get = CycleColumns + " WHERE c.id = @Id AND {scope:c.org_path}";

    public const string ById = CycleColumns + " WHERE c.id = @Id";

    private const string ListFilter = """
         WHERE {scope:c.org_path} AND (@Status IS NULL OR c.status = @Status) AND (@Year IS NULL OR c.year = @Year)
           AND (@Q IS NULL OR c.name LIKE @Q ESCAPE '\')
        """;

    public const string Count = "SELECT COUNT(*) FROM performance_cycles c" + ListFilter;

    public const string List = CycleColumns + ListFilter + " ORDER BY {orderBy} {page}";

    public const string Insert = """
        INSERT INTO performance_cycles (id, name, kind, year, quarter, org_unit_id, org_path, period_start, period_end, entry_deadline,
            calibration_deadline, status, excellent_quota_percent, mover_rule, version, created_at, updated_at)
        VALUES (@Id, @Name, @Kind, @Year, @Quarter, @OrgUnitId, @OrgPath, @PeriodStart, @PeriodEnd, @EntryDeadline,
            @CalibrationDeadline, 'planning', @ExcellentQuotaPercent, @MoverRule, 1, @Now, @Now)
        """;

    public const string Advance = """
        UPDATE performance_cycles SET status = @To, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = @From
        """;

    public const string Publish = """
        UPDATE performance_cycles SET status = 'published', published_on = @Today, appeal_deadline = @AppealDeadline,
            version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'calibrating'
        """;

    /// <summary>Postings in the cycle's subtree that overlap its period (Staffing's published views).</summary>
    public const string PostingsInPeriod = """
        SELECT v.worker_id, v.staff_no, v.worker_name, v.post_type, v.org_unit_id, v.org_path, u.name AS unit_name, v.started_on,
               v.ended_on, v.is_primary
        FROM staffing_v_postings v
        JOIN staffing_v_org_units u ON u.id = v.org_unit_id
        WHERE {scope:v.org_path} AND v.started_on <= @End AND (v.ended_on IS NULL OR v.ended_on >= @Start)
        """;

    public const string InsertParticipant = """
        INSERT INTO performance_participants (id, cycle_id, worker_id, staff_no, worker_name, org_unit_id, org_path, post_type, template_id,
            days_in_unit, days_in_period, moved, placement_note, version, created_at, updated_at)
        VALUES (@Id, @CycleId, @WorkerId, @StaffNo, @WorkerName, @OrgUnitId, @OrgPath, @PostType, @TemplateId,
            @DaysInUnit, @DaysInPeriod, @Moved, @PlacementNote, 1, @Now, @Now)
        """;

    public const string ScoringInputs = """
        SELECT id, worker_id, staff_no, org_unit_id, template_id, street_score, peer_score, kpi_actuals, grade
        FROM performance_participants WHERE cycle_id = @CycleId
        """;

    public const string RatingStats = """
        SELECT r.worker_id, COUNT(*) AS n, AVG(r.level * 1.0) AS average
        FROM performance_ratings r
        WHERE r.rated_on >= @Start AND r.rated_on <= @End
          AND r.worker_id IN (SELECT p.worker_id FROM performance_participants p WHERE p.cycle_id = @CycleId)
        GROUP BY r.worker_id
        """;

    public const string RatingStatsOfWorker = """
        SELECT r.worker_id, COUNT(*) AS n, AVG(r.level * 1.0) AS average
        FROM performance_ratings r
        WHERE r.rated_on >= @Start AND r.rated_on <= @End AND r.worker_id = @WorkerId
        GROUP BY r.worker_id
        """;

    public const string UnitScores = "SELECT org_unit_id, own_score FROM performance_unit_scores WHERE cycle_id = @CycleId";

    public const string UpsertUnitScoreUpdate = """
        UPDATE performance_unit_scores SET own_score = @OwnScore, version = version + 1, updated_at = @Now
        WHERE cycle_id = @CycleId AND org_unit_id = @OrgUnitId
        """;

    public const string UpsertUnitScoreInsert = """
        INSERT INTO performance_unit_scores (cycle_id, org_unit_id, org_path, own_score, version, updated_at)
        VALUES (@CycleId, @OrgUnitId, @OrgPath, @OwnScore, 1, @Now)
        """;

    /// <summary>A rescore: the score, its explanation and the proposed grade; the grade the leader calibrated stays.</summary>
    public const string SaveScore = """
        UPDATE performance_participants SET department_score = @DepartmentScore, score = @Score, explanation = @Explanation,
            proposed_grade = @Grade, version = version + 1, updated_at = @Now
        WHERE id = @Id
        """;

    /// <summary>Entering calibration: as <see cref="SaveScore"/>, and the proposal becomes the grade to calibrate from.</summary>
    public const string SaveScoreAndGrade = """
        UPDATE performance_participants SET department_score = @DepartmentScore, score = @Score, explanation = @Explanation,
            proposed_grade = @Grade, grade = @Grade, grade_reason = NULL, version = version + 1, updated_at = @Now
        WHERE id = @Id
        """;

    /// <summary>
    /// The leader's grade, written only when the version matches, the cycle is calibrating and — for 优秀 — the unit has room
    /// under its quota, all in one statement (the count read under {updlock}), so concurrent calibrations never exceed it.
    /// </summary>
    public const string Calibrate = """
        UPDATE performance_participants SET grade = @Grade, grade_reason = @Reason, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
          AND EXISTS (SELECT 1 FROM performance_cycles c WHERE c.id = @CycleId AND c.status = @CycleStatus)
          AND (@Grade <> 'excellent' OR (
                SELECT COUNT(*) FROM performance_participants q {updlock}
                WHERE q.cycle_id = @CycleId AND q.org_unit_id = @OrgUnitId AND q.grade = 'excellent' AND q.id <> @Id) < @Quota)
        """;

    public const string UnitCounts = """
        SELECT p.org_unit_id, p.org_path, u.name AS unit_name, COUNT(*) AS participants,
               SUM(CASE WHEN p.grade = 'excellent' THEN 1 ELSE 0 END) AS excellent,
               SUM(CASE WHEN p.grade = 'competent' THEN 1 ELSE 0 END) AS competent,
               SUM(CASE WHEN p.grade = 'basic' THEN 1 ELSE 0 END) AS basic,
               SUM(CASE WHEN p.grade = 'incompetent' THEN 1 ELSE 0 END) AS incompetent,
               SUM(CASE WHEN p.grade IS NULL THEN 1 ELSE 0 END) AS ungraded,
               MAX(p.department_score) AS department_score
        FROM performance_participants p
        JOIN staffing_v_org_units u ON u.id = p.org_unit_id
        WHERE p.cycle_id = @CycleId AND {scope:p.org_path}
        GROUP BY p.org_unit_id, p.org_path, u.name
        ORDER BY p.org_path
        """;

    private const string ParticipantColumns = """
        SELECT p.id, p.cycle_id, c.name AS cycle_name, c.status AS cycle_status, c.year, c.kind, c.quarter, c.excellent_quota_percent,
               c.period_start, c.period_end, p.worker_id, p.staff_no, p.worker_name, p.org_unit_id, p.org_path, p.post_type, p.template_id,
               p.days_in_unit, p.days_in_period, p.moved, p.placement_note, p.street_score, p.peer_score, p.kpi_actuals,
               p.department_score, p.score, p.explanation, p.proposed_grade, p.grade, p.grade_reason, c.appeal_deadline, p.appeal_status,
               p.appeal_reason, p.appeal_resolution, p.version
        FROM performance_participants p
        JOIN performance_cycles c ON c.id = p.cycle_id
        """;

    /// <summary>A worker sees only their own results, and only once published.</summary>
    public const string GetParticipant = ParticipantColumns + """
         WHERE p.id = @Id
           AND ((@OnlyWorkerId IS NULL AND {scope:p.org_path})
                OR (p.worker_id = @OnlyWorkerId AND c.status IN ('published', 'closed')))
        """;

    public const string ParticipantById = ParticipantColumns + " WHERE p.id = @Id";

    private const string ParticipantFilter = """
         WHERE p.cycle_id = @CycleId AND {scope:p.org_path} AND (@UnitPath IS NULL OR {scope:p.org_path:@UnitPath})
           AND (@Grade IS NULL OR p.grade = @Grade)
           AND (@MissingInput = 0 OR p.street_score IS NULL OR p.peer_score IS NULL)
           AND (@Q IS NULL OR p.worker_name LIKE @Q ESCAPE '\' OR p.staff_no LIKE @Q ESCAPE '\')
        """;

    public const string CountParticipants = "SELECT COUNT(*) FROM performance_participants p" + ParticipantFilter;

    public const string ListParticipants = ParticipantColumns + ParticipantFilter + " ORDER BY {orderBy} {page}";

    /// <summary>The list's rows, every one of them in the list's order (the results export).</summary>
    public const string ExportParticipants = ParticipantColumns + ParticipantFilter + " ORDER BY {orderBy}";

    /// <summary>The names of the units a cycle's participants are placed in.</summary>
    public const string UnitNamesOfCycle = """
        SELECT DISTINCT u.id, u.name FROM performance_participants p JOIN staffing_v_org_units u ON u.id = p.org_unit_id
        WHERE p.cycle_id = @CycleId
        """;

    /// <summary>Participants whose street or peer assessment is still to be entered, in cycles collecting inputs.</summary>
    private const string PendingFilter = """
         WHERE c.status = 'collecting' AND {scope:p.org_path} AND (p.street_score IS NULL OR p.peer_score IS NULL)
        """;

    public const string CountPending = "SELECT COUNT(*) FROM performance_participants p JOIN performance_cycles c ON c.id = p.cycle_id" + PendingFilter;

    public const string ListPending = ParticipantColumns + PendingFilter + " ORDER BY c.entry_deadline, p.org_path, p.staff_no {page}";

    private const string AppealFilter = " WHERE {scope:p.org_path} AND p.appeal_status IS NOT NULL AND (@Status IS NULL OR p.appeal_status = @Status)";

    public const string CountAppeals = "SELECT COUNT(*) FROM performance_participants p" + AppealFilter;

    public const string ListAppeals = ParticipantColumns + AppealFilter + " ORDER BY p.updated_at DESC, p.id {page}";

    private const string MineFilter = """
         WHERE p.worker_id = @WorkerId AND c.status IN ('published', 'closed')
           AND (@AppealOpen = 0 OR (c.status = 'published' AND p.appeal_status IS NULL AND c.appeal_deadline >= @Today))
        """;

    public const string CountMine = "SELECT COUNT(*) FROM performance_participants p JOIN performance_cycles c ON c.id = p.cycle_id" + MineFilter;

    public const string ListMine = ParticipantColumns + MineFilter + " ORDER BY c.year DESC, c.period_end DESC {page}";

    /// <summary>One worker's published results (the profile's 考核 tab): HR and leaders in scope, the worker for themself.</summary>
    private const string OfWorkerFilter = """
         WHERE p.worker_id = @WorkerId AND c.status IN ('published', 'closed')
           AND ((@OnlyWorkerId IS NULL AND {scope:p.org_path}) OR p.worker_id = @OnlyWorkerId)
        """;

    public const string CountOfWorker = "SELECT COUNT(*) FROM performance_participants p JOIN performance_cycles c ON c.id = p.cycle_id" + OfWorkerFilter;

    public const string ListOfWorker = ParticipantColumns + OfWorkerFilter + " ORDER BY c.year DESC, c.period_end DESC {page}";

    public const string SaveAssessment = """
        UPDATE performance_participants SET street_score = @StreetScore, peer_score = @PeerScore, kpi_actuals = @KpiActuals,
            version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
          AND EXISTS (SELECT 1 FROM performance_cycles c WHERE c.id = @CycleId AND c.status = 'collecting')
        """;

    public const string FileAppeal = """
        UPDATE performance_participants SET appeal_status = 'filed', appeal_reason = @Reason, appeal_filed_at = @Now,
            version = version + 1, updated_at = @Now
        WHERE id = @Id AND appeal_status IS NULL
          AND EXISTS (SELECT 1 FROM performance_cycles c WHERE c.id = @CycleId AND c.status = 'published' AND c.appeal_deadline >= @Today)
        """;

    public const string ResolveAppeal = """
        UPDATE performance_participants SET appeal_status = @Outcome, appeal_resolution = @Reason, appeal_resolved_at = @Now,
            street_score = @StreetScore, peer_score = @PeerScore, score = @Score, explanation = @Explanation, grade = @Grade,
            grade_reason = @GradeReason, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND appeal_status = 'filed'
        """;

    public const string ExcellentInUnit = """
        SELECT COUNT(*) FROM performance_participants
        WHERE cycle_id = @CycleId AND org_unit_id = @OrgUnitId AND grade = 'excellent' AND id <> @Id
        """;

    public const string ParticipantsInUnit = "SELECT COUNT(*) FROM performance_participants WHERE cycle_id = @CycleId AND org_unit_id = @OrgUnitId";

    public const string GradedInUnit = """
        SELECT id, staff_no, worker_name AS name, grade, score FROM performance_participants
        WHERE cycle_id = @CycleId AND org_unit_id = @OrgUnitId AND grade IS NOT NULL AND score IS NOT NULL
        """;
}
