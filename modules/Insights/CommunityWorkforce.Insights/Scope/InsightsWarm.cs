using CommunityWorkforce.Insights.Dashboard;
using CommunityWorkforce.Insights.Forecast;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Insights.Scope;

/// <summary>
/// The city's structure dashboard and five-year forecast (each top-level unit's), kept warm (<see cref="KeptWarmReads"/>):
/// computed before anyone asks and kept fresh through quiet spells, so that the city's figures never make a caller
/// wait the second they take to compute. A district's or a street's are computed when first asked.
/// </summary>
internal sealed class InsightsWarm : IKeptWarm
{
    public string Name => "insights: the city's dashboard and forecast";

    public async Task WarmAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<DbSession>();
        foreach (var unit in await db.QueryAsync<UnitRef>(ScopeSql.Root, new { Skip = 0, Take = 10 }, ct))
        {
            await services.GetRequiredService<DashboardReader>().FiguresAsync(unit, ct);
            await services.GetRequiredService<ForecastReader>().ReadAsync(unit, ForecastReader.DefaultHorizon, ct);
        }
    }
}
