using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>A worker on the roster (花名册). The ID number is always masked here.</summary>
public sealed record WorkerResponse
{
    public Guid Id { get; init; }

    /// <summary>工号</summary>
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>e.g. <c>3101**********123X</c>; reveal with POST .../reveal-id.</summary>
    public string IdNumberMasked { get; init; } = "";
    public DateOnly BirthDate { get; init; }
    public int Age { get; init; }

    /// <summary>GB/T 2261.1 code: 1 male, 2 female.</summary>
    public string Gender { get; init; } = "";

    /// <summary>GB/T 3304 code.</summary>
    public string EthnicGroup { get; init; } = "";

    /// <summary>GB/T 4762 code.</summary>
    public string PoliticalStatus { get; init; } = "";

    /// <summary>GB/T 4658-2006 code.</summary>
    public string Education { get; init; } = "";
    public string? Phone { get; init; }
    public DateOnly HireDate { get; init; }

    /// <summary>Start of community work; years of service carry over from earlier community posts.</summary>
    public DateOnly ServiceStartDate { get; init; }
    public int YearsOfService { get; init; }

    /// <summary>active | on_leave | left</summary>
    public string Status { get; init; } = "";
    public DateOnly? LeftOn { get; init; }
    public string? LeftReason { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public Guid? PrimaryPostId { get; init; }
    public string? PrimaryPostTitle { get; init; }
    public string? PrimaryPostType { get; init; }
    public bool IsDemo { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record CreateWorkerRequest
{
    /// <summary>Optional; generated when absent.</summary>
    [MaxLength(20)]
    public string? StaffNo { get; init; }
    [Required, MaxLength(50)]
    public string? Name { get; init; }
    [Required, MaxLength(18)]
    public string? IdNumber { get; init; }

    /// <summary>Optional; derived from the ID number and cross-checked when given.</summary>
    [MaxLength(1)]
    public string? Gender { get; init; }
    [Required, MaxLength(20)]
    public string? EthnicGroup { get; init; }
    [Required, MaxLength(20)]
    public string? PoliticalStatus { get; init; }
    [Required, MaxLength(20)]
    public string? Education { get; init; }
    [MaxLength(20)]
    public string? Phone { get; init; }
    [Required, PlausibleDate]
    public DateOnly? HireDate { get; init; }
    [Required, PlausibleDate]
    public DateOnly? ServiceStartDate { get; init; }
    [Required]
    public Guid? OrgUnitId { get; init; }
}

public sealed record UpdateWorkerRequest
{
    [Required, MaxLength(50)]
    public string? Name { get; init; }
    [Required, MaxLength(20)]
    public string? EthnicGroup { get; init; }
    [Required, MaxLength(20)]
    public string? PoliticalStatus { get; init; }
    [Required, MaxLength(20)]
    public string? Education { get; init; }
    [MaxLength(20)]
    public string? Phone { get; init; }
    [Required, PlausibleDate]
    public DateOnly? HireDate { get; init; }
    [Required, PlausibleDate]
    public DateOnly? ServiceStartDate { get; init; }
    public int? Version { get; init; }
}

public sealed record ChangeWorkerStatusRequest
{
    /// <summary>active | on_leave | left</summary>
    [Required, MaxLength(20)]
    public string? Status { get; init; }
    [Required, PlausibleDate]
    public DateOnly? EffectiveOn { get; init; }
    [MaxLength(500)]
    public string? Reason { get; init; }
    public int? Version { get; init; }
}

public sealed record RevealIdRequest
{
    /// <summary>Why the number is needed; written to the audit log.</summary>
    [Required, MaxLength(500)]
    public string? Reason { get; init; }
}

public sealed record RevealIdResponse(Guid WorkerId, string IdNumber);

/// <summary>Roster filters; every one is optional.</summary>
public sealed record WorkerListQuery
{
    /// <summary>The unit and everything below it.</summary>
    public Guid? OrgUnitId { get; init; }

    /// <summary>head | deputy | staff — holds an active posting of this type.</summary>
    public string? PostType { get; init; }

    /// <summary>active | on_leave | left | all (default: everyone not left).</summary>
    public string? Status { get; init; }

    /// <summary>An education code; a band code (20) matches its detailed codes (21–23).</summary>
    public string? Education { get; init; }
    public string? PoliticalStatus { get; init; }
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    public int? ServiceYearsMin { get; init; }
    public int? ServiceYearsMax { get; init; }
}

internal sealed class WorkerRow
{
    public Guid Id { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public string IdNumberMasked { get; init; } = "";
    public string IdNumberCipher { get; init; } = "";
    public string IdNumberKeyId { get; init; } = "";
    public DateOnly BirthDate { get; init; }
    public string Gender { get; init; } = "";
    public string EthnicGroup { get; init; } = "";
    public string PoliticalStatus { get; init; } = "";
    public string Education { get; init; } = "";
    public string? Phone { get; init; }
    public DateOnly HireDate { get; init; }
    public DateOnly ServiceStartDate { get; init; }
    public string Status { get; init; } = "";
    public DateOnly? LeftOn { get; init; }
    public string? LeftReason { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public Guid? PrimaryPostId { get; init; }
    public string? PrimaryPostTitle { get; init; }
    public string? PrimaryPostType { get; init; }
    public bool IsDemo { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class WorkerProfile : Profile
{
    public WorkerProfile()
    {
        CreateMap<WorkerRow, WorkerResponse>()
            .ForMember(d => d.Age, o => o.MapFrom<WholeYearsToToday, DateOnly>(s => s.BirthDate))
            .ForMember(d => d.YearsOfService, o => o.MapFrom<WholeYearsToToday, DateOnly>(s => s.ServiceStartDate));
    }
}

/// <summary>Whole years from a date to today by the injected clock (China Standard Time), for ages and years of service.</summary>
internal sealed class WholeYearsToToday(TimeProvider clock) : IMemberValueResolver<object, object, DateOnly, int>
{
    public int Resolve(object source, object destination, DateOnly from, int destMember, ResolutionContext context) =>
        WorkerRules.Years(from, LocalDate.Today(clock));
}
