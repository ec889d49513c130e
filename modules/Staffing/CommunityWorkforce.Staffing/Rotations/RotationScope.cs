namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>Which rotation requests a caller's lists and counts hold (the lists, the counts and the workbench card agree).</summary>
internal static class RotationScope
{
    /// <summary>1 when the caller's lists leave drafts out: a leader decides submitted requests, drafts are HR's own.</summary>
    public static int HideDrafts(CurrentUser user) => user.Role == Roles.Leader ? 1 : 0;
}
