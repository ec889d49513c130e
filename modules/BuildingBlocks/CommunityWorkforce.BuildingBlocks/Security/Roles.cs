namespace CommunityWorkforce.BuildingBlocks.Security;

/// <summary>The four roles. Codes are stable: they travel in tokens and in the API.</summary>
public static class Roles
{
    /// <summary>System configuration; sees everything.</summary>
    public const string Admin = "admin";

    /// <summary>人事专员 — HR officer of a district or street office; sees their org subtree.</summary>
    public const string Hr = "hr";

    /// <summary>街道领导 — street-office leader; approves; sees their org subtree.</summary>
    public const string Leader = "leader";

    /// <summary>社区工作者 — sees only themself.</summary>
    public const string Worker = "worker";

    public static readonly IReadOnlyList<string> All = [Admin, Hr, Leader, Worker];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}

/// <summary>
/// Authorisation policies. Every endpoint names one of these (the authorisation matrix test checks it);
/// each policy is a list of roles, so "who may call this" reads straight off the endpoint.
/// </summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string HrOrAdmin = "hr-or-admin";
    public const string Leader = "leader";
    public const string Staff = "staff";
    public const string HrAdminOrWorker = "hr-admin-or-worker";
    public const string AnyRole = "any-role";

    /// <summary>
    /// The caller's own account (<c>GET /api/me</c>, changing the password): any role, and the only policy that also
    /// admits an account that must still change its temporary password. Every other policy refuses such an account.
    /// </summary>
    public const string Self = "self";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [HrOrAdmin] = [Roles.Admin, Roles.Hr],
        [Leader] = [Roles.Leader],
        [Staff] = [Roles.Admin, Roles.Hr, Roles.Leader],
        [HrAdminOrWorker] = [Roles.Admin, Roles.Hr, Roles.Worker],
        [AnyRole] = [Roles.Admin, Roles.Hr, Roles.Leader, Roles.Worker],
        [Self] = [Roles.Admin, Roles.Hr, Roles.Leader, Roles.Worker],
    };

    /// <summary>Policies an account with a pending password change may pass.</summary>
    public static readonly IReadOnlySet<string> AllowedWhilePasswordChangeRequired = new HashSet<string> { Self };
}
