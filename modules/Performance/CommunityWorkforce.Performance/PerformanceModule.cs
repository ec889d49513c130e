using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.Performance.Calendar;
using CommunityWorkforce.Performance.Cycles;
using CommunityWorkforce.Performance.Demo;
using CommunityWorkforce.Performance.Ratings;
using CommunityWorkforce.Performance.Results;
using CommunityWorkforce.Performance.Settings;
using CommunityWorkforce.Performance.Templates;
using CommunityWorkforce.Performance.Workbench;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Performance;

/// <summary>
/// 考核 — appraisal cycles per org subtree, templates per post type, resident satisfaction (好差评) with rectification of bad
/// reviews on a working-day calendar, composite scores, calibration under grade quotas, publication, appeals and
/// incentive allocation.
/// </summary>
public sealed class PerformanceModule : IModule
{
    public string Name => "performance";
    public string TablePrefix => "performance_";
    public int Order => 50;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PerformanceSettingsStore>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<CycleEngine>();
        services.AddScoped<RatingIngest>();
        services.AddScoped<IAppraisalResults, AppraisalResults>();
        services.AddScoped<BuildingBlocks.Workbench.IWorkbenchContributor, PerformanceTodos>();
        services.AddScoped<DemoPerformance>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        SettingsEndpoints.Map(api);
        CalendarEndpoints.Map(api);
        TemplateEndpoints.Map(api);
        CycleEndpoints.Map(api);
        ParticipantEndpoints.Map(api);
        RatingEndpoints.Map(api);
        RectificationEndpoints.Map(api);
    }

    public async Task SeedAsync(IServiceProvider services, SeedOptions seed, CancellationToken ct)
    {
        await services.GetRequiredService<PerformanceSettingsStore>().EnsureDefaultsAsync(ct);
        if (seed.Demo)
        {
            await services.GetRequiredService<DemoPerformance>().SeedAsync(ct);
        }
    }
}
