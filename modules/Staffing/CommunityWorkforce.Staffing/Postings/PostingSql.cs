namespace CommunityWorkforce.Staffing.Postings;

internal static class PostingSql
{
    private const string Columns = """
        g.id, g.worker_id, w.name AS worker_name, w.staff_no, g.post_id, p.title AS post_title, p.post_type,
        p.org_unit_id, u.name AS org_unit_name, g.started_on, g.ended_on, g.reason, g.end_reason, g.is_primary,
        g.version, g.created_at, g.updated_at
        """;

    private const string From = """
        FROM staffing_postings g
        JOIN staffing_workers w ON w.id = g.worker_id
        JOIN staffing_org_units wu ON wu.id = w.org_unit_id
        JOIN staffing_posts p ON p.id = g.post_id
        JOIN staffing_org_units u ON u.id = p.org_unit_id
        """;

    /// <summary>A worker's whole history, newest first (the worker's own scope decides visibility).</summary>
    public const string ByWorker = "SELECT " + Columns + " " + From + """
         WHERE g.worker_id = @WorkerId
           AND ((@OnlyWorkerId IS NULL AND {scope:wu.path}) OR w.id = @OnlyWorkerId)
         ORDER BY CASE WHEN g.ended_on IS NULL THEN 0 ELSE 1 END, g.started_on DESC
        """;

    /// <summary>Who held a post and when, newest first.</summary>
    public const string ByPost = "SELECT " + Columns + " " + From + """
         WHERE g.post_id = @PostId AND {scope:u.path}
         ORDER BY g.started_on DESC
        """;

    public const string Get = "SELECT " + Columns + " " + From + " WHERE g.id = @Id AND ({scope:wu.path} OR {scope:u.path})";

    /// <summary>
    /// Everything starting a posting checks, in one statement (writes queue behind each other, so every statement inside
    /// a write transaction counts): the post's quota, with its row locked on SQL Server so that two transactions cannot
    /// both take the last place; how many hold the post; whether the worker already does; whether the worker has a
    /// primary posting; whether the worker has left since the caller looked. No row when the post is closed.
    /// </summary>
    public const string StartChecks = """
        SELECT p.quota,
               (SELECT w.status FROM staffing_workers w WHERE w.id = @WorkerId) AS worker_status,
               (SELECT COUNT(*) FROM staffing_postings x WHERE x.post_id = p.id AND x.ended_on IS NULL) AS filled,
               (SELECT COUNT(*) FROM staffing_postings x WHERE x.post_id = p.id AND x.worker_id = @WorkerId AND x.ended_on IS NULL) AS held,
               (SELECT COUNT(*) FROM staffing_postings x WHERE x.worker_id = @WorkerId AND x.ended_on IS NULL AND x.is_primary = 1) AS primaries
        FROM staffing_posts p {updlock}
        WHERE p.id = @PostId AND p.status = 'active'
        """;

    public const string ClearPrimary = """
        UPDATE staffing_postings SET is_primary = 0, version = version + 1, updated_at = @Now
        WHERE worker_id = @WorkerId AND ended_on IS NULL AND is_primary = 1
        """;

    public const string Insert = """
        INSERT INTO staffing_postings (id, worker_id, post_id, started_on, reason, is_primary, version, created_at, updated_at)
        VALUES (@Id, @WorkerId, @PostId, @StartedOn, @Reason, @IsPrimary, 1, @Now, @Now)
        """;

    public const string End = """
        UPDATE staffing_postings SET ended_on = @EndedOn, end_reason = @EndReason, version = version + 1, updated_at = @Now
        WHERE id = @Id AND ended_on IS NULL AND (@Version IS NULL OR version = @Version)
        """;

    public const string LatestActiveStart = "SELECT MAX(started_on) FROM staffing_postings WHERE worker_id = @WorkerId AND ended_on IS NULL";

    public const string EndAllForWorker = """
        UPDATE staffing_postings SET ended_on = @EndedOn, end_reason = @EndReason, version = version + 1, updated_at = @Now
        WHERE worker_id = @WorkerId AND ended_on IS NULL
        """;

    /// <summary>The org path of a post's unit (for the audit row of a posting started through the commands).</summary>
    public const string PostPath = """
        SELECT u.path FROM staffing_posts p JOIN staffing_org_units u ON u.id = p.org_unit_id WHERE p.id = @PostId
        """;

    /// <summary>
    /// What moving a posting to another post acts on, read inside the transaction in one statement: the posting's worker,
    /// primary flag and unit path, and the target post's unit. No row when the posting or the target post does not exist.
    /// </summary>
    public const string MoveFacts = """
        SELECT g.worker_id, g.is_primary, w.org_path AS worker_path, u.id AS to_org_unit_id, u.path AS to_path
        FROM staffing_postings g
        JOIN staffing_workers w ON w.id = g.worker_id
        JOIN staffing_posts p ON p.id = @ToPostId
        JOIN staffing_org_units u ON u.id = p.org_unit_id
        WHERE g.id = @FromPostingId
        """;

    /// <summary>The org path of the worker holding a posting (audit of an end through the commands).</summary>
    public const string WorkerPathOfPosting = """
        SELECT w.org_path FROM staffing_postings g JOIN staffing_workers w ON w.id = g.worker_id WHERE g.id = @PostingId
        """;
}
