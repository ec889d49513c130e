namespace CommunityWorkforce.CompetencyFramework.Gaps;

internal static class GapSql
{
    /// <summary>The top-level units (the city): their heat maps are kept warm.</summary>
    public const string TopUnits = """
        SELECT u.id AS Id, u.path AS Path FROM staffing_v_org_units u WHERE u.parent_id IS NULL AND u.status = 'active' ORDER BY u.code
        """;

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
    /// The gaps under each active child unit of <c>@UnitId</c> (the top units when <c>@Top</c> = 1: admin's view): one row per
    /// active worker of the child's subtree and competency of their latest finalised assessment. The joins are forced in
    /// order (CROSS JOIN keeps SQLite's order; SQL Server plans it freely): the few children in scope first, then the
    /// units under each by a range on the path index (the range <c>{scope:...}</c> renders), their workers by unit, their
    /// gaps by worker — never a <c>LIKE</c> against every worker. The rows are averaged per child and competency by the
    /// caller as they stream: SQLite's GROUP BY would sort a city's million rows first, which costs three times the scan.
    /// </summary>
    public const string HeatMapGaps = """
        SELECT c.code AS unit_code, g.competency_code, g.gap
        FROM staffing_v_org_units c
        CROSS JOIN staffing_v_org_units d
        CROSS JOIN staffing_v_worker_scope ws
        CROSS JOIN competency_worker_gaps g
        WHERE ((@Top = 1 AND c.parent_id IS NULL) OR c.parent_id = @UnitId) AND c.status = 'active' AND {scope:c.path}
          AND d.path >= c.path AND d.path < {substr}(c.path, 1, {len}(c.path) - 1) {cat} '0'
          AND ws.org_unit_id = d.id AND ws.status = 'active' AND g.worker_id = ws.worker_id
        """;

    /// <summary>Active child units of <c>@UnitId</c> (the top units when null), each saying whether it has active children.</summary>
    public const string ChildUnits = """
        SELECT u.id, u.code, u.name, u.level, u.path, u.parent_id,
               CASE WHEN EXISTS (SELECT 1 FROM staffing_v_org_units k WHERE k.parent_id = u.id AND k.status = 'active') THEN 1 ELSE 0 END AS has_children
        FROM staffing_v_org_units u
        WHERE ((@UnitId IS NULL AND u.parent_id IS NULL) OR u.parent_id = @UnitId) AND u.status = 'active' ORDER BY u.code
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

    /// <summary>
    /// Every active worker in <c>@Scope</c> × the profile's items, with their current levels: fit, the gaps as bits of the
    /// profile's items, the number of gaps. The units in scope come first by a range on the path index (CROSS JOIN keeps
    /// SQLite's order), then their workers by unit — not a scan of every worker. The per-worker filters sit outside
    /// (<see cref="CandidateFilters"/>), so that they run once per worker rather than once per worker and item.
    /// </summary>
    private const string Ranked = """
        SELECT ws.worker_id,
               SUM(i.weight * (CASE WHEN COALESCE(l.level, 0) >= i.required_level THEN i.required_level ELSE COALESCE(l.level, 0) END) * 1.0 / i.required_level) AS fit,
               SUM(CASE WHEN COALESCE(l.level, 0) < i.required_level THEN i.item_bit ELSE 0 END) AS gap_bits,
               SUM(CASE WHEN COALESCE(l.level, 0) < i.required_level THEN 1 ELSE 0 END) AS gap_count
        FROM staffing_v_org_units d
        CROSS JOIN staffing_v_worker_scope ws
        CROSS JOIN competency_profile_items i
        LEFT JOIN competency_worker_levels l ON l.worker_id = ws.worker_id AND l.competency_code = i.competency_code
        WHERE {scope:d.path} AND ws.org_unit_id = d.id AND ws.status = 'active' AND i.profile_id = @ProfileId
        GROUP BY ws.worker_id
        """;

    /// <summary>Not already holding the post; optionally holding a post of <c>@PostType</c> now; at least <c>@MinFit</c>.</summary>
    private const string CandidateFilters = """
        WHERE r.fit >= @MinFit
          AND NOT EXISTS (SELECT 1 FROM staffing_v_current_postings h WHERE h.worker_id = r.worker_id AND h.post_id = @PostId)
          AND (@PostType IS NULL OR EXISTS (SELECT 1 FROM staffing_v_current_postings t WHERE t.worker_id = r.worker_id AND t.post_type = @PostType))
        """;

    /// <summary>
    /// Candidates for a post, ranked set-wise by fit to its profile (<c>@Scope</c>: the caller's subtree or the chosen unit's),
    /// one page, each row carrying the number of candidates (<c>total</c>, a window over the filtered ranking) so that the
    /// ranking is computed once per request. Details (unit, service, current post) are looked up for the page's rows only.
    /// </summary>
    public const string Candidates = """
        SELECT x.worker_id, x.staff_no, x.name, x.org_unit_id, u.name AS org_unit_name, x.fit, x.gap_bits, x.gap_count, x.total,
               sv.service_start_date,
               (SELECT MIN(cp.post_title) FROM staffing_v_current_postings cp WHERE cp.worker_id = x.worker_id AND cp.is_primary = 1) AS current_post_title,
               (SELECT MIN(cp.post_type) FROM staffing_v_current_postings cp WHERE cp.worker_id = x.worker_id AND cp.is_primary = 1) AS current_post_type
        FROM (
            SELECT r.worker_id, ws.staff_no, ws.name, ws.org_unit_id, r.fit, r.gap_bits, r.gap_count, COUNT(*) OVER () AS total
            FROM (
        """ + Ranked + """
            ) r
            JOIN staffing_v_worker_scope ws ON ws.worker_id = r.worker_id
        """ + " " + CandidateFilters + " " + """
            ORDER BY r.fit DESC, r.gap_count, ws.staff_no, r.worker_id
            {page}
        ) x
        JOIN staffing_v_org_units u ON u.id = x.org_unit_id
        LEFT JOIN staffing_v_worker_service sv ON sv.worker_id = x.worker_id
        ORDER BY x.fit DESC, x.gap_count, x.staff_no, x.worker_id
        """;

    /// <summary>The number of candidates, for a page past the end (which carries no rows to read it from).</summary>
    public const string CandidateCount = "SELECT COUNT(*) FROM (" + Ranked + ") r " + CandidateFilters;
}
