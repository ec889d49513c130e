namespace CommunityWorkforce.CompetencyFramework.Contracts;

/// <summary>Views CompetencyFramework publishes for other modules' set-wise SQL.</summary>
public static class CompetencyViews
{
    /// <summary>
    /// A worker's levels from their latest finalised assessment. Columns: worker_id, competency_code, level (1–5),
    /// assessment_id, assessed_on.
    /// </summary>
    public const string WorkerLevels = "competency_v_worker_levels";

    /// <summary>
    /// A worker's current gaps against the requirement profile of their latest finalised assessment (only competencies
    /// below the required level). Columns: worker_id, competency_code, required_level, assessed_level, gap, weight.
    /// </summary>
    public const string WorkerGaps = "competency_v_worker_gaps";

    /// <summary>全岗通 certifications. Columns: worker_id, line_code, score, pass_mark, certified_on, expires_on, passed (0/1).</summary>
    public const string Certifications = "competency_v_certifications";
}

/// <summary>A competency where a worker falls short of what their post requires.</summary>
public sealed record CompetencyGap
{
    public string CompetencyCode { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int RequiredLevel { get; init; }
    public int AssessedLevel { get; init; }
    public int Gap { get; init; }
    public int Weight { get; init; }
}

/// <summary>A worker's assessed level of one competency (latest finalised assessment).</summary>
public sealed record AssessedLevel
{
    public string CompetencyCode { get; init; } = "";
    public int Level { get; init; }
    public DateOnly AssessedOn { get; init; }
}

/// <summary>How many workers of a unit hold a valid 全岗通 certification for one service line.</summary>
public sealed record LineCoverage
{
    public string LineCode { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int Holders { get; init; }

    /// <summary>Nobody on duty can handle the line.</summary>
    public bool Uncovered => Holders == 0;

    /// <summary>Only one person can handle it (单点).</summary>
    public bool SinglePointOfFailure => Holders == 1;
}

/// <summary>
/// Single reads of competency results for other modules: Training recommends courses from the gaps, CareerPath checks
/// required levels, Insights reads coverage. No scope check here: the caller has already decided the worker or unit is
/// visible.
/// </summary>
public interface ICompetencyQueries
{
    Task<IReadOnlyList<CompetencyGap>> CurrentGapsAsync(Guid workerId, CancellationToken ct);

    Task<IReadOnlyList<AssessedLevel>> AssessedLevelsAsync(Guid workerId, CancellationToken ct);

    /// <summary>Coverage of every active service line by the active workers of the unit itself (not its subtree).</summary>
    Task<IReadOnlyList<LineCoverage>> CoverageAsync(Guid orgUnitId, DateOnly asOf, CancellationToken ct);
}
