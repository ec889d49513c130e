namespace CommunityWorkforce.Insights.Transfers;

/// <summary>Who could move and where there is room, in one subtree.</summary>
internal static class TransferSql
{
    /// <summary>Primary postings of active workers (the posting a rotation request moves), leaving out workers with an open rotation request.</summary>
    public const string Candidates = """
        SELECT g.posting_id AS PostingId, g.worker_id AS WorkerId, w.staff_no AS StaffNo, w.name AS Name, g.post_id AS PostId,
               g.post_type AS PostType, g.post_title AS PostTitle, g.org_unit_id AS UnitId, g.started_on AS StartedOn
        FROM staffing_v_current_postings g
        JOIN staffing_v_worker_profile w ON w.worker_id = g.worker_id
        WHERE {scope:w.org_path} AND w.status = 'active' AND g.is_primary = 1
          AND NOT EXISTS (SELECT 1 FROM staffing_v_open_rotations o WHERE o.worker_id = g.worker_id)
        """;

    /// <summary>Active posts with a free place in their quota.</summary>
    public const string PostsWithRoom = """
        SELECT p.id AS PostId, p.org_unit_id AS UnitId, p.post_type AS PostType, p.title AS Title, p.quota AS Quota, p.filled AS Filled
        FROM staffing_v_posts p
        WHERE {scope:p.org_path} AND p.status = 'active' AND p.quota > p.filled
        """;

    /// <summary>Rotation requests still open in the subtree: each is a move already on its way (from one unit to a post of another).</summary>
    public const string PendingMoves = """
        SELECT o.to_post_id AS ToPostId, p.org_unit_id AS ToUnitId, g.org_unit_id AS FromUnitId
        FROM staffing_v_open_rotations o
        JOIN staffing_v_posts p ON p.id = o.to_post_id
        JOIN staffing_v_postings g ON g.posting_id = o.from_posting_id
        WHERE {scope:p.org_path}
        """;
}
