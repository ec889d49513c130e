using CommunityWorkforce.BuildingBlocks.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.BuildingBlocks.Platform;

/// <summary>
/// How long audit rows are kept (PIPL): access logs (reveals, exports, data downloads) at least 6 months, by default a
/// year; records of changes (processing records) at least 3 years, by default for ever. Values below the legal minimum
/// are raised to it.
/// </summary>
public sealed record AuditRetentionOptions(int AccessLogDays, int? ProcessingRecordDays, TimeSpan Interval)
{
    public const int MinimumAccessLogDays = 183;
    public const int MinimumProcessingRecordDays = 1096;

    public static AuditRetentionOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Audit");
        var access = Math.Max(MinimumAccessLogDays, section.GetValue("AccessLogRetentionDays", 365));
        var processing = section.GetValue<int?>("ProcessingRecordRetentionDays");
        return new AuditRetentionOptions(access, processing is null ? null : Math.Max(MinimumProcessingRecordDays, processing.Value),
            TimeSpan.FromHours(section.GetValue("RetentionIntervalHours", 6)));
    }
}

/// <summary>Deletes audit rows past their retention; runs on one instance at a time (database lease).</summary>
public sealed class AuditRetention(DbConnectionFactory factory, LeaseStore leases, AuditRetentionOptions options, TimeProvider clock,
    ILogger<AuditRetention> logger) : BackgroundService
{
    private const string PurgeAccessLogs = """
        DELETE FROM platform_audit_log
        WHERE occurred_at < @Before
          AND (action LIKE '%.id-revealed' OR action LIKE '%.exported' OR action LIKE '%.exported-with-ids' OR action LIKE '%.downloaded')
        """;

    private const string PurgeProcessingRecords = "DELETE FROM platform_audit_log WHERE occurred_at < @Before";

    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when the pass run at start-up has ended (whatever its outcome). On SQLite that pass may analyse tables,
    /// which makes every connection's compiled statements compile once more: tests that count compilations wait for it.
    /// </summary>
    public Task FirstPass => _firstPass.Task;

    /// <summary>One purge pass; returns the rows deleted (0 when another instance holds the lease).</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync("audit-retention", TimeSpan.FromMinutes(30), ct))
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        await using var connection = await factory.OpenAsync(ct);
        var deleted = await Dapper.SqlMapper.ExecuteAsync(connection, factory.Dialect.Render(PurgeAccessLogs),
            new { Before = now.AddDays(-options.AccessLogDays) });
        if (options.ProcessingRecordDays is { } days)
        {
            deleted += await Dapper.SqlMapper.ExecuteAsync(connection, factory.Dialect.Render(PurgeProcessingRecords),
                new { Before = now.AddDays(-days) });
        }
        if (deleted > 0)
        {
            logger.LogInformation("Audit retention removed {Rows} rows", deleted);
        }
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            // Housekeeping for the planner too: refresh SQLite's statistics as the data grows.
            Migrations.ModuleMigrator.Optimize(connection);
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (System.Data.Common.DbException ex)
            {
                logger.LogWarning(ex, "Audit retention pass failed; retrying at the next interval");
            }
            finally
            {
                _firstPass.TrySetResult();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
