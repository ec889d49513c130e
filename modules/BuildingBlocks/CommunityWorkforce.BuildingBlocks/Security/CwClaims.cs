namespace CommunityWorkforce.BuildingBlocks.Security;

/// <summary>Claim names in our access tokens (kept short and unmapped).</summary>
public static class CwClaims
{
    public const string Subject = "sub";
    public const string UserName = "name";
    public const string DisplayName = "cw_display";
    public const string Role = "role";
    public const string ScopePath = "cw_scope";
    public const string OrgUnitId = "cw_org";
    public const string WorkerId = "cw_worker";

    /// <summary>Present while the account must change its (temporary) password: only <see cref="Policies.Self"/> endpoints answer.</summary>
    public const string PasswordChangeRequired = "cw_pwd_change";
}
