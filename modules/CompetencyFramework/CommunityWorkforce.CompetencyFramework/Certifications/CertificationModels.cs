using System.ComponentModel.DataAnnotations;
using CommunityWorkforce.BuildingBlocks.Http;

namespace CommunityWorkforce.CompetencyFramework.Certifications;

/// <summary>A service line (业务条线) a 全岗通 worker is certified to handle.</summary>
public sealed record ServiceLineResponse
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int SortOrder { get; init; }
    public string Status { get; init; } = "";
    public int Version { get; init; }
}

public sealed record CreateServiceLineRequest
{
    [Required, MaxLength(60)]
    public string? Code { get; init; }
    [Required, MaxLength(100)]
    public string? NameZh { get; init; }
    [Required, MaxLength(100)]
    public string? NameEn { get; init; }
}

/// <summary>A worker's 全岗通 certification for one line: exam score against the pass mark, dates, resits.</summary>
public sealed record CertificationResponse
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string OrgUnitName { get; init; } = "";
    public Guid LineId { get; init; }
    public string LineCode { get; init; } = "";
    public string LineNameZh { get; init; } = "";
    public string LineNameEn { get; init; } = "";
    public int Score { get; init; }
    public int PassMark { get; init; }
    public bool Passed { get; init; }
    public DateOnly CertifiedOn { get; init; }
    public DateOnly ExpiresOn { get; init; }

    /// <summary>Passed and not expired today.</summary>
    public bool Valid { get; init; }
    public int ResitCount { get; init; }
    public int Version { get; init; }
}

public sealed record SaveCertificationRequest
{
    [Required]
    public Guid? WorkerId { get; init; }
    [Required]
    public Guid? LineId { get; init; }
    [Required]
    public int? Score { get; init; }
    [Required]
    public int? PassMark { get; init; }
    [Required, PlausibleDate]
    public DateOnly? CertifiedOn { get; init; }
    /// <summary>How long the certification is valid from <see cref="CertifiedOn"/>: 1–120 months.</summary>
    [Required]
    public int? ValidMonths { get; init; }
    public int? ResitCount { get; init; }
    public int? Version { get; init; }
}

public sealed record CertificationListQuery
{
    public Guid? WorkerId { get; init; }
    public Guid? OrgUnitId { get; init; }
    public Guid? LineId { get; init; }
}

public sealed record ExpiringQuery
{
    /// <summary>1–366, default 90.</summary>
    public int? WithinDays { get; init; }
}

public sealed record CoverageQuery
{
    [Required]
    public Guid? OrgUnitId { get; init; }
}

/// <summary>A unit's 全岗通 matrix: its active workers × the active lines, with the lines nobody or only one person can handle.</summary>
public sealed record CoverageResponse
{
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public IReadOnlyList<ServiceLineResponse> Lines { get; init; } = [];
    public IReadOnlyList<CoverageWorker> Workers { get; init; } = [];
    public IReadOnlyList<CoverageLine> Coverage { get; init; } = [];
}

public sealed record CoverageWorker
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>Codes of the lines the worker holds a valid certification for.</summary>
    public IReadOnlyList<string> ValidLines { get; init; } = [];

    /// <summary>Codes of the lines whose certification has expired or was failed.</summary>
    public IReadOnlyList<string> LapsedLines { get; init; } = [];
}

public sealed record CoverageLine
{
    public string LineCode { get; init; } = "";
    public int Holders { get; init; }
    public bool Uncovered { get; init; }
    public bool SinglePointOfFailure { get; init; }
}

internal sealed class CertificationRow
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string OrgUnitName { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public Guid LineId { get; init; }
    public string LineCode { get; init; } = "";
    public string LineNameZh { get; init; } = "";
    public string LineNameEn { get; init; } = "";
    public int Score { get; init; }
    public int PassMark { get; init; }
    public DateOnly CertifiedOn { get; init; }
    public DateOnly ExpiresOn { get; init; }
    public int ResitCount { get; init; }
    public int Version { get; init; }

    public CertificationResponse ToResponse(DateOnly today) => new()
    {
        Id = Id, WorkerId = WorkerId, WorkerName = WorkerName, StaffNo = StaffNo, OrgUnitName = OrgUnitName, LineId = LineId,
        LineCode = LineCode, LineNameZh = LineNameZh, LineNameEn = LineNameEn, Score = Score, PassMark = PassMark,
        Passed = Score >= PassMark, CertifiedOn = CertifiedOn, ExpiresOn = ExpiresOn, Valid = Score >= PassMark && ExpiresOn >= today,
        ResitCount = ResitCount, Version = Version,
    };
}

internal sealed class CoverageCellRow
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public string? LineCode { get; init; }
    public int? Valid { get; init; }
}
