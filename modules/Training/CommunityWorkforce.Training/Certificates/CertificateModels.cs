using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Training.Certificates;

public sealed record RecordCertificateRequest
{
    [Required]
    public Guid? WorkerId { get; init; }

    /// <summary><c>social-work</c> (社会工作者职业资格) or <c>other</c>.</summary>
    [Required, MaxLength(20)]
    public string? Kind { get; init; }

    /// <summary>Social work: <c>assistant</c>, <c>intermediate</c> or <c>senior</c>.</summary>
    [MaxLength(20)]
    public string? Level { get; init; }

    /// <summary>Other certificates: their name (急救员证, ...); social work: defaults to the level's name.</summary>
    [MaxLength(200)]
    public string? Name { get; init; }

    [Required, MaxLength(60)]
    public string? Number { get; init; }

    [Required, PlausibleDate]
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Social work: the registration (登记) date; the registration lasts 3 years.</summary>
    [PlausibleDate]
    public DateOnly? RegisteredOn { get; init; }

    /// <summary>Other certificates: how many years it is valid from its issue (1–50), if it lapses (a first-aid certificate: 3).</summary>
    public int? ValidYears { get; init; }
}

public sealed record CertificateResponse
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Level { get; init; }
    public string Name { get; init; } = "";
    public string Number { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>Days until expiry (negative: expired); none when it does not expire.</summary>
    public int? DaysToExpiry { get; init; }

    /// <summary>Social work: hours credited in the registration period, and what the 72/90-hour rule asks.</summary>
    public decimal? ContinuingEducationHours { get; init; }
    public decimal? ContinuingEducationRequired { get; init; }
    public int Version { get; init; }
}

public sealed record CertificateListQuery
{
    public Guid? WorkerId { get; init; }

    [MaxLength(20)]
    public string? Kind { get; init; }

    /// <summary>Only certificates expiring within this many days from today (not yet expired), e.g. 90.</summary>
    public int? ExpiringWithinDays { get; init; }
}

public sealed record CertificationRateResponse
{
    public int Workers { get; init; }
    public int Certified { get; init; }
    public decimal Rate { get; init; }
    public decimal Target { get; init; }
    public bool MeetsTarget => Rate >= Target;
}

internal sealed class CertificateRow
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Level { get; init; }
    public string Name { get; init; } = "";
    public string Number { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public decimal ContinuingHours { get; init; }
    public int Version { get; init; }
}

internal sealed class RateRow
{
    public int Workers { get; init; }
    public int Certified { get; init; }
}
