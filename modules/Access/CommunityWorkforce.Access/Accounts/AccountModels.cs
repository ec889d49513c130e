using System.ComponentModel.DataAnnotations;
using AutoMapper;

namespace CommunityWorkforce.Access.Accounts;

public sealed record AccountResponse
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";

    /// <summary>admin | hr | leader | worker</summary>
    public string Role { get; init; } = "";
    public Guid? OrgUnitId { get; init; }
    public Guid? WorkerId { get; init; }
    public bool Disabled { get; init; }
    public bool MustChangePassword { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset? LastSignInAt { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The account and, once only, the temporary password the user must change at first sign-in.</summary>
public sealed record AccountWithPasswordResponse(AccountResponse Account, string TemporaryPassword);

public sealed record CreateAccountRequest
{
    [Required, MaxLength(50)]
    public string? UserName { get; init; }
    [Required, MaxLength(100)]
    public string? DisplayName { get; init; }
    [Required, MaxLength(20)]
    public string? Role { get; init; }

    /// <summary>Scope root; required for hr, leader and worker.</summary>
    public Guid? OrgUnitId { get; init; }

    /// <summary>The roster record a worker account belongs to.</summary>
    public Guid? WorkerId { get; init; }
}

public sealed record AccountVersionRequest
{
    public int? Version { get; init; }
}

public sealed record AccountListQuery
{
    public string? Role { get; init; }
    public bool? Disabled { get; init; }
}

internal sealed class AccountRow
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? OrgUnitId { get; init; }
    public Guid? WorkerId { get; init; }
    public string PasswordHash { get; init; } = "";
    public bool Disabled { get; init; }
    public bool MustChangePassword { get; init; }
    public int FailedSignIns { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset? LastSignInAt { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class AccountProfile : Profile
{
    public AccountProfile()
    {
        CreateMap<AccountRow, AccountResponse>();
    }
}
