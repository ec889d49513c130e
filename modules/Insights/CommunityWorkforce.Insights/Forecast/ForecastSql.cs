namespace CommunityWorkforce.Insights.Forecast;

internal static class ForecastSql
{
    /// <summary>Everyone on the subtree's roster, including those who left (their leaving dates give the rates).</summary>
    public const string People = """
        SELECT w.worker_id AS Id, w.org_path AS Path, w.birth_date AS BirthDate, w.gender AS Gender, w.hire_date AS HireDate,
               w.service_start_date AS ServiceStart, w.status AS Status, w.left_on AS LeftOn, w.left_reason AS LeftReason
        FROM staffing_v_worker_profile w
        WHERE {scope:w.org_path}
        """;

    public const string PrimaryPostTypes = """
        SELECT g.worker_id AS WorkerId, g.post_type AS PostType
        FROM staffing_v_current_postings g
        JOIN staffing_v_worker_profile w ON w.worker_id = g.worker_id
        WHERE {scope:w.org_path} AND w.status <> 'left' AND g.is_primary = 1
        """;

    /// <summary>
    /// Above this many people the primary post types are read for everyone (<see cref="PrimaryPostTypesWide"/>) and matched
    /// to the subtree's people here: joining the subtree's profiles made it 0.5 s for a city, reading all 35 ms. Tests set it to 0 to compare both reads.
    /// </summary>
    internal static int WideFrom { get; set; } = 5_000;

    public const string PrimaryPostTypesWide = """
        SELECT g.worker_id AS WorkerId, g.post_type AS PostType FROM staffing_v_current_postings g WHERE g.is_primary = 1
        """;

    public const string ReservePool = """
        SELECT r.org_path AS Path
        FROM career_v_reserve_pool r
        WHERE {scope:r.org_path} AND r.status = 'active' AND (r.term_end IS NULL OR r.term_end >= @Today)
        """;
}
