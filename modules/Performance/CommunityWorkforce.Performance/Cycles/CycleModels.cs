using System.ComponentModel.DataAnnotations;
using CommunityWorkforce.Performance.Scoring;

namespace CommunityWorkforce.Performance.Cycles;

public static class CycleKinds
{
    public const string Annual = "annual";
    public const string Quarterly = "quarterly";
    public static readonly IReadOnlyList<string> All = [Annual, Quarterly];
}

public sealed record CreateCycleRequest
{
    [Required, MaxLength(100)]
    public string Name { get; init; } = "";

    [Required, MaxLength(20)]
    public string Kind { get; init; } = "";

    public int Year { get; init; }

    /// <summary>1–4 for a quarterly cycle.</summary>
    public int? Quarter { get; init; }

    [Required]
    public Guid? OrgUnitId { get; init; }

    /// <summary>Assessments (德能勤绩廉, peer review, KPIs) are entered by this day.</summary>
    [Required, PlausibleDate]
    public DateOnly? EntryDeadline { get; init; }

    /// <summary>The leader calibrates and publishes by this day.</summary>
    [Required, PlausibleDate]
    public DateOnly? CalibrationDeadline { get; init; }
}

public sealed record VersionRequest
{
    public int? Version { get; init; }
}

public sealed record CycleResponse
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public int Year { get; init; }
    public int? Quarter { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public DateOnly EntryDeadline { get; init; }
    public DateOnly CalibrationDeadline { get; init; }
    public string Status { get; init; } = "";
    public int ExcellentQuotaPercent { get; init; }
    public string MoverRule { get; init; } = "";
    public DateOnly? PublishedOn { get; init; }
    public DateOnly? AppealDeadline { get; init; }
    public int Participants { get; init; }
    public int MissingInputs { get; init; }
    public int Version { get; init; }
}

internal sealed class CycleRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public int Year { get; init; }
    public int? Quarter { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public DateOnly EntryDeadline { get; init; }
    public DateOnly CalibrationDeadline { get; init; }
    public string Status { get; init; } = "";
    public int ExcellentQuotaPercent { get; init; }
    public string MoverRule { get; init; } = "";
    public DateOnly? PublishedOn { get; init; }
    public DateOnly? AppealDeadline { get; init; }
    public int Participants { get; init; }
    public int MissingInputs { get; init; }
    public int Version { get; init; }

    public CycleResponse ToResponse() => new()
    {
        Id = Id, Name = Name, Kind = Kind, Year = Year, Quarter = Quarter, OrgUnitId = OrgUnitId, OrgPath = OrgPath,
        PeriodStart = PeriodStart, PeriodEnd = PeriodEnd, EntryDeadline = EntryDeadline, CalibrationDeadline = CalibrationDeadline,
        Status = Status, ExcellentQuotaPercent = ExcellentQuotaPercent, MoverRule = MoverRule, PublishedOn = PublishedOn,
        AppealDeadline = AppealDeadline, Participants = Participants, MissingInputs = MissingInputs, Version = Version,
    };
}

public sealed record AssessmentRequest
{
    /// <summary>德能勤绩廉 — the street office's assessment, 0–100.</summary>
    public decimal? StreetScore { get; init; }

    /// <summary>同事互评 — peer review, 0–100.</summary>
    public decimal? PeerScore { get; init; }

    /// <summary>KPI actual values by indicator code.</summary>
    public IReadOnlyDictionary<string, decimal>? KpiActuals { get; init; }

    public int? Version { get; init; }
}

public sealed record GradeRequest
{
    [Required, MaxLength(20)]
    public string Grade { get; init; } = "";

    /// <summary>Mandatory when the grade differs from the system's proposal.</summary>
    [MaxLength(500)]
    public string? Reason { get; init; }

    public int? Version { get; init; }
}

public sealed record AppealRequest
{
    [Required, MaxLength(1000)]
    public string Reason { get; init; } = "";

    public int? Version { get; init; }
}

public static class AppealOutcomes
{
    public const string Upheld = "upheld";
    public const string Rejected = "rejected";
    public static readonly IReadOnlyList<string> All = [Upheld, Rejected];
}

public sealed record ResolveAppealRequest
{
    /// <summary><c>upheld</c> (rescored from the corrected inputs) or <c>rejected</c>.</summary>
    [Required, MaxLength(20)]
    public string Outcome { get; init; } = "";

    [Required, MaxLength(1000)]
    public string Reason { get; init; } = "";

