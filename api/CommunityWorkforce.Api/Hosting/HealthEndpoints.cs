using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Migrations;
using CommunityWorkforce.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityWorkforce.Api.Hosting;

public sealed record HealthResponse(string Status, IReadOnlyList<string> PendingMigrations);

/// <summary>Liveness (the process answers) and readiness (database reachable, every migration applied).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live", []))).WithName("Live");
        health.MapGet("/ready", Ready).WithName("Ready");
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(
        DbConnectionFactory factory, ModuleMigrator migrator, IReadOnlyList<IModule> modules, CancellationToken ct)
    {
        try
        {
            await using var connection = await factory.OpenAsync(ct);
            var pending = migrator.PendingModules(modules);
            return pending.Count == 0
                ? TypedResults.Ok(new HealthResponse("ready", []))
                : TypedResults.Json(new HealthResponse("migrations-pending", pending), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return TypedResults.Json(new HealthResponse("database-unreachable", []), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
