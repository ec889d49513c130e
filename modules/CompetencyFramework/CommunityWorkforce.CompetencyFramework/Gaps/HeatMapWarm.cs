using CommunityWorkforce.BuildingBlocks.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.CompetencyFramework.Gaps;

/// <summary>
/// The city's competency heat map kept warm (<see cref="KeptWarmReads"/>): the whole tree as the administrator opens it
/// and each top-level unit's as its city HR does, computed before anyone asks and kept fresh through quiet spells.
/// A district's or a street's is computed when first asked.
/// </summary>
internal sealed class HeatMapWarm : IKeptWarm
{
    public string Name => "competency: the city's heat map";

    public async Task WarmAsync(IServiceProvider services, CancellationToken ct)
    {
        var cache = services.GetRequiredService<ReadCache>();
        await GapEndpoints.KeptHeatMapAsync(cache, null, "/%", ct);
        var db = services.GetRequiredService<DbSession>();
        foreach (var unit in await db.QueryAsync<TopUnit>(GapSql.TopUnits, null, ct))
        {
            await GapEndpoints.KeptHeatMapAsync(cache, unit.Id, unit.Path + "%", ct);
        }
    }

    private sealed class TopUnit
    {
        public Guid Id { get; init; }
        public string Path { get; init; } = "";
    }
}
