using System.ComponentModel.DataAnnotations;
using CommunityWorkforce.BuildingBlocks.Http;

namespace CommunityWorkforce.CompetencyFramework.Campaigns;

/// <summary>An assessment campaign (能力测评) for the workers of an org subtree holding posts of the given types.</summary>
public sealed record CampaignResponse
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid FrameworkId { get; init; }
    public int FrameworkVersionNo { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public IReadOnlyList<string> PostTypes { get; init; } = [];
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public DateOnly Deadline { get; init; }

    /// <summary>The supervisor's share (0–100 %) of the final level; 100 = the supervisor's level alone.</summary>
    public int SupervisorWeight { get; init; }

    /// <summary>open | closed</summary>
    public string Status { get; init; } = "";
    public bool Overdue { get; init; }
    public int Total { get; init; }
    public int SelfSubmitted { get; init; }
    public int SupervisorSubmitted { get; init; }
    public int Finalised { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record CreateCampaignRequest
{
    [Required, MaxLength(100)]
    public string? Name { get; init; }
    [Required]
    public Guid? FrameworkId { get; init; }
    [Required]
    public Guid? OrgUnitId { get; init; }
    public IReadOnlyList<string>? PostTypes { get; init; }
    [Required, PlausibleDate]
    public DateOnly? PeriodStart { get; init; }
    [Required, PlausibleDate]
    public DateOnly? PeriodEnd { get; init; }
    [Required, PlausibleDate]
    public DateOnly? Deadline { get; init; }

    /// <summary>0–100, default 100 (the supervisor's level is final).</summary>
    public int? SupervisorWeight { get; init; }
}

public sealed record CampaignVersionRequest
{
    public int? Version { get; init; }
}

public sealed record CampaignListQuery
{
    /// <summary>open | closed</summary>
    public string? Status { get; init; }

    /// <summary>Only open campaigns past their deadline.</summary>
    public bool? Overdue { get; init; }
}

internal sealed class CampaignRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid FrameworkId { get; init; }
    public int FrameworkVersionNo { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string PostTypes { get; init; } = "";
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public DateOnly Deadline { get; init; }
    public int SupervisorWeight { get; init; }
    public string Status { get; init; } = "";
    public int Total { get; init; }
    public int SelfSubmitted { get; init; }
    public int SupervisorSubmitted { get; init; }
    public int Finalised { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public CampaignResponse ToResponse(DateOnly today) => new()
    {
        Id = Id, Name = Name, FrameworkId = FrameworkId, FrameworkVersionNo = FrameworkVersionNo, OrgUnitId = OrgUnitId,
        OrgUnitName = OrgUnitName, PostTypes = PostTypes.Split(',', StringSplitOptions.RemoveEmptyEntries), PeriodStart = PeriodStart,
        PeriodEnd = PeriodEnd, Deadline = Deadline, SupervisorWeight = SupervisorWeight, Status = Status,
        Overdue = Status == "open" && Deadline < today, Total = Total, SelfSubmitted = SelfSubmitted,
        SupervisorSubmitted = SupervisorSubmitted, Finalised = Finalised, Version = Version, CreatedAt = CreatedAt,
    };
}
