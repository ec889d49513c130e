using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.BuildingBlocks.Http;
namespace CommunityWorkforce.CompetencyFramework.Assessments;

internal static class AssessmentSql
{
    private const string Columns = """
        a.id, a.campaign_id, c.name AS campaign_name, c.status AS campaign_status, c.deadline, c.supervisor_weight, c.framework_id, a.worker_id,
        ws.name AS worker_name, ws.staff_no, u.name AS org_unit_name, ws.org_path, a.profile_id, a.status, a.self_submitted_at,
        a.supervisor_submitted_at, a.supervisor_name, a.finalised_at, a.fit_score, a.version
        """;

    private const string From = """
        FROM competency_assessments a
        JOIN competency_campaigns c ON c.id = a.campaign_id
        JOIN staffing_v_worker_scope ws ON ws.worker_id = a.worker_id
        JOIN staffing_v_org_units u ON u.id = ws.org_unit_id
        """;

    /// <summary>Staff see the assessments of workers in their subtree; a worker only their own.</summary>
    private const string Visible = "((@OnlyWorkerId IS NULL AND {scope:ws.org_path}) OR a.worker_id = @OnlyWorkerId)";

    private const string Filters = """
          AND (@CampaignId IS NULL OR a.campaign_id = @CampaignId)
          AND (@WorkerId IS NULL OR a.worker_id = @WorkerId)
          AND (@Status IS NULL OR a.status = @Status)
          AND (@Waiting IS NULL
               OR (@Waiting = 'self' AND a.status = 'open' AND c.status = 'open' AND a.self_submitted_at IS NULL)
               OR (@Waiting = 'supervisor' AND a.status = 'open' AND c.status = 'open' AND a.supervisor_submitted_at IS NULL))
          AND (@Q IS NULL OR ws.name LIKE @Q ESCAPE '\' OR ws.staff_no LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " " + From + " WHERE " + Visible + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) " + From + " WHERE " + Visible + Filters;

    // The same list with a plain condition that an index can serve, where the caller or the filter gives one: the optional
    // filters above alone make SQLite read every assessment of the scope (a city's 60,000 for a worker's to-do count).
    private const string OfWorker = " AND a.worker_id = @OnlyWorkerId";
    private const string Open = " AND a.status = 'open'";

    public const string ListOfWorker = "SELECT " + Columns + " " + From + " WHERE " + Visible + OfWorker + Filters + " ORDER BY {orderBy} {page}";

    public const string CountOfWorker = "SELECT COUNT(*) " + From + " WHERE " + Visible + OfWorker + Filters;

    public const string ListOpen = "SELECT " + Columns + " " + From + " WHERE " + Visible + Open + Filters + " ORDER BY {orderBy} {page}";

    public const string CountOpen = "SELECT COUNT(*) " + From + " WHERE " + Visible + Open + Filters;

    /// <summary>The count and list SQL for the caller and filter: a worker's own by the worker index, open ones by the status index.</summary>
    public static (string Count, string List) For(CurrentUser user, AssessmentListQuery filter) =>
        user.OnlyWorkerId is not null ? (CountOfWorker, ListOfWorker)
        : filter.Waiting is not null || filter.Status == "open" ? (CountOpen, ListOpen)
        : (Count, List);

    public const string Get = "SELECT " + Columns + " " + From + " WHERE " + Visible + " AND a.id = @Id";

    public const string Scores = """
        SELECT s.competency_id, k.code, k.name_zh, k.name_en, d.name_zh AS dimension_name_zh, d.name_en AS dimension_name_en,
               i.required_level, s.self_level, s.self_evidence, s.supervisor_level, s.supervisor_evidence, s.final_level
        FROM competency_assessment_scores s
        JOIN competency_assessments a ON a.id = s.assessment_id
        JOIN competency_competencies k ON k.id = s.competency_id
        JOIN competency_dimensions d ON d.id = k.dimension_id
        LEFT JOIN competency_profile_items i ON i.profile_id = a.profile_id AND i.competency_id = s.competency_id
        WHERE s.assessment_id = @Id
        ORDER BY d.sort_order, k.sort_order
        """;

    /// <summary>The re-check and the claim in one statement: an open assessment of an open campaign at the version read.</summary>
    public const string MarkSelf = """
        UPDATE competency_assessments SET self_submitted_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'open'
          AND EXISTS (SELECT 1 FROM competency_campaigns c WHERE c.id = competency_assessments.campaign_id AND c.status = 'open')
        """;

    public const string MarkSupervisor = """
        UPDATE competency_assessments SET supervisor_submitted_at = @Now, supervisor_name = @SupervisorName, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'open'
          AND EXISTS (SELECT 1 FROM competency_campaigns c WHERE c.id = competency_assessments.campaign_id AND c.status = 'open')
        """;

    public const string SetSelf = """
        UPDATE competency_assessment_scores SET self_level = @Level, self_evidence = @Evidence
        WHERE assessment_id = @AssessmentId AND competency_id = @CompetencyId
        """;

    public const string SetSupervisor = """
        UPDATE competency_assessment_scores SET supervisor_level = @Level, supervisor_evidence = @Evidence
        WHERE assessment_id = @AssessmentId AND competency_id = @CompetencyId
        """;

    /// <summary>Finalising locks: only one of two concurrent finalisations finds the assessment open at its version.</summary>
    public const string Finalise = """
        UPDATE competency_assessments SET status = 'finalised', finalised_at = @Now, finalised_by = @FinalisedBy, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'open' AND supervisor_submitted_at IS NOT NULL
        """;

    /// <summary>The final level: the supervisor's, or a blend rounded half up (<c>@Weight</c> = the supervisor's share in %).</summary>
    public const string SetFinalLevels = """
        UPDATE competency_assessment_scores
        SET final_level = CASE WHEN self_level IS NULL OR supervisor_level IS NULL THEN supervisor_level
                               ELSE (supervisor_level * @Weight + self_level * (100 - @Weight) + 50) / 100 END
        WHERE assessment_id = @Id
        """;

    public const string DeleteWorkerLevels = "DELETE FROM competency_worker_levels WHERE worker_id = @WorkerId";

    public const string InsertWorkerLevels = """
        INSERT INTO competency_worker_levels (worker_id, competency_code, competency_id, level, assessment_id, assessed_on)
        SELECT @WorkerId, k.code, k.id, s.final_level, @Id, @Today
        FROM competency_assessment_scores s
        JOIN competency_competencies k ON k.id = s.competency_id
        WHERE s.assessment_id = @Id AND s.final_level IS NOT NULL
        """;

    public const string DeleteWorkerGaps = "DELETE FROM competency_worker_gaps WHERE worker_id = @WorkerId";

    public const string InsertWorkerGaps = """
        INSERT INTO competency_worker_gaps (worker_id, competency_code, required_level, assessed_level, gap, weight)
        SELECT @WorkerId, i.competency_code, i.required_level, COALESCE(s.final_level, 0),
               CASE WHEN COALESCE(s.final_level, 0) < i.required_level THEN i.required_level - COALESCE(s.final_level, 0) ELSE 0 END,
               i.weight
        FROM competency_profile_items i
        LEFT JOIN competency_assessment_scores s ON s.assessment_id = @Id AND s.competency_id = i.competency_id
        WHERE i.profile_id = @ProfileId
        """;

    /// <summary>Fit 0–100: each required competency contributes its weight in proportion to how much of the level is met.</summary>
    public const string FitOfWorker = """
        SELECT SUM(weight * (CASE WHEN assessed_level >= required_level THEN required_level ELSE assessed_level END) * 1.0 / required_level)
        FROM competency_worker_gaps WHERE worker_id = @WorkerId
        """;

    public const string SetFit = "UPDATE competency_assessments SET fit_score = @Fit WHERE id = @Id";

    public const string DeleteWorkerFit = "DELETE FROM competency_worker_fits WHERE worker_id = @WorkerId";

    public const string InsertWorkerFit = """
        INSERT INTO competency_worker_fits (worker_id, assessment_id, profile_id, fit_score, assessed_on)
        VALUES (@WorkerId, @Id, @ProfileId, @Fit, @Today)
        """;

    /// <summary>The arguments of <see cref="List"/> and <see cref="Count"/> for a caller, filter and page (the workbench card uses them too).</summary>
    internal static object ListArgs(CurrentUser user, AssessmentListQuery filter, PageQuery page) => new
    {
        Scope = user.ScopePattern, user.OnlyWorkerId, filter.CampaignId, filter.WorkerId, filter.Status, filter.Waiting,
        Q = page.QPattern, page.Skip, Take = page.Size,
    };
}
