using System.ComponentModel.DataAnnotations;
using Validator = CommunityWorkforce.BuildingBlocks.Http.Validator;

namespace CommunityWorkforce.CareerPath.Progression;

public static class RunStatus
{
    public const string Previewed = "previewed";
    public const string Applied = "applied";

    public static readonly IReadOnlyList<string> All = [Previewed, Applied];
}

/// <summary>HR previews this year's progression for a subtree (their whole scope when no unit is named).</summary>
public sealed record PreviewRunRequest
{
    public Guid? OrgUnitId { get; init; }

    [PlausibleDate]
    public DateOnly AsOf { get; init; }
}

/// <summary>Apply a previewed run, naming the version read.</summary>
public sealed record ApplyRunRequest
{
    public int Version { get; init; }
}

public sealed record RunResponse
{
    public Guid Id { get; init; }
    public DateOnly AsOf { get; init; }
    public Guid? OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public DateOnly LadderEffectiveFrom { get; init; }
    public string Status { get; init; } = "";
    public int Workers { get; init; }
    public int Steps { get; init; }
    public int? AppliedSteps { get; init; }
    public int Version { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? AppliedBy { get; init; }
    public DateTimeOffset? AppliedAt { get; init; }
}

public sealed record RunResultResponse
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string PostType { get; init; } = "";
    public DateOnly Since { get; init; }
    public int FromLevel { get; init; }
    public int ToLevel { get; init; }
    public string? ReasonCode { get; init; }
    public string Explanation { get; init; } = "";
    public string ExplanationEn { get; init; } = "";
    public DateOnly? NextDueOn { get; init; }
    public bool Applied { get; init; }
}

public sealed record RunListQuery
{
    [MaxLength(20)]
    public string? Status { get; init; }
}

public sealed record RunResultQuery
{
    /// <summary>true: only workers who step; false: only those who do not.</summary>
    public bool? Steps { get; init; }
}
