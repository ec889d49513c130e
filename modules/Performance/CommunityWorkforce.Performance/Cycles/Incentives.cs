using CommunityWorkforce.Performance.Scoring;

namespace CommunityWorkforce.Performance.Cycles;

/// <summary>绩效奖励 — allocates a unit's incentive pool of a published cycle by grade coefficient × score (a calculation; nothing is stored).</summary>
internal static class Incentives
{
    public const string RoundingRule =
        "每人先得 ⌊奖金池 × 本人权重 ÷ 权重合计⌋ 分（权重 = 等次系数 × 得分），余下不足人数的若干分按小数部分从大到小每人补 1 分（相同时权重大者、工号小者优先），合计恰等于奖金池。" +
        " / Each gets ⌊pool × weight ÷ total weight⌋ fen (weight = grade coefficient × score); the fen left go one each to the largest fractional parts (ties: larger weight, then smaller staff number), so the shares add up to the pool exactly.";

    public static readonly IReadOnlyDictionary<string, decimal> DefaultCoefficients = new Dictionary<string, decimal>
    {
        [Grades.Excellent] = 1.5m, [Grades.Competent] = 1.0m, [Grades.Basic] = 0.5m, [Grades.Incompetent] = 0m,
    };

    public static async Task<Results<Ok<IncentiveResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, IncentiveRequest request, DbSession db, CurrentUser user, IOrgUnitDirectory units, CancellationToken ct)
    {
        var coefficients = request.Coefficients ?? DefaultCoefficients;
        var validator = new Validator().Required("orgUnitId", request.OrgUnitId);
        validator.Rule(request.PoolFen is > 0 and <= 100_000_000_000, "poolFen", Text.Of("奖金池应为正数（单位：分）。", "The pool is a positive amount in fen."));
        foreach (var (grade, coefficient) in coefficients)
        {
            validator.OneOf("coefficients", grade, Grades.All);
            validator.Rule(coefficient is >= 0 and <= 10, $"coefficients.{grade}", Text.Of("系数应在 0 到 10 之间。", "A coefficient is between 0 and 10."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var cycle = await CycleEndpoints.FindInScope(db, user, id, ct);
        var unit = await units.FindAsync(request.OrgUnitId!.Value, ct);
        if (cycle is null || unit is null || !user.CanSee(unit.Path))
        {
            return TypedResults.NotFound();
        }
        if (cycle.Status is not (CycleStatus.Published or CycleStatus.Closed))
        {
            return CycleEndpoints.NotAllowed(cycle.Status, "分配绩效奖励（需先发布）");
        }
        var workers = (await db.QueryAsync<GradedRow>(CycleSql.GradedInUnit, new { CycleId = id, OrgUnitId = unit.Id }, ct))
            .Select(r => (r.Id, r.StaffNo, r.Name, r.Grade, Score: (decimal)r.Score)).ToList();
        if (workers.Count == 0 || workers.All(w => coefficients.GetValueOrDefault(w.Grade) * w.Score <= 0))
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("无可分配对象", "Nobody to allocate to"),
                Text.Of("该单位没有可获得奖励的考核结果。", "No result in this unit earns a share."));
        }
        var shares = IncentiveAllocation.Allocate(request.PoolFen, workers, coefficients)
            .OrderByDescending(s => s.AmountFen).ThenBy(s => s.StaffNo, StringComparer.Ordinal).ToList();
        var byGrade = Grades.All.Select(g => shares.Where(s => s.Grade == g).ToList()).Where(l => l.Count > 0)
            .Select(l => new IncentiveGradeSummary(l[0].Grade, l.Count, l.Sum(s => s.AmountFen), l.Sum(s => s.AmountFen) / l.Count)).ToList();
        return TypedResults.Ok(new IncentiveResponse(id, unit.Id, request.PoolFen, shares.Sum(s => s.AmountFen), shares, byGrade, RoundingRule));
    }

    private sealed class GradedRow
    {
        public Guid Id { get; init; }
        public string StaffNo { get; init; } = "";
        public string Name { get; init; } = "";
        public string Grade { get; init; } = "";
        public double Score { get; init; }
    }
}
