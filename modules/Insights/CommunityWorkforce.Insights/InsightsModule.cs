using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.Insights.Dashboard;
using CommunityWorkforce.Insights.Forecast;
using CommunityWorkforce.Insights.Norms;
using CommunityWorkforce.Insights.Scope;
using CommunityWorkforce.Insights.Transfers;
using CommunityWorkforce.Insights.Turnover;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Insights;

/// <summary>
/// 队伍分析 — read-only: structure dashboards, staffing against norms with transfer suggestions, turnover and a
/// five-year forecast, computed from the other modules' published views (no tables of its own). The dashboard, norms,
/// forecast and transfer suggestions are kept in <see cref="InsightsCache"/> until this host writes a module they read
/// (at most 30 s).
/// </summary>
public sealed class InsightsModule : IModule
{
    public string Name => "insights";
    public string TablePrefix => "insights_";

    /// <summary>After every module whose views it reads.</summary>
    public int Order => 90;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<InsightsScope>();
        services.AddScoped<InsightsCache>();
        services.AddScoped<DashboardReader>();
        services.AddScoped<NormsReader>();
        services.AddScoped<TransferPlanner>();
        services.AddScoped<ForecastReader>();
        services.AddScoped<TurnoverReader>();
        services.AddSingleton<IKeptWarm, InsightsWarm>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        DashboardEndpoints.Map(api);
        NormsEndpoints.Map(api);
        TransferEndpoints.Map(api);
        ForecastEndpoints.Map(api);
        TurnoverEndpoints.Map(api);
    }
}
