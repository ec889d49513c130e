using CommunityWorkforce.BuildingBlocks.Http;

namespace CommunityWorkforce.CompetencyFramework.Gaps;

/// <summary>A worker's competency profile: required vs assessed per competency of their profile, the fit, the gaps.</summary>
public sealed record WorkerCompetencyResponse
{
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public Guid? AssessmentId { get; init; }
    public DateOnly? AssessedOn { get; init; }
    public Guid? ProfileId { get; init; }
    public string? ProfileName { get; init; }

    /// <summary>0–100; null without a finalised assessment against a profile.</summary>
    public double? FitScore { get; init; }
    public IReadOnlyList<WorkerCompetencyItem> Items { get; init; } = [];
    public IReadOnlyList<WorkerCompetencyItem> Gaps { get; init; } = [];
}

public sealed record WorkerCompetencyItem
{
    public string CompetencyCode { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string DimensionNameZh { get; init; } = "";
    public string DimensionNameEn { get; init; } = "";
    public int RequiredLevel { get; init; }
    public int AssessedLevel { get; init; }
    public int Gap { get; init; }
    public int Weight { get; init; }
}

public sealed record HeatMapQuery
{
    /// <summary>The unit whose child units form the rows (default: the caller's own unit).</summary>
    public Guid? OrgUnitId { get; init; }
}

/// <summary>Competency × child unit, the average gap in each cell (0 = everyone meets the requirement).</summary>
public sealed record HeatMapResponse
{
    public Guid? OrgUnitId { get; init; }
    public IReadOnlyList<HeatMapCompetency> Competencies { get; init; } = [];
    public IReadOnlyList<HeatMapUnit> Units { get; init; } = [];
}

public sealed record HeatMapCompetency
{
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
}

public sealed record HeatMapUnit
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>Whether the unit has units below it (the client drills into it).</summary>
    public bool HasChildren { get; init; }
    public IReadOnlyList<HeatMapCell> Cells { get; init; } = [];
}

public sealed record HeatMapCell
{
    public string CompetencyCode { get; init; } = "";
    public double AverageGap { get; init; }
    public int Workers { get; init; }
}

public sealed record CandidateQuery
{
    /// <summary>Only workers of this unit's subtree.</summary>
    public Guid? OrgUnitId { get; init; }

    /// <summary>Only workers currently holding a post of this type.</summary>
    public string? PostType { get; init; }

    /// <summary>0–100.</summary>
    public int? MinFit { get; init; }
}

public sealed record CandidatesResponse
{
    public Guid PostId { get; init; }
    public string PostTitle { get; init; } = "";
    public string PostType { get; init; } = "";
    public Guid ProfileId { get; init; }
    public string ProfileName { get; init; } = "";
    public PagedResult<CandidateResponse> Page { get; init; } = new([], 0, 1, 20);
}

public sealed record CandidateResponse
{
    public int Rank { get; init; }
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public double FitScore { get; init; }
    public int GapCount { get; init; }
    public IReadOnlyList<string> Gaps { get; init; } = [];
    public int YearsOfService { get; init; }
    public string? CurrentPostTitle { get; init; }
    public string? CurrentPostType { get; init; }
}

internal sealed class FitRow
{
    public Guid AssessmentId { get; init; }
    public Guid? ProfileId { get; init; }
    public string? ProfileName { get; init; }
    public double? FitScore { get; init; }
    public DateOnly AssessedOn { get; init; }
}

internal sealed class ItemRow
{
    public string CompetencyCode { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string DimensionNameZh { get; init; } = "";
    public string DimensionNameEn { get; init; } = "";
    public int RequiredLevel { get; init; }
    public int AssessedLevel { get; init; }
    public int Gap { get; init; }
    public int Weight { get; init; }
}

internal sealed class ChildUnitRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public bool HasChildren { get; init; }
}

internal sealed class NameRow
{
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int SortOrder { get; init; }
    public int DimensionOrder { get; init; }
    public int VersionNo { get; init; }
}

internal sealed class PostRow
{
    public Guid Id { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string PostType { get; init; } = "";
    public string Title { get; init; } = "";
}

internal sealed class CandidateRow
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public double Fit { get; init; }
    public long GapBits { get; init; }
    public int GapCount { get; init; }

    /// <summary>How many candidates the whole ranking holds (the same on every row of a page).</summary>
    public int Total { get; init; }
    public DateOnly? ServiceStartDate { get; init; }
    public string? CurrentPostTitle { get; init; }
    public string? CurrentPostType { get; init; }
}
