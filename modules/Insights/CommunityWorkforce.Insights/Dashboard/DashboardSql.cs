namespace CommunityWorkforce.Insights.Dashboard;

/// <summary>
/// The dashboard's reads, each over one subtree (<c>@Scope</c> = the unit's path pattern) and only other modules'
/// published views. People on the roster are those who have not left (<c>status &lt;&gt; 'left'</c>).
/// </summary>
internal static class DashboardSql
{
    /// <summary>
    /// The subtree's roster in one read, each row with Training's definition of certified (any social-work
    /// certificate on record) as a flag probed through the certificates' worker index, so that the pyramid, the
    /// groups, the children's headcounts and the certification rate come from the same rows.
    /// </summary>
    public const string People = """
        SELECT w.worker_id AS WorkerId, w.org_path AS OrgPath, w.birth_date AS BirthDate, w.gender AS Gender,
               w.education AS Education, w.political_status AS PoliticalStatus, w.service_start_date AS ServiceStartDate,
               CASE WHEN EXISTS (SELECT 1 FROM training_v_certificates c WHERE c.worker_id = w.worker_id AND c.kind = 'social-work')
                    THEN 1 ELSE 0 END AS SocialWork
        FROM staffing_v_worker_profile w
        WHERE {scope:w.org_path} AND w.status <> 'left'
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

    /// <summary>
    /// Above this many people the all-round certifications and the grades are read for everyone (the "Wide" reads) and
    /// matched to the subtree's people here (<see cref="People"/>): joining the subtree's profiles in each read cost
    /// 0.4–0.8 s on a city, reading everyone's 30–60 ms. Tests set it to 0 to compare both reads.
    /// </summary>
    internal static int WideFrom { get; set; } = 5_000;

    public const string AllRoundWide = "SELECT c.worker_id AS WorkerId, c.line_code AS Code FROM competency_v_certifications c WHERE" + ValidAllRound;

    public const string GradesWide = "SELECT g.worker_id AS WorkerId, g.post_type AS PostType, g.level AS Level FROM career_v_current_grades g";

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
