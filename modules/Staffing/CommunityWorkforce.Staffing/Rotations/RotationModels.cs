using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>Rotation request states: draft → submitted → approved | rejected | withdrawn.</summary>
public static class RotationStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Draft, Submitted, Approved, Rejected, Withdrawn];

    /// <summary>A list filter, not a state: draft or submitted (not yet decided).</summary>
    public const string Open = "open";
}

/// <summary>A rotation (轮岗) request: move a worker from one of their postings to another post.</summary>
public sealed record RotationRequestResponse
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public Guid FromPostingId { get; init; }
    public string FromPostTitle { get; init; } = "";
    public string FromOrgUnitName { get; init; } = "";
    public DateOnly FromStartedOn { get; init; }
    public Guid ToPostId { get; init; }
    public string ToPostTitle { get; init; } = "";
    public string ToOrgUnitName { get; init; } = "";
    public int ToPostQuota { get; init; }
    public int ToPostFilled { get; init; }
    public string Reason { get; init; } = "";
    public DateOnly ProposedOn { get; init; }

    /// <summary>draft | submitted | approved | rejected | withdrawn</summary>
    public string Status { get; init; } = "";
    public string RequestedByName { get; init; } = "";
    public string RequestedRole { get; init; } = "";
    public DateTimeOffset? SubmittedAt { get; init; }
    public string? DecidedByName { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecisionComment { get; init; }
    public Guid? NewPostingId { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record CreateRotationRequest
{
    [Required]
    public Guid? WorkerId { get; init; }
    [Required]
    public Guid? FromPostingId { get; init; }
    [Required]
    public Guid? ToPostId { get; init; }
    [Required, MaxLength(500)]
    public string? Reason { get; init; }
    [Required, PlausibleDate]
    public DateOnly? ProposedOn { get; init; }

    /// <summary>Submit to the leader at once (default) or keep as a draft.</summary>
    public bool? Submit { get; init; }
}

public sealed record RotationDecisionRequest
{
    /// <summary>Required when rejecting.</summary>
    [MaxLength(500)]
    public string? Comment { get; init; }
    public int? Version { get; init; }
}

public sealed record RotationListQuery
{
    /// <summary>draft | submitted | approved | rejected | withdrawn, or open (draft or submitted).</summary>
    public string? Status { get; init; }
    public Guid? WorkerId { get; init; }
    public Guid? OrgUnitId { get; init; }
}

public sealed record RotationCounts(int Draft, int Submitted, int Approved, int Rejected, int Withdrawn);

/// <summary>A worker whose current posting has lasted at least the rotation threshold.</summary>
public sealed record DueForRotationResponse
{
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public Guid PostingId { get; init; }
    public Guid PostId { get; init; }
    public string PostTitle { get; init; } = "";
    public string OrgUnitName { get; init; } = "";
    public DateOnly StartedOn { get; init; }
    public int YearsInPost { get; init; }
    public bool HasOpenRequest { get; init; }
}

internal sealed class RotationRow
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string WorkerPath { get; init; } = "";
    public Guid FromPostingId { get; init; }
    public string FromPostTitle { get; init; } = "";
    public string FromOrgUnitName { get; init; } = "";
    public DateOnly FromStartedOn { get; init; }
    public DateOnly? FromEndedOn { get; init; }
    public bool FromIsPrimary { get; init; }
    public Guid ToPostId { get; init; }
    public string ToPostTitle { get; init; } = "";
    public string ToOrgUnitName { get; init; } = "";
    public Guid ToOrgUnitId { get; init; }
    public string ToPath { get; init; } = "";
    public int ToPostQuota { get; init; }
    public int ToPostFilled { get; init; }
    public string Reason { get; init; } = "";
    public DateOnly ProposedOn { get; init; }
    public string Status { get; init; } = "";
    public Guid? RequestedBy { get; init; }
    public string RequestedByName { get; init; } = "";
    public string RequestedRole { get; init; } = "";
    public DateTimeOffset? SubmittedAt { get; init; }
    public string? DecidedByName { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecisionComment { get; init; }
    public Guid? NewPostingId { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class RotationProfile : Profile
{
    public RotationProfile()
    {
        CreateMap<RotationRow, RotationRequestResponse>();
    }
}
