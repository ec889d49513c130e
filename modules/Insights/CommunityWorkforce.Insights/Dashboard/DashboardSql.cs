namespace CommunityWorkforce.Insights.Dashboard;

/// <summary>
/// The dashboard's reads, each over one subtree (<c>@Scope</c> = the unit's path pattern) and only other modules'
/// published views. People on the roster are those who have not left (<c>status &lt;&gt; 'left'</c>).
/// </summary>
internal static class DashboardSql
{
    /// <summary>
    /// The subtree's roster counted set-wise in one statement (no row per person leaves the database): per org path
    /// (the children's headcounts), per age band and gender, education code, political status and service band, and
    /// the holders of Training's social-work certificate (any on record, probed through the certificates' worker index).
    /// Bands compare the dates with <c>@AgeNN</c> / <c>@ServiceNN</c>, the latest date that has reached NN full years
    /// (<see cref="StructureBands.ReachedBy"/>), so they agree with <see cref="StructureBands.FullYears"/> to the day.
    /// SQLite materialises the common table expression once because it is used more than once.
    /// </summary>
    public const string Structure = """
        WITH insights_roster AS (
            SELECT w.org_path, w.gender, w.education, w.political_status,
                   CASE WHEN w.birth_date <= @Age60 THEN '60+' WHEN w.birth_date <= @Age55 THEN '55-59'
                        WHEN w.birth_date <= @Age50 THEN '50-54' WHEN w.birth_date <= @Age45 THEN '45-49'
                        WHEN w.birth_date <= @Age40 THEN '40-44' WHEN w.birth_date <= @Age35 THEN '35-39'
                        WHEN w.birth_date <= @Age30 THEN '30-34' ELSE '<30' END AS age_band,
                   CASE WHEN w.service_start_date <= @Service21 THEN '21+' WHEN w.service_start_date <= @Service16 THEN '16-20'
                        WHEN w.service_start_date <= @Service11 THEN '11-15' WHEN w.service_start_date <= @Service6 THEN '6-10'
                        WHEN w.service_start_date <= @Service3 THEN '3-5' ELSE '0-2' END AS service_band,
                   CASE WHEN EXISTS (SELECT 1 FROM training_v_certificates c WHERE c.worker_id = w.worker_id AND c.kind = 'social-work')
                        THEN 1 ELSE 0 END AS social_work
            FROM staffing_v_worker_profile w
            WHERE {scope:w.org_path} AND w.status <> 'left'
        )
        SELECT 'path' AS Dim, r.org_path AS Code, '' AS Sub, COUNT(*) AS Number FROM insights_roster r GROUP BY r.org_path
        UNION ALL
        SELECT 'age' AS Dim, r.age_band AS Code, r.gender AS Sub, COUNT(*) AS Number FROM insights_roster r GROUP BY r.age_band, r.gender
        UNION ALL
        SELECT 'education' AS Dim, r.education AS Code, '' AS Sub, COUNT(*) AS Number FROM insights_roster r GROUP BY r.education
        UNION ALL
        SELECT 'political' AS Dim, r.political_status AS Code, '' AS Sub, COUNT(*) AS Number FROM insights_roster r GROUP BY r.political_status
        UNION ALL
        SELECT 'service' AS Dim, r.service_band AS Code, '' AS Sub, COUNT(*) AS Number FROM insights_roster r GROUP BY r.service_band
        UNION ALL
        SELECT 'social-work' AS Dim, '' AS Code, '' AS Sub, COALESCE(SUM(r.social_work), 0) AS Number FROM insights_roster r
        """;

    public const string Children = """
        SELECT u.id AS Id, u.code AS Code, u.name AS Name, u.level AS Level, u.path AS Path
        FROM staffing_v_org_units u
        WHERE u.parent_id = @UnitId AND u.status = 'active' AND {scope:u.path}
        ORDER BY u.code
        """;

    private const string ValidAllRound = " c.passed = 1 AND (c.expires_on IS NULL OR c.expires_on >= @Today)";

    /// <summary>
    /// The all-round figures in one read of the subtree's valid certifications: a row per service line (workers
    /// certified in it) and a row with <c>Code = '*'</c> (workers certified in any line). SQLite materialises the
    /// common table expression once because it is used twice.
    /// </summary>
    public const string AllRound = """
        WITH insights_valid_all_round AS (
            SELECT c.worker_id, c.line_code
            FROM staffing_v_worker_profile w
            JOIN competency_v_certifications c ON c.worker_id = w.worker_id
            WHERE {scope:w.org_path} AND w.status <> 'left' AND
        """ + ValidAllRound + """
        )
        SELECT v.line_code AS Code, COUNT(DISTINCT v.worker_id) AS Number FROM insights_valid_all_round v GROUP BY v.line_code
        UNION ALL
        SELECT '*' AS Code, COUNT(DISTINCT v.worker_id) AS Number FROM insights_valid_all_round v
        """;

    public const string Grades = """
        SELECT g.post_type AS PostType, g.level AS Level, COUNT(*) AS Number
        FROM career_v_current_grades g
        JOIN staffing_v_worker_profile w ON w.worker_id = g.worker_id
        WHERE {scope:w.org_path} AND w.status <> 'left'
        GROUP BY g.post_type, g.level
        ORDER BY g.post_type, g.level
        """;

    public const string Vacancy = """
        SELECT COALESCE(SUM(p.quota), 0) AS Quota, COALESCE(SUM(p.filled), 0) AS Filled,
               COALESCE(SUM(CASE WHEN p.quota > p.filled THEN p.quota - p.filled ELSE 0 END), 0) AS Vacant
        FROM staffing_v_posts p
        WHERE {scope:p.org_path} AND p.status = 'active'
        """;

    public const string LatestAnnualYear = """
        SELECT MAX(r.year) FROM performance_v_results r WHERE {scope:r.org_path} AND r.kind = 'annual' AND r.grade IS NOT NULL
        """;

    public const string AppraisalGrades = """
        SELECT r.grade AS Code, COUNT(*) AS Number
        FROM performance_v_results r
        WHERE {scope:r.org_path} AND r.kind = 'annual' AND r.year = @Year AND r.grade IS NOT NULL
        GROUP BY r.grade
        """;
}
