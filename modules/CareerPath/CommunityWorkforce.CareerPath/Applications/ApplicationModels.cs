using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.CareerPath.Applications;

public static class ApplicationKinds
{
    /// <summary>晋升</summary>
    public const string Promotion = "promotion";

    /// <summary>降级/降岗 (能上能下)</summary>
    public const string Demotion = "demotion";

    public static readonly IReadOnlyList<string> All = [Promotion, Demotion];
}

/// <summary>submitted (HR or the worker applied) → reviewed (HR) → approved / rejected (street leader); HR may reject at review.</summary>
public static class ApplicationStatus
{
    public const string Submitted = "submitted";
    public const string Reviewed = "reviewed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Submitted, Reviewed, Approved, Rejected];
}

/// <summary>A promotion or demotion application. The level defaults to the current one kept inside the target band.</summary>
public sealed record FileApplicationRequest
{
    public Guid WorkerId { get; init; }

    [Required, MaxLength(20)]
    public string Kind { get; init; } = ApplicationKinds.Promotion;

    [MaxLength(40)]
    public string? TargetStage { get; init; }

    [Required, MaxLength(40)]
    public string ToPostType { get; init; } = "";

    public int? ToLevel { get; init; }

    /// <summary>The post the worker moves to (a posting change through Staffing); null: the grade changes, the posting stays.</summary>
    public Guid? TargetPostId { get; init; }

    [PlausibleDate]
    public DateOnly EffectiveOn { get; init; }

    [Required, MaxLength(1000)]
    public string Reason { get; init; } = "";
}

public sealed record ReviewApplicationRequest
{
    /// <summary>true: forward to the street leader; false: reject.</summary>
    public bool Forward { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }

    public int Version { get; init; }
}

public sealed record DecideApplicationRequest
{
    public bool Approve { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }

    public int Version { get; init; }
}

public sealed record ApplicationListQuery
{
    [MaxLength(20)]
    public string? Status { get; init; }

    [MaxLength(20)]
    public string? Kind { get; init; }

    public Guid? WorkerId { get; init; }
}

public sealed record ApplicationResponse
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string WorkerName { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? TargetStage { get; init; }
    public string FromPostType { get; init; } = "";
    public int FromLevel { get; init; }
    public string ToPostType { get; init; } = "";
    public int ToLevel { get; init; }
    public Guid? TargetPostId { get; init; }
    public string? TargetPostTitle { get; init; }
    public string? TargetUnitName { get; init; }
    public DateOnly EffectiveOn { get; init; }
    public string Reason { get; init; } = "";
    public string Status { get; init; } = "";
    public string? AppliedBy { get; init; }
    public string AppliedRole { get; init; } = "";
    public string? ReviewNote { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public string? DecisionNote { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public Guid? NewPostingId { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
