using CommunityWorkforce.Access.Accounts;
using CommunityWorkforce.Access.Auth;
using CommunityWorkforce.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Access;

/// <summary>Platform module: accounts, roles, sign-in and tokens. No business rules.</summary>
public sealed class AccessModule : IModule
{
    public string Name => "access";
    public string TablePrefix => "access_";

    /// <summary>After Staffing: demo accounts are scoped to demo org units.</summary>
    public int Order => 15;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Passwords>();
        services.AddScoped<TokenService>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<BuildingBlocks.Privacy.IPersonalDataSource, AccessPersonalData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        AuthEndpoints.Map(api);
        AccountEndpoints.Map(api);
    }

    public Task SeedAsync(IServiceProvider services, SeedOptions seed, CancellationToken ct) =>
        services.GetRequiredService<AccountSeeder>().SeedAsync(seed.Demo, seed.DataFolder, ct);
}
