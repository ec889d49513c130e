using CommunityWorkforce.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.CompetencyFramework;

/// <summary>能力体系 — competency model, post requirement profiles, 全岗通 certification.</summary>
/// <remarks>Registered and migrated like every module; its features arrive in later issues.</remarks>
public sealed class CompetencyFrameworkModule : IModule
{
    public string Name => "competency";
    public string TablePrefix => "competency_";
    public int Order => 20;

    public void AddServices(IServiceCollection services, IConfiguration configuration) { }

    public void MapEndpoints(IEndpointRouteBuilder api) { }
}
