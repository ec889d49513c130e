using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Staffing.Posts;

/// <summary>A post (岗位) of an org unit with its headcount quota.</summary>
public sealed record PostResponse
{
    public Guid Id { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";

    /// <summary>head | deputy | staff</summary>
    public string PostType { get; init; } = "";

    /// <summary>e.g. 居委会主任, 社区专职工作者, 受理中心窗口人员</summary>
    public string Title { get; init; } = "";
    public int Quota { get; init; }
    public int Filled { get; init; }
    public int Vacant { get; init; }

    /// <summary>active | closed</summary>
    public string Status { get; init; } = "";
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record CreatePostRequest
{
    [Required]
    public Guid? OrgUnitId { get; init; }
    [Required, MaxLength(20)]
    public string? PostType { get; init; }
    [Required, MaxLength(100)]
    public string? Title { get; init; }
    [Required]
    public int? Quota { get; init; }
}

public sealed record UpdatePostRequest
{
    [Required, MaxLength(100)]
    public string? Title { get; init; }
    [Required]
    public int? Quota { get; init; }

    /// <summary>Why the quota changes; kept in the audit log.</summary>
    [MaxLength(500)]
    public string? Reason { get; init; }
    public int? Version { get; init; }
}

public sealed record PostListQuery
{
    /// <summary>The unit and everything below it.</summary>
    public Guid? OrgUnitId { get; init; }
    public string? PostType { get; init; }

    /// <summary>Only posts with free places.</summary>
    public bool? HasVacancy { get; init; }

    /// <summary>active (default) | closed | all</summary>
    public string? Status { get; init; }
}

internal sealed class PostRow
{
    public Guid Id { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string PostType { get; init; } = "";
    public string Title { get; init; } = "";
    public int Quota { get; init; }
    public int Filled { get; init; }
    public int Vacant => Math.Max(0, Quota - Filled);
    public string Status { get; init; } = "";
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class PostProfile : Profile
{
    public PostProfile()
    {
        CreateMap<PostRow, PostResponse>();
    }
}
