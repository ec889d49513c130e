using CommunityWorkforce.Performance.Templates;

namespace CommunityWorkforce.Performance.Scoring;

/// <summary>Part status: <c>ok</c>, <c>missing</c> (not entered: counts 0) or <c>insufficient</c> (too few ratings: weight moved).</summary>
public static class PartStatus
{
    public const string Ok = "ok";
    public const string Missing = "missing";
    public const string Insufficient = "insufficient";
}

/// <summary>One part of a composite score, explained: its value, its nominal and effective weight, its contribution.</summary>
public sealed record ScorePart(string Code, string Kind, string Name, int Weight, decimal EffectiveWeight, decimal Value,
    decimal Contribution, string Status, string? Note);

public sealed record ScoreResult(decimal Score, decimal IndividualScore, IReadOnlyList<ScorePart> Parts);

/// <summary>What one worker's score is computed from.</summary>
internal sealed record ScoreInputs(
    IReadOnlyList<IndicatorDto> Indicators,
    int DepartmentShare,
    decimal? StreetScore,
    decimal? PeerScore,
    IReadOnlyDictionary<string, decimal> KpiActuals,
    int RatingCount,
    decimal? RatingAverage,
    int MinRatings,
    decimal? DepartmentScore);

/// <summary>
/// The composite score: Σ part value × effective weight ÷ 100, rounded half away from zero to 2 decimals. Pure: the same
/// inputs always give the same score.
/// <list type="bullet">
/// <item>KPI: higher-better = actual ÷ target × 100, lower-better = target ÷ actual × 100 (100 when actual is 0); capped at 100.</item>
/// <item>Street (德能勤绩廉) and peer review: the 0–100 score entered; not entered = 0, marked missing.</item>
/// <item>Residents: the mean level on the 5-level scale mapped to 0–100 ((mean − 1) ÷ 4 × 100). With fewer ratings than the
/// minimum the part is <c>insufficient</c> and its weight is redistributed over the other individual indicators in
/// proportion to their weights (the department share is untouched); with no other individual indicator it goes to the
/// department share.</item>
/// <item>Department share: the unit's department score (see <see cref="DepartmentScores"/>).</item>
/// </list>
/// </summary>
internal static class CompositeScore
{
    public static ScoreResult Compute(ScoreInputs inputs)
    {
        var individual = inputs.Indicators.Select(i => (Indicator: i, Value: ValueOf(i, inputs))).ToList();
        var insufficient = individual.Where(x => x.Value.Status == PartStatus.Insufficient).Sum(x => (decimal)x.Indicator.Weight);
        var receiving = individual.Where(x => x.Value.Status != PartStatus.Insufficient).Sum(x => (decimal)x.Indicator.Weight);
        var departmentWeight = (decimal)inputs.DepartmentShare;
        if (insufficient > 0 && receiving == 0)
        {
            departmentWeight += insufficient;
        }
        var parts = new List<ScorePart>();
        foreach (var (indicator, (value, status, note)) in individual)
        {
            var effective = status == PartStatus.Insufficient
                ? 0m
                : receiving == 0 ? indicator.Weight : indicator.Weight + insufficient * indicator.Weight / receiving;
            parts.Add(new ScorePart(indicator.Code, indicator.Kind, indicator.Name, indicator.Weight, Round(effective, 4), value,
                Round(value * effective / 100m, 4), status, note));
        }
        if (inputs.DepartmentShare > 0 || departmentWeight > 0)
        {
            var value = inputs.DepartmentScore ?? 0m;
            parts.Add(new ScorePart("department", "department", "部门绩效", inputs.DepartmentShare, departmentWeight, value,
                Round(value * departmentWeight / 100m, 4), inputs.DepartmentScore is null ? PartStatus.Missing : PartStatus.Ok, null));
        }
        var individualWeight = parts.Where(p => p.Kind != "department").Sum(p => p.EffectiveWeight);
        var individualScore = individualWeight == 0 ? 0m
            : Round(parts.Where(p => p.Kind != "department").Sum(p => p.Value * p.EffectiveWeight) / individualWeight, 2);
        return new ScoreResult(Round(parts.Sum(p => p.Value * p.EffectiveWeight) / 100m, 2), individualScore, parts);
    }

    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A 5-level mean as 0–100.</summary>
    public static decimal ResidentValue(decimal average) => Round((average - 1m) / 4m * 100m, 2);