    /// <summary>Upheld only: corrected 德能勤绩廉 score.</summary>
    public decimal? StreetScore { get; init; }

    /// <summary>Upheld only: corrected peer-review score.</summary>
    public decimal? PeerScore { get; init; }

    /// <summary>Upheld only: the grade after rescoring (the 优秀 quota still holds).</summary>
    [MaxLength(20)]
    public string? Grade { get; init; }

    public int? Version { get; init; }
}

public sealed record UnitScoreRequest
{
    [Required]
    public Guid? OrgUnitId { get; init; }

    /// <summary>The department's own indicators, 0–100.</summary>
    [Required]
    public decimal? OwnScore { get; init; }
}

public sealed record IncentiveRequest
{
    [Required]
    public Guid? OrgUnitId { get; init; }

    /// <summary>The pool in fen (分).</summary>
    public long PoolFen { get; init; }

    /// <summary>Coefficient per grade code; defaults 优秀 1.5, 合格 1.0, 基本合格 0.5, 不合格 0.</summary>
    public IReadOnlyDictionary<string, decimal>? Coefficients { get; init; }
}

public sealed record IncentiveGradeSummary(string Grade, int Workers, long TotalFen, long AverageFen);

/// <param name="RoundingRule">How the fen were rounded, in words.</param>
public sealed record IncentiveResponse(Guid CycleId, Guid OrgUnitId, long PoolFen, long AllocatedFen, IReadOnlyList<IncentiveShare> Shares,
    IReadOnlyList<IncentiveGradeSummary> ByGrade, string RoundingRule);

public sealed record ParticipantResponse
{
    public Guid Id { get; init; }
    public Guid CycleId { get; init; }
    public string CycleName { get; init; } = "";
    public string CycleStatus { get; init; } = "";
    public int Year { get; init; }
    public string Kind { get; init; } = "";
    public int? Quarter { get; init; }
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string WorkerName { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public string PostType { get; init; } = "";
    public Guid TemplateId { get; init; }
    public int DaysInUnit { get; init; }
    public int DaysInPeriod { get; init; }
    public bool Moved { get; init; }
    public string? PlacementNote { get; init; }
    public decimal? StreetScore { get; init; }
    public decimal? PeerScore { get; init; }
    public IReadOnlyDictionary<string, decimal> KpiActuals { get; init; } = new Dictionary<string, decimal>();
    public decimal? DepartmentScore { get; init; }
    public decimal? Score { get; init; }
    public IReadOnlyList<ScorePart> Parts { get; init; } = [];
    public string? ProposedGrade { get; init; }
    public string? Grade { get; init; }
    public string? GradeReason { get; init; }
    public DateOnly? AppealDeadline { get; init; }
    public string? AppealStatus { get; init; }
    public string? AppealReason { get; init; }
    public string? AppealResolution { get; init; }
    public int Version { get; init; }
}

internal sealed class ParticipantRow
{
    public Guid Id { get; init; }
    public Guid CycleId { get; init; }
    public string CycleName { get; init; } = "";
    public string CycleStatus { get; init; } = "";
    public int Year { get; init; }
    public string Kind { get; init; } = "";
    public int? Quarter { get; init; }
    public int ExcellentQuotaPercent { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string WorkerName { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public string PostType { get; init; } = "";
    public Guid TemplateId { get; init; }
    public int DaysInUnit { get; init; }
    public int DaysInPeriod { get; init; }
    public bool Moved { get; init; }
    public string? PlacementNote { get; init; }
    public double? StreetScore { get; init; }
    public double? PeerScore { get; init; }
    public string? KpiActuals { get; init; }
    public double? DepartmentScore { get; init; }
    public double? Score { get; init; }
    public string? Explanation { get; init; }
    public string? ProposedGrade { get; init; }
    public string? Grade { get; init; }
    public string? GradeReason { get; init; }
    public DateOnly? AppealDeadline { get; init; }
    public string? AppealStatus { get; init; }
    public string? AppealReason { get; init; }
    public string? AppealResolution { get; init; }
    public int Version { get; init; }
}

public sealed record UnitBoardLine(Guid OrgUnitId, string OrgPath, string UnitName, int Participants, int ExcellentQuota, int Excellent,
    int Competent, int Basic, int Incompetent, int Ungraded, bool OverQuota, decimal? DepartmentScore);

public sealed record CalibrationBoard(Guid CycleId, string Status, int ExcellentQuotaPercent, IReadOnlyList<UnitBoardLine> Units);
