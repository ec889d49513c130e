using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.CompetencyFramework.Gaps;

/// <summary>
/// The heat map's cells: the average gap and the number of workers per unit and competency, summed over the rows of
/// <see cref="GapSql.HeatMapGaps"/> as they stream off the reader (one pass, no per-unit queries, no object per row).
/// </summary>
internal static class HeatCells
{
    public static async Task<IReadOnlyDictionary<(string UnitCode, string CompetencyCode), (double Average, int Workers)>> AverageAsync(
        DbSession db, string sql, object args, CancellationToken ct)
    {
        var sums = new Dictionary<(string, string), (long Gap, int Workers)>();
        await db.ReadEachAsync(sql, args, row =>
        {
            var key = (row.GetString(0), row.GetString(1));
            var (sum, workers) = sums.GetValueOrDefault(key);
            sums[key] = (sum + row.GetInt64(2), workers + 1);
        }, ct);
        return sums.ToDictionary(s => s.Key, s => ((double)s.Value.Gap / s.Value.Workers, s.Value.Workers));
    }
}
