using CommunityWorkforce.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Training;

/// <summary>培训 — training courses, hours, social-work qualifications.</summary>
/// <remarks>Registered and migrated like every module; its features arrive in later issues.</remarks>
public sealed class TrainingModule : IModule
{
    public string Name => "training";
    public string TablePrefix => "training_";
    public int Order => 30;

    public void AddServices(IServiceCollection services, IConfiguration configuration) { }

    public void MapEndpoints(IEndpointRouteBuilder api) { }
}
