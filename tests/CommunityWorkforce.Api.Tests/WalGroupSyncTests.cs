using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Api.Tests;

/// <summary>
/// SQLite's grouped commits (the default): a commit is synced to disk before the request that made it goes on, by a sync
/// that began after the commit, outside the write gate, one sync for every commit finished before it began.
/// </summary>
[TestFixture]
public sealed class WalGroupSyncTests
{
    [Test]
    public async Task A_commit_waits_for_a_sync_that_began_after_it_and_commits_finished_meanwhile_share_the_next_one()
    {
        using var entered = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        using var sync = new WalGroupSync(() =>
        {
            entered.Release();
            release.Wait(TimeSpan.FromSeconds(10));
        });

        var first = sync.DurableAsync(sync.Committed());
        Assert.That(await entered.WaitAsync(TimeSpan.FromSeconds(5)), "the first commit starts a sync");
        // Three commits finish while that sync runs: it began before them, so none of them may count on it.
        var later = Enumerable.Range(0, 3).Select(_ => sync.DurableAsync(sync.Committed())).ToArray();
        Assert.That(first.IsCompleted || later.Any(t => t.IsCompleted), Is.False, "nobody goes on before a sync has finished");

        release.Release();
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(later.Any(t => t.IsCompleted), Is.False, "the later commits wait for the next sync, not the one that ended");
        Assert.That(await entered.WaitAsync(TimeSpan.FromSeconds(5)), "the next sync starts at once");
        release.Release();
        await Task.WhenAll(later).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(sync.Rounds, Is.EqualTo(2), "one sync for the three commits");
        Assert.That(sync.SyncedThrough, Is.EqualTo(4));
        Assert.That(sync.DurableAsync(2).IsCompleted, "a commit already synced does not wait");
    }

    [Test]
    public async Task A_failed_sync_fails_the_commits_that_waited_for_it_and_the_next_commit_syncs_again()
    {
        var fail = true;
        using var sync = new WalGroupSync(() =>
        {
            if (fail)
            {
                throw new IOException("disk gone");
            }
        });

        var commit = sync.Committed();
        IOException? error = null;
        try
        {
            await sync.DurableAsync(commit).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (IOException caught)
        {
            error = caught;
        }
        Assert.That(error?.InnerException?.Message, Is.EqualTo("disk gone"), "the caller learns the commit may not be on disk");
        Assert.That(sync.SyncedThrough, Is.Zero, "nothing counts as on disk after a failed sync");

        fail = false;
        await sync.DurableAsync(commit).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(sync.SyncedThrough, Is.EqualTo(commit));
    }

    [Test]
    public async Task A_request_goes_on_after_its_commit_only_once_the_log_is_synced_and_the_write_gate_is_free_meanwhile()
    {
        using var host = new CwHost();
        var factory = host.Services.GetRequiredService<DbConnectionFactory>();
        if (factory.Provider == DatabaseProvider.SqlServer)
        {
            Assert.That(factory.LogSync, Is.Null, "SQL Server makes its own commits durable");
            return;
        }
        var sync = factory.LogSync!;
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            await using var tx = await db.BeginAsync(CancellationToken.None);
            var before = sync.CommittedThrough;
            await db.ExecuteAsync("UPDATE staffing_settings SET version = version + 1", null, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
            // This commit's number is above `before`, which was read while this request held the write gate.
            return (Before: before, SyncedAfterCommit: sync.SyncedThrough);
        }));

        Assert.That(results.Select(r => r.SyncedAfterCommit > r.Before), Has.All.True,
            "every commit was on disk when its request went on");
        Assert.That(sync.Rounds, Is.GreaterThan(0).And.LessThanOrEqualTo(sync.CommittedThrough));
        Assert.That(File.Exists(host.DatabaseFile + "-wal"), "the database is in WAL mode, the log the syncs are for");

        // A statement outside a transaction is its own commit, and waits the same way.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var before = sync.CommittedThrough;
            await db.ExecuteAsync("UPDATE staffing_settings SET version = version + 1", null, CancellationToken.None);
            Assert.That(sync.CommittedThrough, Is.GreaterThan(before), "the autocommit write took a number");
            Assert.That(sync.SyncedThrough, Is.GreaterThanOrEqualTo(before + 1), "and was on disk when the statement returned");
        }
    }
}
