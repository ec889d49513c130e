namespace CommunityWorkforce.Staffing.Contracts;

/// <summary>
/// 配备标准 — the configured rule that says how many community workers a unit should have, from its households or its
/// resident population, and the tenure after which a worker is due for rotation. Staffing computes its own norms with
/// it; other modules (Insights) read it through <see cref="IStaffingRules"/> so that every page shows the same norm.
/// </summary>
public sealed record StaffingNormRule
{
    /// <summary><c>population</c>: N workers per 10,000 residents; <c>households</c>: the household tiers.</summary>
    public string Method { get; init; } = "population";

    public int PerTenThousandResidents { get; init; } = 18;
    public int BaseStaff { get; init; } = 3;
    public int BaseHouseholds { get; init; } = 2000;
    public int StepHouseholds { get; init; } = 1000;
    public int StepUntilHouseholds { get; init; } = 5000;
    public int StepAfterHouseholds { get; init; } = 500;

    /// <summary>Years in the same post after which a worker is due for rotation (轮岗).</summary>
    public int RotationThresholdYears { get; init; } = 5;

    /// <summary>The norm of one unit; null when the unit has no figures to compute from.</summary>
    public int? NormFor(int? households, int? population)
    {
        if (Method == "households")
        {
            return households is { } h ? ByHouseholds(h) : null;
        }
        return population is { } p ? (int)Math.Ceiling(p * PerTenThousandResidents / 10_000.0) : null;
    }

    /// <summary>
    /// Under the base households: the base staff; then +1 for each started step up to the upper bound, then +1 for
    /// each started smaller step beyond it. E.g. 3 below 2,000; 2,500 → 4; 5,000 → 6; 5,200 → 7.
    /// </summary>
    public int ByHouseholds(int households)
    {
        if (households <= BaseHouseholds)
        {
            return BaseStaff;
        }
        var middle = Math.Min(households, StepUntilHouseholds) - BaseHouseholds;
        var norm = BaseStaff + (int)Math.Ceiling(middle / (double)StepHouseholds);
        if (households > StepUntilHouseholds)
        {
            norm += (int)Math.Ceiling((households - StepUntilHouseholds) / (double)StepAfterHouseholds);
        }
        return norm;
    }
}

/// <summary>Staffing's configurable rules for other modules. No scope: the rules are the same for every unit.</summary>
public interface IStaffingRules
{
    Task<StaffingNormRule> NormRuleAsync(CancellationToken ct);
}
