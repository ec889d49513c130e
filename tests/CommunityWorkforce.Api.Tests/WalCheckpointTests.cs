using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Api.Tests;

/// <summary>
/// On SQLite no commit copies the write-ahead log into the database (that stalled every queued writer); the host's
/// background checkpointer does, soon after writes.
/// </summary>
[TestFixture]
public sealed class WalCheckpointTests
{
    [Test]
    public async Task Commits_do_not_checkpoint_and_the_background_checkpointer_copies_the_log_soon_after_writes()
    {
        using var host = new CwHost();
        var checkpointer = host.Services.GetRequiredService<WalCheckpointer>();
        if (host.Services.GetRequiredService<DbConnectionFactory>().Provider == DatabaseProvider.SqlServer)
        {
            // SQL Server has no write-ahead log of this kind: the checkpointer does nothing.
            await Task.Delay(WalCheckpointer.Interval * 3);
            Assert.That(checkpointer.Passes, Is.Zero);
            return;
        }
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            Assert.That(await db.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint", null, CancellationToken.None), Is.EqualTo(0),
                "a request's connection never checkpoints on commit");
        }
        var before = checkpointer.Passes;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            await using var tx = await db.BeginAsync(CancellationToken.None);
            await db.ExecuteAsync("UPDATE staffing_settings SET version = version + 1", null, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (checkpointer.Passes == before && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
        Assert.That(checkpointer.Passes, Is.GreaterThan(before), "a checkpoint ran after the write");
        Assert.That(checkpointer.Last.LogPages, Is.GreaterThan(0));
        Assert.That(checkpointer.Last.CheckpointedPages, Is.EqualTo(checkpointer.Last.LogPages), "the whole log copied (no reader held it)");
    }
}
