using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.CompetencyFramework.Frameworks;

/// <summary>Framework states: a draft is edited, a published version is immutable, a retired one is history.</summary>
public static class FrameworkStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Retired = "retired";

    public static readonly IReadOnlyList<string> All = [Draft, Published, Retired];
}

/// <summary>A framework version without its content (lists).</summary>
public sealed record FrameworkSummary
{
    public Guid Id { get; init; }

    /// <summary>Stable code shared by every version, e.g. <c>community-worker</c>.</summary>
    public string Code { get; init; } = "";
    public int VersionNo { get; init; }
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>draft | published | retired</summary>
    public string Status { get; init; } = "";
    public Guid? BasedOnId { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? RetiredAt { get; init; }
    public int CompetencyCount { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A framework version with its dimensions, competencies and level indicators.</summary>
public sealed record FrameworkResponse
{
    public FrameworkSummary Framework { get; init; } = new();
    public IReadOnlyList<DimensionResponse> Dimensions { get; init; } = [];
}

public sealed record DimensionResponse
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public IReadOnlyList<CompetencyResponse> Competencies { get; init; } = [];
}

public sealed record CompetencyResponse
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public IReadOnlyList<LevelResponse> Levels { get; init; } = [];
}

public sealed record LevelResponse
{
    /// <summary>1–5</summary>
    public int Level { get; init; }
    public string IndicatorZh { get; init; } = "";
    public string IndicatorEn { get; init; } = "";
}

/// <summary>A new framework (its first draft).</summary>
public sealed record CreateFrameworkRequest
{
    [Required, MaxLength(60)]
    public string? Code { get; init; }
    [Required, MaxLength(100)]
    public string? NameZh { get; init; }
    [Required, MaxLength(100)]
    public string? NameEn { get; init; }
    public IReadOnlyList<DimensionInput>? Dimensions { get; init; }
}

/// <summary>The whole content of a draft, replacing what it held.</summary>
public sealed record SaveFrameworkRequest
{
    [Required, MaxLength(100)]
    public string? NameZh { get; init; }
    [Required, MaxLength(100)]
    public string? NameEn { get; init; }
    public IReadOnlyList<DimensionInput>? Dimensions { get; init; }
    public int? Version { get; init; }
}

public sealed record DimensionInput
{
    public string? Code { get; init; }
    public string? NameZh { get; init; }
    public string? NameEn { get; init; }
    public IReadOnlyList<CompetencyInput>? Competencies { get; init; }
}

public sealed record CompetencyInput
{
    public string? Code { get; init; }
    public string? NameZh { get; init; }
    public string? NameEn { get; init; }
    public IReadOnlyList<LevelInput>? Levels { get; init; }
}

public sealed record LevelInput
{
    public int? Level { get; init; }
    public string? IndicatorZh { get; init; }
    public string? IndicatorEn { get; init; }
}

public sealed record FrameworkVersionRequest
{
    public int? Version { get; init; }
}

public sealed record FrameworkListQuery
{
    public string? Code { get; init; }

    /// <summary>draft | published | retired</summary>
    public string? Status { get; init; }
}

public sealed record FrameworkDiffQuery
{
    /// <summary>The version to compare with (usually the one the draft was copied from).</summary>
    public Guid? Against { get; init; }
}

/// <summary>What changed from <see cref="FromId"/> to <see cref="ToId"/>, competency by competency (matched by code).</summary>
public sealed record FrameworkDiffResponse
{
    public Guid FromId { get; init; }
    public Guid ToId { get; init; }
    public IReadOnlyList<CompetencyChange> Added { get; init; } = [];
    public IReadOnlyList<CompetencyChange> Removed { get; init; } = [];
    public IReadOnlyList<CompetencyChange> Changed { get; init; } = [];
}

public sealed record CompetencyChange
{
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>For changed competencies: name, dimension, and the levels whose indicator changed (level-1 … level-5).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}

internal sealed class FrameworkRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public int VersionNo { get; init; }
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string Status { get; init; } = "";
    public Guid? BasedOnId { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? RetiredAt { get; init; }
    public int CompetencyCount { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public FrameworkSummary ToSummary() => new()
    {
        Id = Id, Code = Code, VersionNo = VersionNo, NameZh = NameZh, NameEn = NameEn, Status = Status, BasedOnId = BasedOnId,
        PublishedAt = PublishedAt, RetiredAt = RetiredAt, CompetencyCount = CompetencyCount, Version = Version,
        CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
    };
}

internal sealed class DimensionRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
}

internal sealed class CompetencyRow
{
    public Guid Id { get; init; }
    public Guid DimensionId { get; init; }
    public string DimensionCode { get; init; } = "";
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
}

internal sealed class LevelRow
{
    public Guid CompetencyId { get; init; }
    public int Level { get; init; }
    public string IndicatorZh { get; init; } = "";
    public string IndicatorEn { get; init; } = "";
}
