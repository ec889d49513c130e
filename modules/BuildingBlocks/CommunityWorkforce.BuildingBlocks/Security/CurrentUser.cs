using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CommunityWorkforce.BuildingBlocks.Security;

/// <summary>
/// Who is calling and what they may see. Read from the access token's claims once per request.
/// </summary>
public sealed class CurrentUser
{
    public CurrentUser(IHttpContextAccessor accessor)
    {
        var principal = accessor.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }
        IsAuthenticated = true;
        AccountId = ParseGuid(principal.FindFirstValue(CwClaims.Subject));
        UserName = principal.FindFirstValue(CwClaims.UserName) ?? string.Empty;
        Role = principal.FindFirstValue(CwClaims.Role) ?? string.Empty;
        ScopePath = principal.FindFirstValue(CwClaims.ScopePath);
        OrgUnitId = ParseGuid(principal.FindFirstValue(CwClaims.OrgUnitId));
        WorkerId = ParseGuid(principal.FindFirstValue(CwClaims.WorkerId));
        RequestId = accessor.HttpContext?.TraceIdentifier;
    }

    public bool IsAuthenticated { get; }
    public Guid? AccountId { get; }
    public string UserName { get; } = string.Empty;
    public string Role { get; } = string.Empty;
    public string? ScopePath { get; }
    public Guid? OrgUnitId { get; }
    public Guid? WorkerId { get; }
    public string? RequestId { get; }

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>
    /// The LIKE pattern every scoped query filters org-unit paths with. Admin: every path. Other roles: their
    /// subtree; an account without a scope sees nothing (a pattern no path matches).
    /// </summary>
    public string ScopePattern => IsAdmin ? "/%" : ScopePath is { Length: > 0 } path ? path + "%" : ScopeArgs.NoPath;

    /// <summary>
    /// For the worker role, the one worker record the caller may see (an empty id when the account is linked to
    /// none); null for every other role. Worker-facing queries filter <c>(@OnlyWorkerId IS NULL AND path LIKE
    /// @Scope) OR worker.id = @OnlyWorkerId</c>.
    /// </summary>
    public Guid? OnlyWorkerId => Role == Roles.Worker ? WorkerId ?? Guid.Empty : null;

    /// <summary>The caller's <see cref="ScopePattern"/> and <see cref="OnlyWorkerId"/> as one query argument.</summary>
    public ScopeArgs Scope => ScopeArgs.For(this);

    /// <summary>
    /// The org-path pattern of the workers whose records the caller sees through a path: their scope, or no path at all
    /// for a worker (who sees only themself, through <see cref="OnlyWorkerId"/>).
    /// </summary>
    public string WorkerPathScope => OnlyWorkerId is null ? ScopePattern : ScopeArgs.NoPath;

    /// <summary>True when <paramref name="path"/> lies in the caller's subtree.</summary>
    public bool CanSee(string path) =>
        IsAdmin || (ScopePath is { Length: > 0 } scope && path.StartsWith(scope, StringComparison.Ordinal));

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
