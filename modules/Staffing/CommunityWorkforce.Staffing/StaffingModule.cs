using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Staffing.OrgUnits;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Staffing;

/// <summary>人员配置 — org tree, roster, posts and quotas, postings, rotations.</summary>
public sealed class StaffingModule : IModule
{
    public string Name => "staffing";
    public string TablePrefix => "staffing_";
    public int Order => 10;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IOrgUnitDirectory, OrgUnitDirectory>();
        services.AddScoped<DemoOrgTree>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        OrgUnitEndpoints.Map(api);
    }

    public async Task SeedAsync(IServiceProvider services, SeedOptions seed, CancellationToken ct)
    {
        if (seed.Demo)
        {
            await services.GetRequiredService<DemoOrgTree>().SeedAsync(ct);
        }
    }
}
