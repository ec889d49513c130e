using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.BuildingBlocks.Modules;

/// <summary>
/// What the host knows of a module: its services, its endpoints, its migrations and its demo data.
/// </summary>
public interface IModule
{
    /// <summary>Short lower-case name, also the URL segment under /api and the migration journal's prefix.</summary>
    string Name { get; }

    /// <summary>
    /// Every table and view the module owns starts with this prefix (e.g. <c>staffing_</c>); its indexes are named
    /// <c>ix_</c>/<c>ux_</c> + prefix + table.
    /// </summary>
    string TablePrefix { get; }

    /// <summary>Migrations and seeds run in ascending order; a module that reads another's view runs after it.</summary>
    int Order { get; }

    Assembly Assembly => GetType().Assembly;

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder api);

    /// <summary>Idempotent start-up data: reference data always, demo data when <paramref name="seed"/> asks for it.</summary>
    Task SeedAsync(IServiceProvider services, SeedOptions seed, CancellationToken ct) => Task.CompletedTask;
}

public sealed record SeedOptions(bool Demo, string DataFolder);