    public static decimal KpiValue(IndicatorDto kpi, decimal actual)
    {
        var target = kpi.Target ?? 0m;
        if (target <= 0)
        {
            return 0m;
        }
        var raw = kpi.Rule == KpiRules.LowerBetter
            ? actual <= 0 ? 100m : target / actual * 100m
            : actual / target * 100m;
        return Round(Math.Clamp(raw, 0m, 100m), 2);
    }

    private static (decimal Value, string Status, string? Note) ValueOf(IndicatorDto indicator, ScoreInputs inputs) => indicator.Kind switch
    {
        IndicatorKinds.Kpi => inputs.KpiActuals.TryGetValue(indicator.Code, out var actual)
            ? (KpiValue(indicator, actual), PartStatus.Ok, $"实际 {actual} / 目标 {indicator.Target}")
            : (0m, PartStatus.Missing, "未录入"),
        IndicatorKinds.Street => inputs.StreetScore is { } street ? (street, PartStatus.Ok, null) : (0m, PartStatus.Missing, "未录入"),
        IndicatorKinds.Peer => inputs.PeerScore is { } peer ? (peer, PartStatus.Ok, null) : (0m, PartStatus.Missing, "未录入"),
        IndicatorKinds.Resident => inputs.RatingCount >= inputs.MinRatings && inputs.RatingAverage is { } average
            ? (ResidentValue(average), PartStatus.Ok, $"{inputs.RatingCount} 条评价，平均 {Round(average, 2)} 分")
            : (0m, PartStatus.Insufficient,
                $"评价 {inputs.RatingCount} 条，少于 {inputs.MinRatings} 条，不计入；权重按比例分配给其他个人指标"),
        _ => (0m, PartStatus.Missing, null),
    };
}

/// <summary>
/// 部门绩效 — a unit's department score: half its own indicators (entered by HR for the cycle) and half the mean individual
/// score of its participants; without its own score, the mean alone. Rounded to 2 decimals.
/// </summary>
internal static class DepartmentScores
{
    public static decimal Compute(decimal? ownScore, IReadOnlyCollection<decimal> individualScores)
    {
        var mean = individualScores.Count == 0 ? 0m : individualScores.Average();
        return CompositeScore.Round(ownScore is { } own ? (own + mean) / 2m : mean, 2);
    }
}

/// <summary>
/// The system's proposal of grades within one unit: 优秀 for the best scores of at least 90 up to the quota
/// (⌊participants × quota % ÷ 100⌋, rounded down so that the proposal is never over quota); otherwise 合格 from 60,
/// 基本合格 from 50, 不合格 below 50. Ties rank by staff number, so the proposal is deterministic.
/// </summary>
internal static class GradeProposal
{
    public const decimal ExcellentFrom = 90m;
    public const decimal CompetentFrom = 60m;
    public const decimal BasicFrom = 50m;

    public static int Quota(int participants, int quotaPercent) => participants * quotaPercent / 100;

    public static IReadOnlyDictionary<Guid, string> Propose(IReadOnlyList<(Guid Id, string StaffNo, decimal Score)> unit, int quotaPercent)
    {
        var quota = Quota(unit.Count, quotaPercent);
        var result = new Dictionary<Guid, string>();
        var excellent = 0;
        foreach (var p in unit.OrderByDescending(p => p.Score).ThenBy(p => p.StaffNo, StringComparer.Ordinal))
        {
            if (p.Score >= ExcellentFrom && excellent < quota)
            {
                excellent++;
                result[p.Id] = Grades.Excellent;
            }
            else
            {
                result[p.Id] = p.Score >= CompetentFrom ? Grades.Competent : p.Score >= BasicFrom ? Grades.Basic : Grades.Incompetent;
            }
        }
        return result;
    }
}
