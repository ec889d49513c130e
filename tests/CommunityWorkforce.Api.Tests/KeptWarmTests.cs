using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Api.Tests;

/// <summary>
/// The city's expensive reads (its structure dashboard and forecast, its competency heat map) are computed after
/// start-up before anyone asks (<see cref="KeptWarmReads"/>), so that nobody waits the second each takes.
/// </summary>
[TestFixture]
public sealed class KeptWarmTests
{
    [Test]
    public async Task After_start_up_the_city_dashboard_forecast_and_heat_maps_are_computed_before_anyone_asks()
    {
        using var host = new CwHost(new Dictionary<string, string?> { ["ReadCache:KeepWarm"] = "true", ["ReadCache:KeepWarmAfterSeconds"] = "0" });
        await host.Services.GetRequiredService<KeptWarmReads>().FirstPass.WaitAsync(TimeSpan.FromSeconds(60));
        var city = await host.Scalar<string>("SELECT id FROM staffing_org_units WHERE parent_id IS NULL");
        var cityPath = await host.Scalar<string>("SELECT path FROM staffing_org_units WHERE parent_id IS NULL");
        var id = Guid.Parse(city!);
        var kept = host.Services.GetRequiredService<ReadCache>().KeptKeys;
        Assert.That(kept, Has.Some.StartsWith($"insights:dashboard:{id:N}:"), "the city's dashboard");
        Assert.That(kept, Has.Some.StartsWith($"insights:forecast:{id:N}:5:"), "the city's five-year forecast");
        Assert.That(kept, Has.Some.EqualTo("competency:heat-map::/%"), "the administrator's heat map of the whole tree");
        Assert.That(kept, Has.Some.EqualTo($"competency:heat-map:{id}:{cityPath}%"), "the city's heat map");
    }

    [Test]
    public async Task Turned_off_nothing_is_computed_before_it_is_asked()
    {
        using var host = new CwHost(new Dictionary<string, string?> { ["ReadCache:KeepWarmAfterSeconds"] = "0" });
        await host.Services.GetRequiredService<KeptWarmReads>().FirstPass.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(host.Services.GetRequiredService<ReadCache>().KeptKeys, Is.Empty);
    }
}
