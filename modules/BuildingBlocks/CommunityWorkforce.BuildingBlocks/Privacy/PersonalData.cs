using CommunityWorkforce.BuildingBlocks.Security;

namespace CommunityWorkforce.BuildingBlocks.Privacy;

/// <summary>
/// A module's share of "everything held about me" (PIPL Art. 45). Each module that stores personal data registers one;
/// the host's <c>GET /api/me/personal-data</c> gathers them all, so a new module cannot forget its part silently.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Section name in the download, e.g. <c>staffing</c>.</summary>
    string Section { get; }

    /// <summary>What this module holds about the caller; null when it holds nothing.</summary>
    Task<object?> CollectAsync(CurrentUser user, CancellationToken ct);
}
