using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Api.Tests;

/// <summary>
/// The read cache that dashboards and rankings use: a value is served again only while no module it reads has been
/// written by this process, and concurrent misses compute once. Writes go through a real DbSession on the host's database.
/// </summary>
[TestFixture]
public sealed class ReadCacheTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new CwHost();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [TestCase("INSERT INTO staffing_postings (id) VALUES (@Id)", "staffing")]
    [TestCase("INSERT OR IGNORE INTO performance_ratings (id) VALUES (@Id)", "performance")]
    [TestCase("UPDATE training_sessions SET seats = seats - 1 WHERE id = @Id", "training")]
    [TestCase("DELETE FROM career_reserve_members WHERE id = @Id", "career")]
    [TestCase("INSERT INTO competency_results (id) VALUES (@Id) ON CONFLICT (id) DO UPDATE SET level = excluded.level", "competency")]
    [TestCase("MERGE INTO training_enrolments AS t USING (SELECT 1 AS x) s ON 1 = 0 WHEN NOT MATCHED THEN INSERT (id) VALUES (@Id);", "training")]
    [TestCase("UPDATE [dbo].[staffing_posts] SET filled = filled + 1", "staffing")]
    public void A_write_names_the_module_of_its_table(string sql, string module) =>
        Assert.That(WrittenModules.Of(sql), Is.EqualTo(new[] { module }));

    [Test]
    public void A_write_that_hides_its_table_counts_as_writing_every_module() =>
        Assert.That(WrittenModules.Of("UPDATE p SET filled = 0 FROM staffing_posts p WHERE p.id = @Id"),
            Is.EqualTo(new[] { WrittenModules.Unknown }));

    [TestCase("SELECT id, updated_at FROM staffing_workers WITH (UPDLOCK, HOLDLOCK) WHERE id = @Id")]
    [TestCase("SELECT replace(name, ' ', '') FROM staffing_workers")]
    public void A_read_writes_nothing(string sql) => Assert.That(WrittenModules.Of(sql), Is.Empty);

    [Test]
    public async Task A_value_is_served_again_until_a_module_it_reads_is_written()
    {
        var cache = _host.Services.GetRequiredService<ReadCache>();
        var key = "test:" + Guid.NewGuid();
        var computed = 0;
        Task<int> Compute() => Task.FromResult(Interlocked.Increment(ref computed));
        string[] reads = ["staffing"];

        Assert.That(await cache.GetAsync(key, reads, Compute), Is.EqualTo(1));
        Assert.That(await cache.GetAsync(key, reads, Compute), Is.EqualTo(1), "nothing written: served again");

        await WriteAsync("UPDATE training_settings SET version = version WHERE 1 = 0", commit: true);
        Assert.That(await cache.GetAsync(key, reads, Compute), Is.EqualTo(1), "another module's write leaves it");

        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: true);
        Assert.That(await cache.GetAsync(key, reads, Compute), Is.EqualTo(2), "a committed write to what it reads invalidates it");

        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: false);
        Assert.That(await cache.GetAsync(key, reads, Compute), Is.EqualTo(3), "a transaction that wrote it ended (rolled back)");

        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: null);
        Assert.That(await cache.GetAsync(key, reads, Compute), Is.EqualTo(4), "a statement run on its own (autocommit) invalidates it");
    }

    [Test]
    public async Task Concurrent_misses_compute_once_and_a_failure_is_not_kept()
    {
        var cache = _host.Services.GetRequiredService<ReadCache>();
        var key = "test:" + Guid.NewGuid();
        var computed = 0;
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> Slow()
        {
            Interlocked.Increment(ref computed);
            return await release.Task;
        }

        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync(key, ["training"], Slow))).ToArray();
        await Task.Delay(200);
        release.SetResult(42);
        var values = await Task.WhenAll(readers);
        Assert.Multiple(() =>
        {
            Assert.That(values, Is.All.EqualTo(42));
            Assert.That(computed, Is.EqualTo(1));
        });

        var failing = "test:" + Guid.NewGuid();
        await Assert.ThatAsync(() => cache.GetAsync<int>(failing, ["training"], () => throw new InvalidOperationException("boom")),
            Throws.InvalidOperationException);
        Assert.That(await cache.GetAsync(failing, ["training"], () => Task.FromResult(7)), Is.EqualTo(7));
    }

    [Test]
    public async Task When_the_shared_computation_is_cancelled_one_waiter_computes_again_and_the_others_wait_for_it()
    {
        var cache = _host.Services.GetRequiredService<ReadCache>();
        var key = "test:" + Guid.NewGuid();
        var computed = 0;
        var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> Compute() => Interlocked.Increment(ref computed) == 1 ? await first.Task : await second.Task;

        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync(key, ["training"], Compute))).ToArray();
        await Task.Delay(200);
        // The request that started it went away: its work is cancelled.
        first.SetException(new OperationCanceledException());
        await Task.Delay(200);
        second.SetResult(42);
        var settled = await Task.WhenAll(readers.Select(async r =>
        {
            try
            {
                return await r;
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
        }));

        Assert.Multiple(() =>
        {
            Assert.That(settled.Count(v => v == 42), Is.EqualTo(7), "every waiter gets the value");
            Assert.That(settled.Count(v => v == -1), Is.EqualTo(1), "the request whose work was cancelled sees the cancellation");
            Assert.That(computed, Is.EqualTo(2), "computed again once, not once per waiter");
        });
    }

    /// <summary>commit: true commits a transaction, false rolls it back, null runs the statement on its own.</summary>
    private async Task WriteAsync(string sql, bool? commit)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        if (commit is null)
        {
            await session.ExecuteAsync(sql, null, CancellationToken.None);
            return;
        }
        await using var transaction = await session.BeginAsync(CancellationToken.None);
        await session.ExecuteAsync(sql, null, CancellationToken.None);
        if (commit == true)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
    }
}
