using CommunityWorkforce.Staffing.Settings;

namespace CommunityWorkforce.Staffing.Headcount;

/// <summary>配备标准偏差 — what the norm-deviations list and the HR workbench card both count.</summary>
internal static class NormDeviationList
{
    /// <summary>Units in scope with a norm of their own whose headcount deviates from it, by code.</summary>
    public static async Task<IReadOnlyList<HeadcountLine>> ListAsync(DbSession db, CurrentUser user, StaffingSettings settings, CancellationToken ct)
    {
        var figures = await HeadcountFigures.LoadAsync(db, user.ScopePattern, settings, ct);
        return figures.Units
            .Where(u => StaffingNorm.For(u.Households, u.Population, settings) is not null)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(figures.Line)
            .Where(l => l.NormStatus is "short" or "over")
            .ToList();
    }
}
