using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.BuildingBlocks.Platform;

public sealed record PlatformOptions(string DataFolder)
{
    public string BackupFolder => Path.Combine(DataFolder, "backups");
}

public sealed record BackupResponse(string File, long SizeBytes, DateTimeOffset CreatedAt);

/// <summary>
/// Online backup of the SQLite database through SQLite's backup API (consistent while the host keeps serving).
/// SQL Server deployments use the server's own BACKUP DATABASE (see README).
/// </summary>
internal static class BackupEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/platform/backups", Create).RequireAuthorization(Policies.Admin).WithTags("Platform").WithName("CreateBackup")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<BackupResponse>, ProblemHttpResult>> Create(
        DbConnectionFactory factory, PlatformOptions options, DbSession db, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        if (factory.Provider != DatabaseProvider.Sqlite)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("请使用数据库自身的备份", "Use the server's backup"),
                Text.Of("SQL Server 部署请使用 BACKUP DATABASE 或托管服务的备份功能。", "On SQL Server use BACKUP DATABASE or the managed service's backups."));
        }
        var now = clock.GetUtcNow();
        Directory.CreateDirectory(options.BackupFolder);
        var file = Path.Combine(options.BackupFolder, $"communityworkforce-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..48] + ".db");
        await using (var source = new SqliteConnection(factory.ConnectionString))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        await using (var tx = await db.BeginAsync(ct))
        {
            await audit.WriteAsync(new AuditEntry("platform.backup.created", "backup", null, null, new { file = Path.GetFileName(file) }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Created($"/api/platform/backups/{Path.GetFileName(file)}",
            new BackupResponse(Path.GetFileName(file), new FileInfo(file).Length, now));
    }
}
