namespace CommunityWorkforce.Insights.Turnover;

internal static class TurnoverSql
{
    /// <summary>Everyone on the subtree's roster, present or gone (a leaver counts in the unit they left from).</summary>
    public const string People = """
        SELECT w.worker_id AS Id, w.org_path AS Path, w.hire_date AS HireDate, w.service_start_date AS ServiceStart,
               w.status AS Status, w.left_on AS LeftOn, w.left_reason AS LeftReason
        FROM staffing_v_worker_profile w
        WHERE {scope:w.org_path}
        """;

    public const string Children = """
        SELECT u.id AS Id, u.code AS Code, u.name AS Name, u.level AS Level, u.path AS Path
        FROM staffing_v_org_units u
        WHERE u.parent_id = @UnitId AND u.status = 'active' AND {scope:u.path}
        ORDER BY u.code
        """;
}
