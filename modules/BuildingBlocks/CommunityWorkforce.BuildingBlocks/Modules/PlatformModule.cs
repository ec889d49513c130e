using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.BuildingBlocks.Modules;

/// <summary>The tables every module writes to through BuildingBlocks (the audit log), its viewer and the personal-data download.</summary>
public sealed class PlatformModule : IModule
{
    public string Name => "platform";
    public string TablePrefix => "platform_";
    public int Order => 0;

    public void AddServices(IServiceCollection services, IConfiguration configuration) { }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        Platform.PlatformEndpoints.Map(api);
        Platform.BackupEndpoints.Map(api);
    }
}
