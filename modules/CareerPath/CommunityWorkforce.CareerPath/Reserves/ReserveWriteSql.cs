namespace CommunityWorkforce.CareerPath.Reserves;

internal static class ReserveWriteSql
{
    /// <summary>Nominates unless the worker is already nominated or in the pool (one statement: of two at once, one inserts).</summary>
    public const string Nominate = """
        INSERT INTO career_reserve_members (id, worker_id, org_unit_id, org_path, target_stage, status, nominated_on, nomination_reason, nominated_by,
            version, created_at, updated_at)
        SELECT @Id, @WorkerId, @OrgUnitId, @OrgPath, @TargetStage, 'nominated', @Today, @Reason, @By, 1, @Now, @Now
        WHERE NOT EXISTS (SELECT 1 FROM career_reserve_members o {updlock} WHERE o.worker_id = @WorkerId AND o.status IN ('nominated', 'active'))
        """;

    public const string Accept = """
        UPDATE career_reserve_members SET status = 'active', term_start = @TermStart, term_end = @TermEnd, review_on = @ReviewOn,
            decided_by = @By, decided_at = @Now, decision_note = @Note, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'nominated' AND version = @Version
        """;

    public const string Reject = """
        UPDATE career_reserve_members SET status = 'rejected', decided_by = @By, decided_at = @Now, decision_note = @Note, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'nominated' AND version = @Version
        """;

    public const string Extend = """
        UPDATE career_reserve_members SET term_end = @TermEnd, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'active' AND version = @Version
        """;

    public const string SetReviewOn = """
        UPDATE career_reserve_members SET review_on = @NextReviewOn, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'active' AND version = @Version
        """;

    public const string InsertReview = """
        INSERT INTO career_reserve_reviews (id, member_id, reviewed_on, outcome, note, next_review_on, reviewed_by, created_at)
        VALUES (@ReviewId, @Id, @ReviewedOn, @Outcome, @Note, @NextReviewOn, @By, @Now)
        """;

    public const string End = """
        UPDATE career_reserve_members SET status = 'ended', ended_on = @EndedOn, end_reason = @Reason, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'active' AND version = @Version
        """;

    public const string Reviews = """
        SELECT id AS Id, reviewed_on AS ReviewedOn, outcome AS Outcome, note AS Note, next_review_on AS NextReviewOn, reviewed_by AS ReviewedBy
        FROM career_reserve_reviews WHERE member_id = @Id ORDER BY reviewed_on DESC, created_at DESC
        """;

    private const string PlanColumns = """
        i.id AS Id, i.member_id AS MemberId, i.kind AS Kind, i.course_id AS CourseId, i.post_id AS PostId, i.title AS Title, i.due_on AS DueOn,
        i.status AS Status, i.note AS Note, i.version AS Version
        """;

    public const string Plan = "SELECT " + PlanColumns + " FROM career_reserve_plan_items i WHERE i.member_id = @Id ORDER BY i.due_on, i.created_at";

    public const string PlanItem = "SELECT " + PlanColumns + " FROM career_reserve_plan_items i WHERE i.id = @Id AND {scope:i.org_path}";

    /// <summary>Adds the item while the member is in the pool (one statement).</summary>
    public const string InsertPlanItem = """
        INSERT INTO career_reserve_plan_items (id, member_id, org_path, kind, course_id, post_id, title, due_on, status, note, version, created_by, created_at, updated_at)
        SELECT @ItemId, m.id, m.org_path, @Kind, @CourseId, @PostId, @Title, @DueOn, 'planned', @Note, 1, @By, @Now, @Now
        FROM career_reserve_members m WHERE m.id = @Id AND m.status = 'active'
        """;

    public const string UpdatePlanItem = """
        UPDATE career_reserve_plan_items SET due_on = @DueOn, status = @Status, note = @Note, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string Settings = "SELECT setting_key AS SettingKey, value AS Value FROM career_settings WHERE setting_key IN ('reserve.term_years', 'reserve.review_months')";

    /// <summary>A post to rotate into, through Staffing's published view, in the caller's scope.</summary>
    public const string Post = """
        SELECT t.id AS Id, t.post_type AS PostType, t.title AS Title, t.org_path AS OrgPath, t.status AS Status
        FROM staffing_v_posts t WHERE t.id = @PostId AND {scope:t.org_path}
        """;
}

/// <summary>Reads a member (with reviews and plan) in the caller's scope; the term settings.</summary>
internal static class ReserveLookup
{
    public static Task<ReserveMemberResponse?> FindAsync(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ReserveMemberResponse>(ReserveSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);

    public static async Task<ReserveMemberDetailResponse?> DetailAsync(DbSession db, CurrentUser user, Guid id, CancellationToken ct)
    {
        if (await FindAsync(db, user, id, ct) is not { } member)
        {
            return null;
        }
        return new ReserveMemberDetailResponse
        {
            Member = member,
            Reviews = await db.QueryAsync<ReserveReviewResponse>(ReserveWriteSql.Reviews, new { Id = id }, ct),
            Plan = await db.QueryAsync<PlanItemResponse>(ReserveWriteSql.Plan, new { Id = id }, ct),
        };
    }

    /// <summary>The term in years (default 2) and the months to the first review (default 6), from career_settings.</summary>
    public static async Task<(int TermYears, int ReviewMonths)> SettingsAsync(DbSession db, CancellationToken ct)
    {
        var rows = (await db.QueryAsync<SettingRow>(ReserveWriteSql.Settings, null, ct)).ToDictionary(r => r.SettingKey, r => r.Value);
        static int Read(Dictionary<string, string> rows, string key, int fallback) =>
            rows.TryGetValue(key, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        return (Read(rows, "reserve.term_years", 2), Read(rows, "reserve.review_months", 6));
    }

    public static ProblemHttpResult InvalidTransition(string status) => Problems.Conflict("urn:cw:problem:invalid-transition",
        Text.Of("当前状态不能执行此操作", "Invalid transition"), Text.Of($"后备干部记录当前状态为 {status}。", $"The reserve record is {status}."));

    private sealed class SettingRow
    {
        public string SettingKey { get; init; } = "";
        public string Value { get; init; } = "";
    }
}

internal sealed class ReservePost
{
    public Guid Id { get; init; }
    public string PostType { get; init; } = "";
    public string Title { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string Status { get; init; } = "";
}
