using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.CompetencyFramework.Assessments;

public sealed record AssessmentSummary
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public string CampaignName { get; init; } = "";
    public DateOnly Deadline { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string OrgUnitName { get; init; } = "";
    public Guid? ProfileId { get; init; }

    /// <summary>open | finalised</summary>
    public string Status { get; init; } = "";
    public DateTimeOffset? SelfSubmittedAt { get; init; }
    public DateTimeOffset? SupervisorSubmittedAt { get; init; }
    public string? SupervisorName { get; init; }
    public DateTimeOffset? FinalisedAt { get; init; }
    public double? FitScore { get; init; }
    public int Version { get; init; }
}

/// <summary>An assessment with a row per competency. A worker sees the supervisor's levels only once it is finalised.</summary>
public sealed record AssessmentResponse
{
    public AssessmentSummary Assessment { get; init; } = new();
    public int SupervisorWeight { get; init; }
    public IReadOnlyList<AssessmentScore> Scores { get; init; } = [];
}

public sealed record AssessmentScore
{
    public Guid CompetencyId { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string DimensionNameZh { get; init; } = "";
    public string DimensionNameEn { get; init; } = "";
    public int? RequiredLevel { get; init; }
    public int? SelfLevel { get; init; }
    public string? SelfEvidence { get; init; }
    public int? SupervisorLevel { get; init; }
    public string? SupervisorEvidence { get; init; }
    public int? FinalLevel { get; init; }

    /// <summary>The behavioural indicator of each level 1–5, to assess against.</summary>
    public IReadOnlyList<Frameworks.LevelResponse> Levels { get; init; } = [];
}

/// <summary>Levels 1–5 for every competency of the assessment, each with evidence notes (事例).</summary>
public sealed record SubmitScoresRequest
{
    public IReadOnlyList<ScoreInput>? Scores { get; init; }
    public int? Version { get; init; }
}

public sealed record ScoreInput
{
    public Guid? CompetencyId { get; init; }
    public int? Level { get; init; }
    [MaxLength(1000)]
    public string? Evidence { get; init; }
}

public sealed record FinaliseRequest
{
    public int? Version { get; init; }
}

public sealed record AssessmentListQuery
{
    public Guid? CampaignId { get; init; }
    public Guid? WorkerId { get; init; }

    /// <summary>open | finalised</summary>
    public string? Status { get; init; }

    /// <summary>self: open assessments without the worker's self-assessment; supervisor: without the supervisor's.</summary>
    public string? Waiting { get; init; }
}

internal sealed class AssessmentRow
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public string CampaignName { get; init; } = "";
    public string CampaignStatus { get; init; } = "";
    public DateOnly Deadline { get; init; }
    public int SupervisorWeight { get; init; }
    public Guid FrameworkId { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string OrgUnitName { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public Guid? ProfileId { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset? SelfSubmittedAt { get; init; }
    public DateTimeOffset? SupervisorSubmittedAt { get; init; }
    public string? SupervisorName { get; init; }
    public DateTimeOffset? FinalisedAt { get; init; }
    public double? FitScore { get; init; }
    public int Version { get; init; }

    public AssessmentSummary ToSummary() => new()
    {
        Id = Id, CampaignId = CampaignId, CampaignName = CampaignName, Deadline = Deadline, WorkerId = WorkerId, WorkerName = WorkerName,
        StaffNo = StaffNo, OrgUnitName = OrgUnitName, ProfileId = ProfileId, Status = Status, SelfSubmittedAt = SelfSubmittedAt,
        SupervisorSubmittedAt = SupervisorSubmittedAt, SupervisorName = SupervisorName, FinalisedAt = FinalisedAt,
        FitScore = FitScore is { } f ? Math.Round(f, 1) : null, Version = Version,
    };
}

internal sealed class ScoreRow
{
    public Guid CompetencyId { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string DimensionNameZh { get; init; } = "";
    public string DimensionNameEn { get; init; } = "";
    public int? RequiredLevel { get; init; }
    public int? SelfLevel { get; init; }
    public string? SelfEvidence { get; init; }
    public int? SupervisorLevel { get; init; }
    public string? SupervisorEvidence { get; init; }
    public int? FinalLevel { get; init; }
}
