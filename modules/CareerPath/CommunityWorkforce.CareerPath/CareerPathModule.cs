using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.CareerPath.Demo;
using CommunityWorkforce.CareerPath.Workbench;
using CommunityWorkforce.CareerPath.Applications;
using CommunityWorkforce.CareerPath.Contracts;
using CommunityWorkforce.CareerPath.Levels;
using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.CareerPath.Progression;
using CommunityWorkforce.CareerPath.Queries;
using CommunityWorkforce.CareerPath.Reserves;
using CommunityWorkforce.CareerPath.Tracks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.CareerPath;

/// <summary>职业发展 — grade ladder, level progression, career tracks and eligibility, promotions, reserve cadres, succession risk.</summary>
public sealed class CareerPathModule : IModule
{
    public string Name => "career";
    public string TablePrefix => "career_";
    public int Order => 40;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ICareerQueries, CareerQueries>();
        services.AddScoped<LadderStore>();
        services.AddScoped<StageStore>();
        services.AddScoped<FactsReader>();
        services.AddScoped<Eligibility>();
        services.AddScoped<IWorkbenchContributor, CareerTodos>();
        services.AddScoped<DemoCareer>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        LadderEndpoints.Map(api);
        GradeEndpoints.Map(api);
        ProgressionEndpoints.Map(api);
        TrackEndpoints.Map(api);
        ApplicationEndpoints.Map(api);
        ReserveEndpoints.Map(api);
    }

    public async Task SeedAsync(IServiceProvider services, SeedOptions seed, CancellationToken ct)
    {
        await services.GetRequiredService<LadderStore>().EnsureDefaultAsync(ct);
        await services.GetRequiredService<StageStore>().EnsureDefaultsAsync(ct);
        if (seed.Demo)
        {
            await services.GetRequiredService<DemoCareer>().SeedAsync(ct);
        }
    }
}
