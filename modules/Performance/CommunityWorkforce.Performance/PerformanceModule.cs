using CommunityWorkforce.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Performance;

/// <summary>考核 — appraisal cycles, weighted scores, grade quotas, resident satisfaction.</summary>
/// <remarks>Registered and migrated like every module; its features arrive in later issues.</remarks>
public sealed class PerformanceModule : IModule
{
    public string Name => "performance";
    public string TablePrefix => "performance_";
    public int Order => 50;

    public void AddServices(IServiceCollection services, IConfiguration configuration) { }

    public void MapEndpoints(IEndpointRouteBuilder api) { }
}
