using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>An org unit as the API returns it.</summary>
public sealed record OrgUnitResponse
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>city | district | street | community | centre</summary>
    public string Level { get; init; } = "";
    public Guid? ParentId { get; init; }
    public string Path { get; init; } = "";
    public int Depth { get; init; }

    /// <summary>户数, used for staffing norms.</summary>
    public int? Households { get; init; }

    /// <summary>常住人口, used for staffing norms.</summary>
    public int? Population { get; init; }

    /// <summary>active | closed</summary>
    public string Status { get; init; } = "";
    public DateOnly? ClosedOn { get; init; }
    public string? CloseReason { get; init; }

    /// <summary>True for demo data (plausible, not real, names).</summary>
    public bool IsDemo { get; init; }
    public int ChildCount { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A node of the org tree (children nested).</summary>
public sealed record OrgUnitNode
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public string Status { get; init; } = "";
    public List<OrgUnitNode> Children { get; init; } = [];
}

public sealed record CreateOrgUnitRequest
{
    /// <summary>Required except for a city created by admin.</summary>
    public Guid? ParentId { get; init; }
    [Required, MaxLength(20)]
    public string? Code { get; init; }
    [Required, MaxLength(100)]
    public string? Name { get; init; }
    [Required, MaxLength(20)]
    public string? Level { get; init; }
    public int? Households { get; init; }
    public int? Population { get; init; }
}

public sealed record UpdateOrgUnitRequest
{
    [Required, MaxLength(100)]
    public string? Name { get; init; }
    public int? Households { get; init; }
    public int? Population { get; init; }

    /// <summary>The version read; or send <c>If-Match</c>.</summary>
    public int? Version { get; init; }
}

public sealed record MoveOrgUnitRequest
{
    [Required]
    public Guid? NewParentId { get; init; }
    public int? Version { get; init; }
}

public sealed record CloseOrgUnitRequest
{
    [Required, PlausibleDate]
    public DateOnly? ClosedOn { get; init; }
    [Required, MaxLength(500)]
    public string? Reason { get; init; }
    public int? Version { get; init; }
}

public sealed record OrgUnitListQuery
{
    public string? Level { get; init; }
    public Guid? ParentId { get; init; }

    /// <summary>active (default) | closed | all</summary>
    public string? Status { get; init; }
}

/// <summary>A row of staffing_org_units (Dapper reads it; snake_case columns map by name).</summary>
internal sealed class OrgUnitRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public Guid? ParentId { get; init; }
    public string Path { get; init; } = "";
    public int Depth { get; init; }
    public int? Households { get; init; }
    public int? Population { get; init; }
    public bool IsDemo { get; init; }
    public string Status { get; init; } = "";
    public DateOnly? ClosedOn { get; init; }
    public string? CloseReason { get; init; }
    public int ChildCount { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class OrgUnitProfile : Profile
{
    public OrgUnitProfile()
    {
        CreateMap<OrgUnitRow, OrgUnitResponse>();
    }
}
