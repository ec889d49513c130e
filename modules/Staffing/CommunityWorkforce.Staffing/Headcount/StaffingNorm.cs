using CommunityWorkforce.Staffing.Settings;

namespace CommunityWorkforce.Staffing.Headcount;

/// <summary>
/// 配备标准 — how many community workers a unit should have, from its households or resident population, by the
/// configured rule. Null when the unit has no figures to compute from.
/// </summary>
public static class StaffingNorm
{
    public static int? For(int? households, int? population, StaffingSettings settings)
    {
        if (settings.NormMethod == "households")
        {
            return households is { } h ? ByHouseholds(h, settings) : null;
        }
        return population is { } p ? (int)Math.Ceiling(p * settings.NormPerTenThousandResidents / 10_000.0) : null;
    }

    /// <summary>
    /// Under the base households: the base staff; then +1 for each started step up to the upper bound, then +1 for
    /// each started smaller step beyond it. E.g. 3 below 2,000; 2,500 → 4; 5,000 → 6; 5,200 → 7.
    /// </summary>
    public static int ByHouseholds(int households, StaffingSettings s)
    {
        if (households <= s.NormBaseHouseholds)
        {
            return s.NormBaseStaff;
        }
        var middle = Math.Min(households, s.NormStepUntilHouseholds) - s.NormBaseHouseholds;
        var norm = s.NormBaseStaff + (int)Math.Ceiling(middle / (double)s.NormStepHouseholds);
        if (households > s.NormStepUntilHouseholds)
        {
            norm += (int)Math.Ceiling((households - s.NormStepUntilHouseholds) / (double)s.NormStepAfterHouseholds);
        }
        return norm;
    }
}
