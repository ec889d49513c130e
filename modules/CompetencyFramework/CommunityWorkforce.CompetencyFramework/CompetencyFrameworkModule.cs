using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.CompetencyFramework.Assessments;
using CommunityWorkforce.CompetencyFramework.Campaigns;
using CommunityWorkforce.CompetencyFramework.Certifications;
using CommunityWorkforce.CompetencyFramework.Contracts;
using CommunityWorkforce.CompetencyFramework.Demo;
using CommunityWorkforce.CompetencyFramework.Gaps;
using CommunityWorkforce.CompetencyFramework.Workbench;
using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.CompetencyFramework.Frameworks;
using CommunityWorkforce.CompetencyFramework.Profiles;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.CompetencyFramework;

/// <summary>能力体系 — competency frameworks, post requirement profiles, assessments, gap analysis, 全岗通 certification.</summary>
public sealed class CompetencyFrameworkModule : IModule
{
    public string Name => "competency";
    public string TablePrefix => "competency_";
    public int Order => 20;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FrameworkStore>();
        services.AddScoped<DefaultFramework>();
        services.AddScoped<ServiceLineSeed>();
        services.AddScoped<DemoCompetency>();
        services.AddScoped<ICompetencyQueries, CompetencyQueries>();
        services.AddScoped<IWorkbenchContributor, CompetencyTodos>();
        services.AddSingleton<BuildingBlocks.Data.IKeptWarm, Gaps.HeatMapWarm>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        FrameworkEndpoints.Map(api);
        ProfileEndpoints.Map(api);
        CampaignEndpoints.Map(api);
        AssessmentEndpoints.Map(api);
        GapEndpoints.Map(api);
        CertificationEndpoints.Map(api);
    }

    public async Task SeedAsync(IServiceProvider services, SeedOptions seed, CancellationToken ct)
    {
        await services.GetRequiredService<DefaultFramework>().EnsureAsync(ct);
        await services.GetRequiredService<ServiceLineSeed>().EnsureAsync(ct);
        if (seed.Demo)
        {
            await services.GetRequiredService<DemoCompetency>().SeedAsync(ct);
        }
    }
}
