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

    /// <summary>A computation that counts its runs and waits for the test's go-ahead from its second run on.</summary>
    private sealed class Gated
    {
        private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Runs;
        public bool Fail;
        public bool RanWithoutUser = true;

        /// <summary>The nice value of the thread the last run started on (Linux).</summary>
        public int? NiceOfLastRun;

        public async Task<int> Compute(IServiceProvider services, CancellationToken ct)
        {
            NiceOfLastRun = BackgroundPriority.CurrentNice();
            RanWithoutUser &= !services.GetRequiredService<CommunityWorkforce.BuildingBlocks.Security.CurrentUser>().IsAuthenticated;
            var run = Interlocked.Increment(ref Runs);
            if (run > 1)
            {
                await _gate.Task.WaitAsync(ct);
            }
            return Fail ? throw new InvalidOperationException("boom") : run;
        }

        /// <summary>Lets the waiting run (and every later one) through.</summary>
        public void Open() => _gate.TrySetResult();

        public void Close() => _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Reads a new kept value (a key of its own) computed by <paramref name="gated"/> from Staffing's tables.</summary>
    private static Func<Task<int>> KeptRead(ReadCache cache, Gated gated, Func<int, bool>? serveWhileRefreshing = null)
    {
        var key = "test:" + Guid.NewGuid();
        return () => cache.GetKeptFreshAsync(key, ["staffing"], gated.Compute, serveWhileRefreshing ?? (_ => true), CancellationToken.None);
    }

    private static async Task<int> Eventually(Func<Task<int>> read, int expected)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int value;
        while ((value = await read()) != expected && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
        return value;
    }

    [Test]
    public async Task A_kept_value_is_served_while_its_recomputation_runs_after_a_write_and_the_write_shows_when_it_lands()
    {
        var cache = _host.Services.GetRequiredService<ReadCache>();
        var gated = new Gated();
        var read = KeptRead(cache, gated);

        Assert.That(await read(), Is.EqualTo(1));
        await WriteAsync("UPDATE training_settings SET version = version WHERE 1 = 0", commit: true);
        Assert.That(await read(), Is.EqualTo(1), "another module's write leaves it");
        Assert.That(gated.Runs, Is.EqualTo(1), "and starts nothing");

        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: true);
        var whileRefreshing = read();
        Assert.That(whileRefreshing.IsCompletedSuccessfully, Is.True, "the caller does not wait for the recomputation");
        Assert.That(await whileRefreshing, Is.EqualTo(1), "the value it replaces");
        Assert.That(await Eventually(() => Task.FromResult(gated.Runs), 2), Is.EqualTo(2), "the write started a recomputation");
        Assert.That(await read(), Is.EqualTo(1), "still the old value while it runs");
        if (OperatingSystem.IsLinux())
        {
            Assert.That(gated.NiceOfLastRun, Is.EqualTo(10), "the background recomputation yields to requests (nice 10)");
        }

        gated.Open();
        Assert.That(await Eventually(read, 2), Is.EqualTo(2), "the write shows once the recomputation lands");
        Assert.That(gated.Runs, Is.EqualTo(2), "one recomputation");
        Assert.That(gated.RanWithoutUser, Is.True, "computed in a scope of its own, outside any request");
    }

    [Test]
    public async Task A_kept_value_whose_rule_says_no_is_recomputed_before_the_caller_gets_it()
    {
        var cache = _host.Services.GetRequiredService<ReadCache>();
        var gated = new Gated();
        gated.Open();
        var read = KeptRead(cache, gated, value => value > 100);

        Assert.That(await read(), Is.EqualTo(1));
        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: true);
        Assert.That(await read(), Is.EqualTo(2), "a small value is never served after a write it does not show");
    }

    [Test]
    public async Task Concurrent_first_reads_of_a_kept_value_compute_once()
    {
        var cache = _host.Services.GetRequiredService<ReadCache>();
        var key = "test:" + Guid.NewGuid();
        var runs = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> Slow(IServiceProvider services, CancellationToken ct)
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return 42;
        }

        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetKeptFreshAsync(key, ["training"], Slow, _ => true, CancellationToken.None))).ToArray();
        await Eventually(() => Task.FromResult(runs), 1);
        release.SetResult();
        Assert.That(await Task.WhenAll(readers), Is.All.EqualTo(42));
        Assert.That(runs, Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_recomputation_is_not_hidden_behind_the_old_value_and_the_next_success_serves_again()
    {
        var cache = _host.Services.GetRequiredService<ReadCache>();
        var gated = new Gated();
        gated.Open();
        var read = KeptRead(cache, gated);
        Assert.That(await read(), Is.EqualTo(1));

        gated.Fail = true;
        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: true);
        var failed = false;
        for (var i = 0; i < 200 && !failed; i++)
        {
            try
            {
                Assert.That(await read(), Is.EqualTo(1), "at most the old value until the recomputation fails");
                await Task.Delay(20);
            }
            catch (InvalidOperationException)
            {
                failed = true;
            }
        }
        Assert.That(failed, Is.True, "once the background recomputation failed, the caller waits for one and sees its failure");

        gated.Fail = false;
        var fresh = await read();
        Assert.That(fresh, Is.GreaterThan(2), "computed again for the caller");
        Assert.That(await read(), Is.EqualTo(fresh), "and served again");
    }

    /// <summary>A clock the test moves (timers still run on the system's).</summary>
    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset;
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    [Test]
    public async Task No_value_is_served_longer_than_StaleFor_after_the_write_it_does_not_show()
    {
        var clock = new MovableClock();
        var cache = CacheOn(clock);
        var gated = new Gated();
        var read = KeptRead(cache, gated);
        Assert.That(await read(), Is.EqualTo(1));

        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: true);
        Assert.That(await read(), Is.EqualTo(1), "within StaleFor: the old value while the (held) recomputation runs");

        clock.Offset = ReadCache.StaleFor + TimeSpan.FromSeconds(1);
        var late = read();
        await Task.Delay(200);
        Assert.That(late.IsCompleted, Is.False, "past StaleFor the caller waits for the recomputation");
        gated.Open();
        Assert.That(await late, Is.EqualTo(2));
    }

    private ReadCache CacheOn(TimeProvider clock) => new(_host.Services.GetRequiredService<DbConnectionFactory>(), clock,
        _host.Services.GetRequiredService<IServiceScopeFactory>(),
        _host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadCache>.Instance);

    [Test]
    public async Task A_write_to_a_value_nobody_read_lately_is_noted_so_the_next_caller_gets_it_fresh()
    {
        var clock = new MovableClock();
        var cache = CacheOn(clock);
        var gated = new Gated();
        var read = KeptRead(cache, gated);
        Assert.That(await read(), Is.EqualTo(1));

        // Nobody reads it for longer than KeepFor: a write does not recompute it, but marks it.
        clock.Offset = ReadCache.KeepFor + TimeSpan.FromMinutes(1);
        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: true);
        await Task.Delay(300);
        Assert.That(gated.Runs, Is.EqualTo(1), "not recomputed for nobody");

        clock.Offset += ReadCache.StaleFor + TimeSpan.FromSeconds(1);
        var next = read();
        await Task.Delay(200);
        Assert.That(next.IsCompleted, Is.False, "the write is older than StaleFor: the caller waits rather than get the value it misses");
        gated.Open();
        Assert.That(await next, Is.EqualTo(2));
    }

    [Test]
    public async Task A_value_past_MaxAge_that_nothing_here_wrote_is_served_while_recomputed()
    {
        var clock = new MovableClock();
        var cache = CacheOn(clock);
        var gated = new Gated();
        var read = KeptRead(cache, gated);
        Assert.That(await read(), Is.EqualTo(1));

        clock.Offset = ReadCache.MaxAge + TimeSpan.FromSeconds(5);
        var aged = read();
        Assert.That(aged.IsCompletedSuccessfully, Is.True, "the first caller after a quiet spell does not wait");
        Assert.That(await aged, Is.EqualTo(1));
        gated.Open();
        Assert.That(await Eventually(read, 2), Is.EqualTo(2), "recomputed for writes other hosts may have made");

        clock.Offset = ReadCache.AgedFor + TimeSpan.FromMinutes(1);
        gated.Close();
        var old = read();
        await Task.Delay(200);
        Assert.That(old.IsCompleted, Is.False, "older than AgedFor: the caller waits");
        gated.Open();
        Assert.That(await old, Is.EqualTo(3));
    }

    [Test]
    public async Task A_value_kept_warm_for_nobody_is_recomputed_at_most_once_a_minute_after_writes_and_the_first_person_back_gets_it_at_once()
    {
        var clock = new MovableClock();
        var cache = CacheOn(clock);
        var gated = new Gated();
        var read = KeptRead(cache, gated);
        var warmed = 0;
        Func<Task> warm = () => ReadCache.WarmingAsync(async () => warmed = await read());
        await warm();
        Assert.That(warmed, Is.EqualTo(1));
        gated.Open();

        // Warm-up reads every four minutes for over KeepFor, no person reads: it is kept, and refreshed past MaxAge.
        for (var minutes = 4; minutes <= 32; minutes += 4)
        {
            clock.Offset = TimeSpan.FromMinutes(minutes);
            await warm();
            var runs = 1 + minutes / 4;
            Assert.That(await Eventually(() => Task.FromResult(gated.Runs), runs), Is.EqualTo(runs), "a warm-up past MaxAge recomputes it");
            Assert.That(await Eventually(async () => { await warm(); return warmed; }, runs), Is.EqualTo(runs));
        }
        Assert.That(cache.KeptCount, Is.EqualTo(1), "never dropped while kept warm");

        await WriteAsync("UPDATE staffing_settings SET version = version WHERE 1 = 0", commit: true);
        await Task.Delay(300);
        Assert.That(gated.Runs, Is.EqualTo(9), "a write does not recompute it at once for nobody (at most once a UnattendedInterval)");

        // The first person back, past StaleFor but within UnattendedInterval + StaleFor of the write: served at once, and
        // their read starts the recomputation that shows the write.
        clock.Offset += ReadCache.StaleFor + TimeSpan.FromSeconds(20);
        gated.Close();
        var first = read();
        Assert.That(first.IsCompletedSuccessfully, Is.True, "the person back does not wait");
        Assert.That(await first, Is.EqualTo(9));
        Assert.That(await Eventually(() => Task.FromResult(gated.Runs), 10), Is.EqualTo(10), "their read started the recomputation");
        var next = read();
        Assert.That(next.IsCompletedSuccessfully, Is.True, "the next person, while it runs, does not wait either");
        Assert.That(await next, Is.EqualTo(9));
        gated.Open();
        Assert.That(await Eventually(read, 10), Is.EqualTo(10), "the write shows when it lands");
    }

    [Test]
    public void An_unattended_value_is_recomputed_a_minute_after_the_last_once_writes_pause_or_ten_minutes_after_the_first_it_misses()
    {
        var now = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
        var sec = (double s) => TimeSpan.FromSeconds(s);
        // Computed 20 s ago: not before a minute has passed since.
        Assert.That(ReadCache.UnattendedWait(now - sec(20), now - sec(5), now - sec(5), now), Is.EqualTo(sec(40)));
        // Computed long ago, writes still coming (the last 1 s ago): until they have paused for UnattendedQuiet.
        Assert.That(ReadCache.UnattendedWait(now - sec(600), now - sec(30), now - sec(1), now), Is.EqualTo(ReadCache.UnattendedQuiet - sec(1)));
        // Writes paused: now.
        Assert.That(ReadCache.UnattendedWait(now - sec(600), now - sec(90), now - ReadCache.UnattendedQuiet - sec(1), now), Is.LessThanOrEqualTo(TimeSpan.Zero));
        // Writes that never pause: no longer than UnattendedLatest after the first one the value misses.
        Assert.That(ReadCache.UnattendedWait(now - sec(700), now - ReadCache.UnattendedLatest, now, now), Is.LessThanOrEqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Warm_ups_run_every_four_minutes_and_just_after_midnight_China_time()
    {
        Assert.That(KeptWarmReads.UntilNext(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero)), Is.EqualTo(KeptWarmReads.Interval));
        // 15:58 UTC is 23:58 in China: the next run is a second after midnight there.
        Assert.That(KeptWarmReads.UntilNext(new DateTimeOffset(2026, 12, 2, 15, 58, 0, TimeSpan.Zero)), Is.EqualTo(TimeSpan.FromSeconds(121)));
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
