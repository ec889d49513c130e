using System.Security.Claims;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>
/// The name a request shows for who filed or decided it: the account's display name from the token
/// (临汾路街道人事专员), not its login name (hr.linfen), which is kept only when a token carries no display name.
/// </summary>
internal static class ActingName
{
    public static string Of(HttpContext http, CurrentUser user) =>
        http.User.FindFirstValue(CwClaims.DisplayName) is { Length: > 0 } name ? name : user.UserName;
}
