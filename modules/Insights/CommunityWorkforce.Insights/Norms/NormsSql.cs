namespace CommunityWorkforce.Insights.Norms;

/// <summary>Units, quotas and filled places of one subtree, from Staffing's published views (the same counts as Staffing's headcount page).</summary>
internal static class NormsSql
{
    public const string Units = """
        SELECT u.id AS Id, u.parent_id AS ParentId, u.code AS Code, u.name AS Name, u.level AS Level, u.path AS Path, u.depth AS Depth,
               u.households AS Households, u.population AS Population
        FROM staffing_v_org_units u
        WHERE {scope:u.path} AND u.status = 'active'
        ORDER BY u.path
        """;

    public const string QuotaByUnit = """
        SELECT p.org_unit_id AS UnitId, SUM(p.quota) AS Number
        FROM staffing_v_posts p
        WHERE {scope:p.org_path} AND p.status = 'active'
        GROUP BY p.org_unit_id
        """;

    public const string FilledByUnit = """
        SELECT g.org_unit_id AS UnitId, COUNT(*) AS Number
        FROM staffing_v_current_postings g
        JOIN staffing_v_org_units u ON u.id = g.org_unit_id
        WHERE {scope:u.path}
        GROUP BY g.org_unit_id
        """;
}
