namespace CommunityWorkforce.CompetencyFramework.Gaps;

internal static class GapSql
{
    public const string WorkerFit = """
        SELECT f.assessment_id, f.profile_id, p.name AS profile_name, p.post_type, f.fit_score, f.assessed_on
        FROM competency_worker_fits f
        LEFT JOIN competency_profiles p ON p.id = f.profile_id
        WHERE f.worker_id = @WorkerId
        """;

    /// <summary>Every required competency of the worker's profile with the assessed level (names from the profile's framework).</summary>
    public const string WorkerItems = """
        SELECT g.competency_code, k.name_zh, k.name_en, d.name_zh AS dimension_name_zh, d.name_en AS dimension_name_en,
               g.required_level, g.assessed_level, g.gap, g.weight
        FROM competency_worker_gaps g
        JOIN competency_worker_fits f ON f.worker_id = g.worker_id
        JOIN competency_profiles p ON p.id = f.profile_id
        JOIN competency_competencies k ON k.framework_id = p.framework_id AND k.code = g.competency_code
        JOIN competency_dimensions d ON d.id = k.dimension_id
        WHERE g.worker_id = @WorkerId
        ORDER BY d.sort_order, k.sort_order
        """;

    /// <summary>
    /// Average gap per competency for each child unit of <c>@UnitId</c> (the workers of the whole child subtree), over the
    /// active workers with a finalised assessment.
    /// </summary>
    public const string HeatMap = """
        SELECT c.id AS unit_id, c.code AS unit_code, c.name AS unit_name, g.competency_code,
               AVG(g.gap * 1.0) AS average_gap, COUNT(*) AS workers
        FROM staffing_v_org_units c
        JOIN staffing_v_worker_scope ws ON ws.org_path LIKE c.path {cat} '%'
        JOIN competency_worker_gaps g ON g.worker_id = ws.worker_id
        WHERE c.parent_id = @UnitId AND c.status = 'active' AND ws.status = 'active' AND {scope:ws.org_path}
        GROUP BY c.id, c.code, c.name, g.competency_code
        """;

    public const string ChildUnits = """
        SELECT u.id, u.code, u.name, u.level, u.path, u.parent_id FROM staffing_v_org_units u
        WHERE u.parent_id = @UnitId AND u.status = 'active' ORDER BY u.code
        """;

    /// <summary>Names of competency codes from the latest published version that has them.</summary>
    public const string CompetencyNames = """
        SELECT k.code, k.name_zh, k.name_en, k.sort_order, d.sort_order AS dimension_order, f.version_no
        FROM competency_competencies k
        JOIN competency_dimensions d ON d.id = k.dimension_id
        JOIN competency_frameworks f ON f.id = k.framework_id
        WHERE f.status = 'published'
        """;

    public const string PostInScope = """
        SELECT p.id, p.org_unit_id, p.org_unit_name, p.org_path, p.post_type, p.title, p.quota, p.filled, p.status
        FROM staffing_v_posts p WHERE p.id = @PostId AND {scope:p.org_path}
        """;

    private const string Ranked = """
        SELECT ws.worker_id,
               SUM(i.weight * (CASE WHEN COALESCE(l.level, 0) >= i.required_level THEN i.required_level ELSE COALESCE(l.level, 0) END) * 1.0 / i.required_level) AS fit,
               SUM(CASE WHEN COALESCE(l.level, 0) < i.required_level THEN i.item_bit ELSE 0 END) AS gap_bits,
               SUM(CASE WHEN COALESCE(l.level, 0) < i.required_level THEN 1 ELSE 0 END) AS gap_count
        FROM staffing_v_worker_scope ws
        JOIN competency_profile_items i ON i.profile_id = @ProfileId
        LEFT JOIN competency_worker_levels l ON l.worker_id = ws.worker_id AND l.competency_code = i.competency_code
        WHERE {scope:ws.org_path} AND ws.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM staffing_v_current_postings h WHERE h.worker_id = ws.worker_id AND h.post_id = @PostId)
          AND (@PostType IS NULL OR EXISTS (SELECT 1 FROM staffing_v_current_postings t WHERE t.worker_id = ws.worker_id AND t.post_type = @PostType))
        GROUP BY ws.worker_id
        """;

    /// <summary>Candidates for a post, ranked set-wise by fit to its profile (<c>@Scope</c>: the caller's subtree or the chosen unit's).</summary>
    public const string Candidates = """
        SELECT r.worker_id, ws.staff_no, ws.name, ws.org_unit_id, u.name AS org_unit_name, r.fit, r.gap_bits, r.gap_count,
               sv.service_start_date, cp.post_title AS current_post_title, cp.post_type AS current_post_type
        FROM (
        """ + Ranked + """
        ) r
        JOIN staffing_v_worker_scope ws ON ws.worker_id = r.worker_id
        JOIN staffing_v_org_units u ON u.id = ws.org_unit_id
        LEFT JOIN staffing_v_worker_service sv ON sv.worker_id = r.worker_id
        LEFT JOIN staffing_v_current_postings cp ON cp.worker_id = r.worker_id AND cp.is_primary = 1
        WHERE r.fit >= @MinFit
        ORDER BY r.fit DESC, r.gap_count, ws.staff_no, r.worker_id
        {page}
        """;

    public const string CandidateCount = "SELECT COUNT(*) FROM (" + Ranked + ") r WHERE r.fit >= @MinFit";
}
