using CommunityWorkforce.Staffing.Settings;

namespace CommunityWorkforce.Staffing.Headcount;

/// <summary>
/// 配备标准 — how many community workers a unit should have, from its households or resident population, by the
/// configured rule (<see cref="StaffingNormRule"/> in the Contracts, so that Insights computes the same norm). Null when
/// the unit has no figures to compute from.
/// </summary>
public static class StaffingNorm
{
    public static int? For(int? households, int? population, StaffingSettings settings) =>
        Rule(settings).NormFor(households, population);

    public static int ByHouseholds(int households, StaffingSettings s) => Rule(s).ByHouseholds(households);

    public static StaffingNormRule Rule(StaffingSettings s) => new()
    {
        Method = s.NormMethod, PerTenThousandResidents = s.NormPerTenThousandResidents, BaseStaff = s.NormBaseStaff,
        BaseHouseholds = s.NormBaseHouseholds, StepHouseholds = s.NormStepHouseholds, StepUntilHouseholds = s.NormStepUntilHouseholds,
        StepAfterHouseholds = s.NormStepAfterHouseholds, RotationThresholdYears = s.RotationThresholdYears,
    };
}

/// <summary>Staffing's rules for other modules, read from the settings in force.</summary>
internal sealed class StaffingRules(StaffingSettingsStore settings) : IStaffingRules
{
    public async Task<StaffingNormRule> NormRuleAsync(CancellationToken ct) => StaffingNorm.Rule(await settings.GetAsync(ct));
}
