using System.Threading.RateLimiting;

namespace CommunityWorkforce.Access.Auth;

/// <summary>
/// Refreshes per refresh-token family per minute. A family is one signed-in browser tab (every refresh continues it),
/// so ten people behind one office address, or one person with several tabs, never share a budget.
/// </summary>
public sealed class RefreshLimiter(int permitsPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(family =>
        RateLimitPartition.GetFixedWindowLimiter(family, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True when the family may refresh now; the permit is spent either way.</summary>
    public bool TryAcquire(Guid familyId)
    {
        using var lease = _limiter.AttemptAcquire(familyId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
