using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.CompetencyFramework.Gaps;

/// <summary>
/// The heat map's cells: the average gap and the number of workers per unit and competency, summed over the rows of
/// <see cref="GapSql.HeatMapGaps"/> as they stream in (one pass, no per-unit queries, nothing held but the sums).
/// </summary>
internal static class HeatCells
{
    public static async Task<IReadOnlyDictionary<(string UnitCode, string CompetencyCode), (double Average, int Workers)>> AverageAsync(
        DbSession db, string sql, object args, CancellationToken ct)
    {
        var sums = new Dictionary<(string, string), (long Gap, int Workers)>();
        foreach (var (unitCode, competencyCode, gap) in await db.QueryStreamAsync<(string, string, long)>(sql, args, ct))
        {
            var key = (unitCode, competencyCode);
            var (sum, workers) = sums.GetValueOrDefault(key);
            sums[key] = (sum + gap, workers + 1);
        }
        return sums.ToDictionary(s => s.Key, s => ((double)s.Value.Gap / s.Value.Workers, s.Value.Workers));
    }
}
