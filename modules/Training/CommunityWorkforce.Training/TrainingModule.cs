using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.Training.Certificates;
using CommunityWorkforce.Training.Compliance;
using CommunityWorkforce.Training.Courses;
using CommunityWorkforce.Training.Demo;
using CommunityWorkforce.Training.Queries;
using CommunityWorkforce.Training.Sessions;
using CommunityWorkforce.Training.Settings;
using CommunityWorkforce.Training.Track;
using CommunityWorkforce.Training.Workbench;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Training;

/// <summary>培训 — the catalogue, sessions with seats and waiting lists, hours and compliance, qualifications.</summary>
public sealed class TrainingModule : IModule
{
    public string Name => "training";
    public string TablePrefix => "training_";
    public int Order => 30;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TrainingSettingsStore>();
        services.AddScoped<ComplianceReader>();
        services.AddScoped<Recommender>();
        services.AddScoped<ITrainingQueries, TrainingQueries>();
        services.AddScoped<IWorkbenchContributor, TrainingTodos>();
        services.AddScoped<DemoTraining>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        CourseEndpoints.Map(api);
        SessionEndpoints.Map(api);
        ComplianceEndpoints.Map(api);
        CertificateEndpoints.Map(api);
        TrackEndpoints.Map(api);
        TrainingSettingsEndpoints.Map(api);
    }

    public async Task SeedAsync(IServiceProvider services, SeedOptions seed, CancellationToken ct)
    {
        await services.GetRequiredService<TrainingSettingsStore>().EnsureDefaultsAsync(ct);
        if (seed.Demo)
        {
            await services.GetRequiredService<DemoTraining>().SeedAsync(ct);
        }
    }
}
