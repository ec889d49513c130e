namespace CommunityWorkforce.Performance.Scoring;

public sealed record IncentiveShare(Guid ParticipantId, string StaffNo, string WorkerName, string Grade, decimal Score, decimal Coefficient,
    long AmountFen);

/// <summary>
/// 绩效奖励分配 — a pool in fen across a unit by grade coefficient × score. Each worker first gets
/// ⌊pool × weight ÷ Σ weights⌋ fen; the fen left over (fewer than the number of workers) go one each to the largest
/// remainders, ties to the larger weight and then the smaller staff number. The amounts add up to the pool exactly.
/// </summary>
internal static class IncentiveAllocation
{
    public static IReadOnlyList<IncentiveShare> Allocate(long poolFen,
        IReadOnlyList<(Guid Id, string StaffNo, string Name, string Grade, decimal Score)> workers,
        IReadOnlyDictionary<string, decimal> coefficients)
    {
        var weighted = workers.Select(w => (Worker: w, Coefficient: coefficients.GetValueOrDefault(w.Grade), Weight: coefficients.GetValueOrDefault(w.Grade) * w.Score)).ToList();
        var total = weighted.Sum(w => w.Weight);
        if (total <= 0 || poolFen < 0)
        {
            throw new InvalidOperationException("Nothing to allocate over: every weight is zero.");
        }
        var shares = weighted.Select(w =>
        {
            var exact = poolFen * w.Weight / total;
            var floor = (long)Math.Floor(exact);
            return (w.Worker, w.Coefficient, w.Weight, Floor: floor, Remainder: exact - floor);
        }).ToList();
        var left = poolFen - shares.Sum(s => s.Floor);
        var bonus = shares.OrderByDescending(s => s.Remainder).ThenByDescending(s => s.Weight).ThenBy(s => s.Worker.StaffNo, StringComparer.Ordinal)
            .Take((int)left).Select(s => s.Worker.Id).ToHashSet();
        return shares.Select(s => new IncentiveShare(s.Worker.Id, s.Worker.StaffNo, s.Worker.Name, s.Worker.Grade, s.Worker.Score, s.Coefficient,
            s.Floor + (bonus.Contains(s.Worker.Id) ? 1 : 0))).ToList();
    }
}
