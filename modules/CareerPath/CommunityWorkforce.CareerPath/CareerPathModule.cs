using CommunityWorkforce.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.CareerPath;

/// <summary>职业发展 — grade ladder, promotion rules and eligibility, reserve cadres.</summary>
/// <remarks>Registered and migrated like every module; its features arrive in later issues.</remarks>
public sealed class CareerPathModule : IModule
{
    public string Name => "career";
    public string TablePrefix => "career_";
    public int Order => 40;

    public void AddServices(IServiceCollection services, IConfiguration configuration) { }

    public void MapEndpoints(IEndpointRouteBuilder api) { }
}
