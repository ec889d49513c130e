using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.CompetencyFramework.Profiles;

/// <summary>
/// 岗位能力要求 — what a post type (and level band, optionally one post title) requires: a level and a weight per
/// competency of one framework version; the weights sum to 100.
/// </summary>
public sealed record ProfileResponse
{
    public Guid Id { get; init; }
    public Guid FrameworkId { get; init; }
    public int FrameworkVersionNo { get; init; }
    public string FrameworkStatus { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>head | deputy | staff</summary>
    public string PostType { get; init; } = "";

    /// <summary>Grade levels 1–18 the profile is for (三岗十八级).</summary>
    public int LevelFrom { get; init; }
    public int LevelTo { get; init; }

    /// <summary>One post title (e.g. 社区专职工作者) or null for every post of the type.</summary>
    public string? PostTitle { get; init; }
    public IReadOnlyList<ProfileItemResponse> Items { get; init; } = [];
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record ProfileItemResponse
{
    public Guid CompetencyId { get; init; }
    public string CompetencyCode { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int RequiredLevel { get; init; }
    public int Weight { get; init; }
}

public sealed record SaveProfileRequest
{
    [Required]
    public Guid? FrameworkId { get; init; }
    [Required, MaxLength(100)]
    public string? Name { get; init; }
    [Required, MaxLength(20)]
    public string? PostType { get; init; }
    [Required]
    public int? LevelFrom { get; init; }
    [Required]
    public int? LevelTo { get; init; }
    [MaxLength(100)]
    public string? PostTitle { get; init; }
    public IReadOnlyList<ProfileItemInput>? Items { get; init; }

    /// <summary>Required when updating.</summary>
    public int? Version { get; init; }
}

public sealed record ProfileItemInput
{
    public Guid? CompetencyId { get; init; }
    public int? RequiredLevel { get; init; }
    public int? Weight { get; init; }
}

public sealed record ProfileListQuery
{
    public Guid? FrameworkId { get; init; }
    public string? PostType { get; init; }
}

internal sealed class ProfileRow
{
    public Guid Id { get; init; }
    public Guid FrameworkId { get; init; }
    public int FrameworkVersionNo { get; init; }
    public string FrameworkStatus { get; init; } = "";
    public string Name { get; init; } = "";
    public string PostType { get; init; } = "";
    public int LevelFrom { get; init; }
    public int LevelTo { get; init; }
    public string PostTitle { get; init; } = "";
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class ProfileItemRow
{
    public Guid ProfileId { get; init; }
    public Guid CompetencyId { get; init; }
    public string CompetencyCode { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int RequiredLevel { get; init; }
    public int Weight { get; init; }
    public long ItemBit { get; init; }
}
