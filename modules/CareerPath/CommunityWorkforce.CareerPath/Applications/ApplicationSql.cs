namespace CommunityWorkforce.CareerPath.Applications;

internal static class ApplicationSql
{
    private const string Columns = """
        a.id AS Id, a.worker_id AS WorkerId, p.staff_no AS StaffNo, p.name AS WorkerName, a.org_unit_id AS OrgUnitId, a.org_path AS OrgPath,
        a.kind AS Kind, a.target_stage AS TargetStage, a.from_post_type AS FromPostType, a.from_level AS FromLevel, a.to_post_type AS ToPostType,
        a.to_level AS ToLevel, a.target_post_id AS TargetPostId, t.title AS TargetPostTitle, t.org_unit_name AS TargetUnitName,
        a.effective_on AS EffectiveOn, a.reason AS Reason, a.status AS Status, a.applied_by AS AppliedBy, a.applied_role AS AppliedRole,
        a.review_note AS ReviewNote, a.reviewed_by AS ReviewedBy, a.reviewed_at AS ReviewedAt, a.decision_note AS DecisionNote,
        a.decided_by AS DecidedBy, a.decided_at AS DecidedAt, a.new_posting_id AS NewPostingId, a.version AS Version, a.created_at AS CreatedAt
        """;

    private const string From = """
         FROM career_applications a
         JOIN staffing_v_worker_profile p ON p.worker_id = a.worker_id
         LEFT JOIN staffing_v_posts t ON t.id = a.target_post_id
        """;

    public const string Get = "SELECT " + Columns + From + " WHERE a.id = @Id AND ({scope:a.org_path} OR a.worker_id = @OnlyWorkerId)";

    private const string Where = """
         WHERE ({scope:a.org_path} OR a.worker_id = @OnlyWorkerId)
           AND (@Status IS NULL OR a.status = @Status) AND (@Kind IS NULL OR a.kind = @Kind) AND (@WorkerId IS NULL OR a.worker_id = @WorkerId)
        """;

    public const string List = "SELECT " + Columns + From + Where + " ORDER BY a.created_at DESC, a.id {page}";

    public const string Count = "SELECT COUNT(*) FROM career_applications a" + Where;

    /// <summary>Files the application unless the worker already has one open (one statement: two at once cannot both succeed).</summary>
    public const string Insert = """
        INSERT INTO career_applications (id, worker_id, org_unit_id, org_path, kind, target_stage, from_post_type, from_level, to_post_type, to_level,
            target_post_id, effective_on, reason, status, applied_by, applied_role, version, created_at, updated_at)
        SELECT @Id, @WorkerId, @OrgUnitId, @OrgPath, @Kind, @TargetStage, @FromPostType, @FromLevel, @ToPostType, @ToLevel,
            @TargetPostId, @EffectiveOn, @Reason, 'submitted', @By, @Role, 1, @Now, @Now
        WHERE NOT EXISTS (SELECT 1 FROM career_applications o WHERE o.worker_id = @WorkerId AND o.status IN ('submitted', 'reviewed'))
        """;

    public const string Review = """
        UPDATE career_applications SET status = @To, review_note = @Note, reviewed_by = @By, reviewed_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'submitted' AND version = @Version
        """;

    public const string Decide = """
        UPDATE career_applications SET status = @To, decision_note = @Note, decided_by = @By, decided_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'reviewed' AND version = @Version
        """;

    public const string SetPosting = "UPDATE career_applications SET new_posting_id = @PostingId WHERE id = @Id";

    /// <summary>A post in the caller's scope (the target of a promotion).</summary>
    public const string TargetPost = """
        SELECT t.id AS Id, t.post_type AS PostType, t.title AS Title, t.org_path AS OrgPath, t.status AS Status
        FROM staffing_v_posts t WHERE t.id = @PostId AND {scope:t.org_path}
        """;

    public const string PrimaryPosting = """
        SELECT c.posting_id FROM staffing_v_current_postings c WHERE c.worker_id = @WorkerId AND c.is_primary = 1
        """;
}

internal sealed class TargetPost
{
    public Guid Id { get; init; }
    public string PostType { get; init; } = "";
    public string Title { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string Status { get; init; } = "";
}
