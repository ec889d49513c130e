using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// SQLite (WAL): copies the write-ahead log into the database in the background. By default SQLite does it inside the
/// commit that takes the log past 1,000 pages — that writer copies the pages and syncs the database file while every
/// other writer queued behind the write gate waits, a stall of tens of milliseconds in the p95 of a burst of writes.
/// The host's connections turn that off (<c>wal_autocheckpoint=0</c>, <see cref="DbConnectionFactory"/>) and this service
/// runs a PASSIVE checkpoint (it never blocks readers or writers) every <see cref="Interval"/> while writes come. A reader
/// that holds an old snapshot only delays the part of the log it still needs; the next pass takes it.
/// </summary>
public sealed class WalCheckpointer(DbConnectionFactory factory, ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private long _passes;

    /// <summary>How many checkpoints have run (tests).</summary>
    public long Passes => Interlocked.Read(ref _passes);

    /// <summary>Pages in the log and pages copied into the database by the last checkpoint.</summary>
    public (long LogPages, long CheckpointedPages) Last { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (factory.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        var seen = factory.WriteGeneration;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = factory.WriteGeneration;
                if (now == seen)
                {
                    continue;
                }
                seen = now;
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // The last writes of the run go into the database file before the host stops.
        await CheckpointAsync(CancellationToken.None);
    }

    public async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await factory.OpenAsync(ct);
            var row = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
                new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE)", cancellationToken: ct));
            Last = (row.Log, row.Checkpointed);
            Interlocked.Increment(ref _passes);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(error, "The background WAL checkpoint failed");
        }
    }
}
