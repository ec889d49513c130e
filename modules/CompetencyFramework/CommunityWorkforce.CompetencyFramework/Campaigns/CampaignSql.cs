using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.BuildingBlocks.Http;
namespace CommunityWorkforce.CompetencyFramework.Campaigns;

internal static class CampaignSql
{
    private const string Columns = """
        c.id, c.name, c.framework_id, f.version_no AS framework_version_no, c.org_unit_id, u.name AS org_unit_name, c.org_path,
        c.post_types, c.period_start, c.period_end, c.deadline, c.supervisor_weight, c.status,
        (SELECT COUNT(*) FROM competency_assessments a WHERE a.campaign_id = c.id) AS total,
        (SELECT COUNT(*) FROM competency_assessments a WHERE a.campaign_id = c.id AND a.self_submitted_at IS NOT NULL) AS self_submitted,
        (SELECT COUNT(*) FROM competency_assessments a WHERE a.campaign_id = c.id AND a.supervisor_submitted_at IS NOT NULL) AS supervisor_submitted,
        (SELECT COUNT(*) FROM competency_assessments a WHERE a.campaign_id = c.id AND a.status = 'finalised') AS finalised,
        c.version, c.created_at
        """;

    private const string From = """
        FROM competency_campaigns c
        JOIN competency_frameworks f ON f.id = c.framework_id
        JOIN staffing_v_org_units u ON u.id = c.org_unit_id
        """;

    /// <summary>Campaigns whose unit lies in the caller's subtree.</summary>
    private const string Filters = """
        WHERE {scope:c.org_path}
          AND (@Status IS NULL OR c.status = @Status)
          AND (@Overdue = 0 OR (c.status = 'open' AND c.deadline < @Today))
          AND (@Q IS NULL OR c.name LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " " + From + " " + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) FROM competency_campaigns c " + Filters;

    public const string Get = "SELECT " + Columns + " " + From + " WHERE c.id = @Id AND {scope:c.org_path}";

    public const string FrameworkStatus = "SELECT status FROM competency_frameworks WHERE id = @FrameworkId";

    /// <summary>Active workers of the subtree (<c>@Scope</c> = the campaign unit's path) by the type of their primary post.</summary>
    public const string Eligible = """
        SELECT ws.worker_id, wp.post_type, wp.post_title, CASE WHEN g.post_type = wp.post_type THEN g.level END AS grade_level
        FROM staffing_v_worker_scope ws
        JOIN staffing_v_current_postings wp ON wp.worker_id = ws.worker_id AND wp.is_primary = 1
        LEFT JOIN career_v_current_grades g ON g.worker_id = ws.worker_id
        WHERE {scope:ws.org_path} AND ws.status = 'active'
          AND ((wp.post_type = 'head' AND @Head = 1) OR (wp.post_type = 'deputy' AND @Deputy = 1) OR (wp.post_type = 'staff' AND @Staff = 1))
        """;

    public const string ProfilesOfFramework = """
        SELECT id, post_type, post_title, level_from, level_to FROM competency_profiles WHERE framework_id = @FrameworkId
        """;

    public const string Insert = """
        INSERT INTO competency_campaigns
            (id, name, framework_id, org_unit_id, org_path, post_types, period_start, period_end, deadline, supervisor_weight, status, version, created_at, updated_at)
        VALUES
            (@Id, @Name, @FrameworkId, @OrgUnitId, @OrgPath, @PostTypes, @PeriodStart, @PeriodEnd, @Deadline, @SupervisorWeight, 'open', 1, @Now, @Now)
        """;

    public const string InsertAssessment = """
        INSERT INTO competency_assessments (id, campaign_id, worker_id, profile_id, status, version, created_at, updated_at)
        VALUES (@Id, @CampaignId, @WorkerId, @ProfileId, 'open', 1, @Now, @Now)
        """;

    /// <summary>One score row per competency of the campaign's framework for every assessment of the campaign.</summary>
    public const string InsertScores = """
        INSERT INTO competency_assessment_scores (assessment_id, competency_id)
        SELECT a.id, k.id
        FROM competency_assessments a
        JOIN competency_competencies k ON k.framework_id = @FrameworkId
        WHERE a.campaign_id = @CampaignId
        """;

    public const string Close = """
        UPDATE competency_campaigns SET status = 'closed', version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'open'
        """;

    /// <summary>The arguments of the campaign list and count (the overdue workbench card uses them too).</summary>
    internal static object ListArgs(CurrentUser user, string? status, bool overdue, DateOnly today, PageQuery page) => new
    {
        Scope = user.ScopePattern, Status = status, Overdue = overdue ? 1 : 0, Today = today, Q = page.QPattern, page.Skip, Take = page.Size,
    };
}
