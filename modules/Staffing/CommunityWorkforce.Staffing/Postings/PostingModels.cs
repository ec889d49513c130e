using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Staffing.Postings;

/// <summary>Reasons a posting starts or ends (任职原因), stable codes.</summary>
public static class PostingReasons
{
    public const string Hire = "hire";
    public const string Rotation = "rotation";
    public const string Promotion = "promotion";
    public const string Demotion = "demotion";
    public const string Secondment = "secondment";
    public const string Leave = "leave";
    public const string Left = "left";

    public static readonly IReadOnlyList<string> Start = [Hire, Rotation, Promotion, Demotion, Secondment, Leave];
    public static readonly IReadOnlyList<string> End = [Rotation, Promotion, Demotion, Secondment, Leave, Left];
}

/// <summary>A dated assignment of a worker to a post (任职).</summary>
public sealed record PostingResponse
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public Guid PostId { get; init; }
    public string PostTitle { get; init; } = "";
    public string PostType { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public DateOnly StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string Reason { get; init; } = "";
    public string? EndReason { get; init; }

    /// <summary>The post pay follows (兼职不兼酬、就高不就低); one per worker.</summary>
    public bool IsPrimary { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record CreatePostingRequest
{
    [Required]
    public Guid? WorkerId { get; init; }
    [Required]
    public Guid? PostId { get; init; }
    [Required, PlausibleDate]
    public DateOnly? StartedOn { get; init; }

    /// <summary>hire | rotation | promotion | demotion | secondment | leave</summary>
    [Required, MaxLength(20)]
    public string? Reason { get; init; }

    /// <summary>Defaults to true when the worker holds no primary posting.</summary>
    public bool? IsPrimary { get; init; }
}

public sealed record EndPostingRequest
{
    [Required, PlausibleDate]
    public DateOnly? EndedOn { get; init; }
    [Required, MaxLength(20)]
    public string? EndReason { get; init; }
    public int? Version { get; init; }
}

internal sealed class PostingRow
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public Guid PostId { get; init; }
    public string PostTitle { get; init; } = "";
    public string PostType { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public DateOnly StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string Reason { get; init; } = "";
    public string? EndReason { get; init; }
    public bool IsPrimary { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class PostingProfile : Profile
{
    public PostingProfile()
    {
        CreateMap<PostingRow, PostingResponse>();
    }
}
