using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>A pool row's status: nominated (提名待审) → active (在库) → ended (出库); or nominated → rejected.</summary>
public static class ReserveStatus
{
    public const string Nominated = "nominated";
    public const string Active = "active";
    public const string Rejected = "rejected";
    public const string Ended = "ended";

    public static readonly IReadOnlyList<string> All = [Nominated, Active, Rejected, Ended];
}

/// <summary>A periodic review's outcome: ready (可提任), developing (继续培养), concern (需关注).</summary>
public static class ReserveReviewOutcomes
{
    public static readonly IReadOnlyList<string> All = ["ready", "developing", "concern"];
}

/// <summary>A development-plan item: a Training course or a rotation into a Staffing post.</summary>
public static class PlanItemKinds
{
    public const string Course = "course";
    public const string Rotation = "rotation";

    public static readonly IReadOnlyList<string> All = [Course, Rotation];
}

public static class PlanItemStatus
{
    public const string Planned = "planned";

    public static readonly IReadOnlyList<string> All = [Planned, "done", "cancelled"];
}

/// <summary>HR nominates a worker of their scope to the pool (后备干部提名).</summary>
public sealed record NominateReserveRequest
{
    public Guid WorkerId { get; init; }

    /// <summary>The stage the member is prepared for: deputy (副职) or head (正职).</summary>
    [MaxLength(20)]
    public string TargetStage { get; init; } = "deputy";

    [Required, MaxLength(1000)]
    public string Reason { get; init; } = "";
}

/// <summary>HR or the leader accepts (into the pool, with a term) or rejects a nomination.</summary>
public sealed record DecideNominationRequest
{
    public bool Accept { get; init; }

    /// <summary>Required when rejecting.</summary>
    [MaxLength(1000)]
    public string? Note { get; init; }

    /// <summary>Default today; the term ends after the configured years (default 2).</summary>
    [PlausibleDate]
    public DateOnly? TermStart { get; init; }

    /// <summary>Default the configured months (6) after the term starts.</summary>
    [PlausibleDate(Planned = true)]
    public DateOnly? ReviewOn { get; init; }

    [Required]
    public int? Version { get; init; }
}

public sealed record ExtendReserveTermRequest
{
    [Required, PlausibleDate(Planned = true)]
    public DateOnly? TermEnd { get; init; }
    [Required, MaxLength(1000)]
    public string Reason { get; init; } = "";
    [Required]
    public int? Version { get; init; }
}

public sealed record RecordReserveReviewRequest
{
    /// <summary>Default today.</summary>
    [PlausibleDate]
    public DateOnly? ReviewedOn { get; init; }

    [Required, MaxLength(40)]
    public string Outcome { get; init; } = "";
    [MaxLength(1000)]
    public string? Note { get; init; }
    [Required, PlausibleDate(Planned = true)]
    public DateOnly? NextReviewOn { get; init; }
    [Required]
    public int? Version { get; init; }
}

public sealed record EndReserveMembershipRequest
{
    /// <summary>Default today.</summary>
    [PlausibleDate]
    public DateOnly? EndedOn { get; init; }

    [Required, MaxLength(1000)]
    public string Reason { get; init; } = "";
    [Required]
    public int? Version { get; init; }
}

/// <summary>A plan item: <c>courseId</c> for kind course, <c>postId</c> for kind rotation.</summary>
public sealed record AddPlanItemRequest
{
    [Required, MaxLength(20)]
    public string Kind { get; init; } = "";
    public Guid? CourseId { get; init; }
    public Guid? PostId { get; init; }
    [Required, PlausibleDate(Planned = true)]
    public DateOnly? DueOn { get; init; }
    [MaxLength(1000)]
    public string? Note { get; init; }
}

public sealed record UpdatePlanItemRequest
{
    [Required, PlausibleDate(Planned = true)]
    public DateOnly? DueOn { get; init; }
    [Required, MaxLength(20)]
    public string Status { get; init; } = "";
    [MaxLength(1000)]
    public string? Note { get; init; }
    [Required]
    public int? Version { get; init; }
}

/// <summary>The pool list's filters: a unit's subtree, a status, reviews due within N days, a name or staff number.</summary>
public sealed record ReservePoolQuery
{
    public Guid? OrgUnitId { get; init; }
    public string? Status { get; init; }
    public int? ReviewDueWithin { get; init; }
}

/// <summary>The succession-risk list's filters.</summary>
public sealed record SuccessionRiskQuery
{
    public Guid? OrgUnitId { get; init; }
    public int? Years { get; init; }
    public bool? AtRiskOnly { get; init; }
}

public sealed record ReserveReviewResponse
{
    public Guid Id { get; init; }
    public DateOnly ReviewedOn { get; init; }
    public string Outcome { get; init; } = "";
    public string? Note { get; init; }
    public DateOnly NextReviewOn { get; init; }
    public string ReviewedBy { get; init; } = "";
}

public sealed record PlanItemResponse
{
    public Guid Id { get; init; }
    public Guid MemberId { get; init; }
    public string Kind { get; init; } = "";
    public Guid? CourseId { get; init; }
    public Guid? PostId { get; init; }

    /// <summary>The course's or the post's title when the item was planned.</summary>
    public string Title { get; init; } = "";

    public DateOnly DueOn { get; init; }
    public string Status { get; init; } = "";
    public string? Note { get; init; }
    public int Version { get; init; }
}

/// <summary>A member with their reviews and development plan.</summary>
public sealed record ReserveMemberDetailResponse
{
    public ReserveMemberResponse Member { get; init; } = new();
    public IReadOnlyList<ReserveReviewResponse> Reviews { get; init; } = [];
    public IReadOnlyList<PlanItemResponse> Plan { get; init; } = [];
}
