using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// Values kept fresh in the background: for reads that take about a second on a whole city (its structure dashboard,
/// its competency heat map), too slow to recompute while the caller who follows a write waits. Such a value is
/// recomputed as soon as a module it reads is written (in its own DI scope, not the request's), and until that
/// recomputation lands, callers get the value it replaces. So a write shows after one recomputation (about a second
/// for a city), never later than <see cref="StaleFor"/> after it: a caller who comes later than that, or when the
/// recomputation failed, waits for a fresh value as with <see cref="GetAsync{T}(string, IReadOnlyList{string}, Func{Task{T}})"/>.
/// A value past <see cref="MaxAge"/> that this host has not written since (it can miss only other hosts' writes to a
/// shared SQL Server database) is served while it is recomputed if younger than <see cref="AgedFor"/>, so that the first
/// caller after a quiet spell does not wait either. Only values for which the read's rule says so are served while refreshing (a city's dashboard, not a street's: a
/// street's recomputes in milliseconds and its HR sees their own write at once); the others behave exactly as
/// <see cref="GetAsync{T}(string, IReadOnlyList{string}, Func{Task{T}})"/>. The computation must not depend on who asks
/// (it runs without the request): the key names the data, and the caller checks visibility before asking.
/// </summary>
public sealed partial class ReadCache
{
    /// <summary>How long after a write a value may still be served while its recomputation runs.</summary>
    public static readonly TimeSpan StaleFor = TimeSpan.FromSeconds(10);

    /// <summary>A kept value not read for this long is no longer recomputed after writes (and is dropped).</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A value older than <see cref="ReadCache.MaxAge"/> that this host has not written since is served while it is
    /// recomputed if it is younger than this (it can miss only other hosts' writes to a shared SQL Server database).
    /// </summary>
    public static readonly TimeSpan AgedFor = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A value kept warm (<see cref="KeptWarmReads"/>) that no person has read for <see cref="KeepFor"/> ("unattended") is
    /// recomputed after writes at most this often, and only once writes pause for <see cref="UnattendedQuiet"/> — or, under
    /// writes that never pause, <see cref="UnattendedLatest"/> after the first write it misses — so that keeping it does not
    /// compete with a burst of writes. A person who opens it then gets it at once, at most
    /// <see cref="UnattendedLatest"/> (plus <see cref="StaleFor"/>) behind, and their read starts its recomputation.
    /// </summary>
    public static readonly TimeSpan UnattendedInterval = TimeSpan.FromMinutes(1);

    /// <summary>How long writes must pause before an unattended value is recomputed.</summary>
    public static readonly TimeSpan UnattendedQuiet = TimeSpan.FromSeconds(30);

    /// <summary>How long after the first write it misses an unattended value is recomputed even if writes never pause.</summary>
    public static readonly TimeSpan UnattendedLatest = TimeSpan.FromMinutes(10);

    /// <summary>When this host last committed a write (ticks of the clock's UTC time).</summary>
    private long _lastWriteTicks;

    private static readonly AsyncLocal<bool> Warming = new();

    /// <summary>
    /// Runs <paramref name="read"/> as a warm-up (<see cref="KeptWarmReads"/>): the values it reads are kept as read, but
    /// not as read by a person.
    /// </summary>
    public static async Task WarmingAsync(Func<Task> read)
    {
        Warming.Value = true;
        try
        {
            await read();
        }
        finally
        {
            Warming.Value = false;
        }
    }

    /// <summary>While writes keep coming, a kept value is recomputed at most this often (after one follow-up at once).</summary>
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);

    /// <summary>Writes that arrive together start one recomputation, this long after the first.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    private const int MaxKept = 256;

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private int _subscribed;

    /// <summary>
    /// The value of <paramref name="key"/>, kept fresh as described on this part of the class. <paramref name="compute"/>
    /// gets a service provider of its own scope; <paramref name="serveWhileRefreshing"/> says of a computed value whether
    /// it may be served while its successor is computed.
    /// </summary>
    public async Task<T> GetKeptFreshAsync<T>(string key, IReadOnlyList<string> dependsOn,
        Func<IServiceProvider, CancellationToken, Task<T>> compute, Func<T, bool> serveWhileRefreshing, CancellationToken ct)
    {
        Subscribe();
        var now = clock.GetUtcNow();
        if (!_kept.TryGetValue(key, out var kept))
        {
            Sweep(now);
            kept = _kept.GetOrAdd(key, _ => new Kept([.. dependsOn],
                async (services, token) => await compute(services, token),
                value => serveWhileRefreshing((T)value!)));
        }
        Task<object?> fresh;
        var warming = Warming.Value;
        lock (kept)
        {
            // Unattended: kept warm, but no person has read it lately (see UnattendedInterval).
            var unattended = now - kept.LastRead >= KeepFor && now - kept.LastWarmed < KeepFor;
            if (warming)
            {
                kept.LastWarmed = now;
            }
            else
            {
                kept.LastRead = now;
            }
            var generation = factory.Generations.Of(kept.DependsOn);
            if (kept.HasValue)
            {
                var written = kept.Generation != generation;
                var age = now - kept.ComputedAt;
                if (!written && age < MaxAge)
                {
                    return (T)kept.Value!;
                }
                if (!written)
                {
                    // Past MaxAge with no write by this host: only other hosts' writes can be missing.
                    kept.OutdatedSince ??= now;
                }
                // This host's writes show at most StaleFor after the first one the value misses (noted when it landed);
                // other hosts' (age past MaxAge, nothing written here) by the recomputation this read starts, if the value
                // is younger than AgedFor.
                var serve = written
                    ? kept.OutdatedSince is { } outdated && now - outdated <= (unattended ? UnattendedLatest + StaleFor : StaleFor)
                    : age < AgedFor;
                if (kept.ServeWhileRefreshing && serve)
                {
                    EnsureRunning(kept);
                    if (unattended && !warming)
                    {
                        // A person is back: the recomputation paced for nobody starts now, and from now on the value is
                        // served while it runs as for any value people read (StaleFor from now), not only to them.
                        kept.OutdatedSince = now;
                        kept.Woken.TrySetResult();
                    }
                    return (T)kept.Value!;
                }
            }
            // Wait for a value computed from at least this generation; past MaxAge with no write seen, for one computed
            // from now on (writes by other hosts); a computation under way from this generation serves concurrent misses.
            var since = kept.HasValue && kept.Generation == generation ? now : DateTimeOffset.MinValue;
            var waiter = new Waiter(generation, since, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
            kept.Waiters.Add(waiter);
            kept.Woken.TrySetResult();
            EnsureRunning(kept);
            fresh = waiter.Completion.Task;
        }
        return (T)(await fresh.WaitAsync(ct))!;
    }

    /// <summary>How many values are kept fresh (tests).</summary>
    internal int KeptCount => _kept.Count;

    /// <summary>The keys of the values kept fresh that hold a value (tests).</summary>
    internal IReadOnlyList<string> KeptKeys => _kept.Where(k => k.Value.HasValue).Select(k => k.Key).ToList();

    private void Subscribe()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            factory.Generations.Advanced += OnWritten;
        }
    }

    /// <summary>
    /// A write landed: every value that reads a module written notes when it became outdated; those served while
    /// refreshing and read lately (<see cref="KeepFor"/>) start their recomputation.
    /// </summary>
    private void OnWritten(IReadOnlyCollection<string> modules)
    {
        var now = clock.GetUtcNow();
        Interlocked.Exchange(ref _lastWriteTicks, now.UtcTicks);
        foreach (var kept in _kept.Values)
        {
            if (!modules.Contains(WrittenModules.Unknown) && !kept.DependsOn.Any(d => modules.Contains(d, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }
            lock (kept)
            {
                if (!kept.HasValue)
                {
                    continue;
                }
                // Noted for every value (a value nobody reads now must not be served later as if the write were recent);
                // recomputed at once for those read lately.
                kept.OutdatedSince ??= now;
                if (kept.ServeWhileRefreshing && (now - kept.LastRead < KeepFor || now - kept.LastWarmed < KeepFor))
                {
                    EnsureRunning(kept);
                }
            }
        }
    }

    /// <summary>Starts the entry's recomputation loop unless it runs (called under the entry's lock).</summary>
    private void EnsureRunning(Kept kept)
    {
        if (kept.Running)
        {
            return;
        }
        kept.Running = true;
        // Without the caller's execution context: the computation belongs to no request (no HttpContext, no user). When a
        // caller waits for it, on the thread pool as the caller's own work would be; when it only refreshes a value that is
        // served meanwhile, on threads of their own (see RecomputeScheduler), so as not to hold the pool's.
        var scheduler = kept.Waiters.Count > 0 ? TaskScheduler.Default : Recomputing;
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Factory.StartNew(() => RunAsync(kept), CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();
        }
    }

    /// <summary>
    /// Recomputations that refresh a value served meanwhile run on two dedicated threads, not on the thread pool: a city's
    /// takes about a second of synchronous SQLite reads, and on a two-core server two of them held both pool threads while
    /// requests queued behind them (a street's 16 ms dashboard measured 1.5 s at p95 that way). Two, so that a city's
    /// dashboard and forecast after the same write are recomputed side by side (one thread: the write showed after 2 s,
    /// not 1.4 s). Their awaits continue on these threads too.
    /// </summary>
    private static readonly RecomputeScheduler Recomputing = new(threads: 2);

    private sealed class RecomputeScheduler : TaskScheduler
    {
        private readonly System.Collections.Concurrent.BlockingCollection<Task> _queue = [];

        public RecomputeScheduler(int threads)
        {
            MaximumConcurrencyLevel = threads;
            for (var i = 0; i < threads; i++)
            {
                new Thread(() =>
                {
                    BackgroundPriority.Lower();
                    foreach (var task in _queue.GetConsumingEnumerable())
                    {
                        TryExecuteTask(task);
                    }
                })
                {
                    IsBackground = true,
                    Name = "cw-kept-fresh",
                }.Start();
            }
        }

        public override int MaximumConcurrencyLevel { get; }

        protected override void QueueTask(Task task) => _queue.Add(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();
    }

    /// <summary>
    /// Recomputes while someone waits or the value is outdated and still read; one computation at a time per entry.
    /// After a computation that left the value outdated (a write landed while it ran), the next starts at once; after a
    /// second one in a row (writes keep coming), no sooner than <see cref="MinInterval"/> or the time the last one took,
    /// so that a stream of writes costs a city-wide value at most about a fifth of a core.
    /// </summary>
    private async Task RunAsync(Kept kept)
    {
        var stopping = lifetime.ApplicationStopping;
        var pause = Coalesce;
        var outdatedInARow = 0;
        TimeSpan? unattendedWait = null;
        while (true)
        {
            lock (kept)
            {
                var outdated = !kept.HasValue || kept.Generation != factory.Generations.Of(kept.DependsOn)
                    || clock.GetUtcNow() - kept.ComputedAt >= MaxAge;
                var now = clock.GetUtcNow();
                var wanted = kept.Waiters.Count > 0
                    || (outdated && kept.ServeWhileRefreshing && (now - kept.LastRead < KeepFor || now - kept.LastWarmed < KeepFor)
                        && kept.OutdatedSince is not null);
                if (!wanted || stopping.IsCancellationRequested)
                {
                    kept.Running = false;
                    foreach (var waiter in kept.Waiters)
                    {
                        waiter.Completion.TrySetCanceled(stopping);
                    }
                    kept.Waiters.Clear();
                    return;
                }
                if (kept.Waiters.Count > 0)
                {
                    pause = TimeSpan.Zero;
                }
                else if (now - kept.LastRead >= KeepFor && kept.HasValue && UnattendedWait(kept, now) is var wait && wait > TimeSpan.Zero)
                {
                    // Kept warm for nobody reading: wait (a person's read or a caller who waits ends it), then look again.
                    unattendedWait = wait;
                }
            }
            if (unattendedWait is { } waitFor)
            {
                unattendedWait = null;
                Task wakeUp;
                lock (kept)
                {
                    kept.Woken = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    wakeUp = kept.Waiters.Count > 0 ? Task.CompletedTask : kept.Woken.Task;
                }
                await Task.WhenAny(Task.Delay(waitFor, clock, stopping), wakeUp);
                continue;
            }
            if (pause > TimeSpan.Zero)
            {
                Task woken;
                lock (kept)
                {
                    kept.Woken = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    woken = kept.Waiters.Count > 0 ? Task.CompletedTask : kept.Woken.Task;
                }
                // A caller who cannot be served the old value ends the pause.
                await Task.WhenAny(Task.Delay(pause, clock, stopping), woken);
                if (stopping.IsCancellationRequested)
                {
                    continue;
                }
            }
            var generation = factory.Generations.Of(kept.DependsOn);
            var started = clock.GetUtcNow();
            var watch = Stopwatch.StartNew();
            object? value = null;
            Exception? failure = null;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                value = await kept.Compute(scope.ServiceProvider, stopping);
            }
            catch (Exception error)
            {
                failure = error;
                if (!stopping.IsCancellationRequested)
                {
                    logger.LogWarning(error, "Recomputing a kept read failed");
                }
            }
            var took = watch.Elapsed;
            lock (kept)
            {
                var served = kept.Waiters.Where(w => w.Generation <= generation && w.Since <= started).ToList();
                foreach (var waiter in served)
                {
                    kept.Waiters.Remove(waiter);
                    if (failure is null)
                    {
                        waiter.Completion.TrySetResult(value);
                    }
                    else
                    {
                        waiter.Completion.TrySetException(failure);
                    }
                }
                if (failure is null)
                {
                    kept.Value = value;
                    kept.HasValue = true;
                    kept.Generation = generation;
                    kept.ComputedAt = started;
                    kept.ServeWhileRefreshing = kept.Serve(value);
                    // Still outdated: by writes made since this computation started.
                    kept.OutdatedSince = generation == factory.Generations.Of(kept.DependsOn) ? null : started;
                }
                else
                {
                    // Served no longer while refreshing: the next caller waits for a fresh value (and sees the failure).
                    kept.ServeWhileRefreshing = false;
                    kept.OutdatedSince = null;
                }
            }
            bool stillOutdated;
            lock (kept)
            {
                stillOutdated = failure is null && kept.OutdatedSince is not null;
            }
            outdatedInARow = stillOutdated ? outdatedInARow + 1 : 0;
            pause = outdatedInARow >= 2 ? (took > MinInterval ? took : MinInterval) : Coalesce;
        }
    }

    /// <summary>
    /// How long an unattended value waits before its recomputation: until <see cref="UnattendedInterval"/> after the last
    /// and writes have paused for <see cref="UnattendedQuiet"/>, but no later than <see cref="UnattendedLatest"/> after the
    /// first write it misses (called under the entry's lock).
    /// </summary>
    private TimeSpan UnattendedWait(Kept kept, DateTimeOffset now) =>
        UnattendedWait(kept.ComputedAt, kept.OutdatedSince, new DateTimeOffset(Interlocked.Read(ref _lastWriteTicks), TimeSpan.Zero), now);

    internal static TimeSpan UnattendedWait(DateTimeOffset computedAt, DateTimeOffset? outdatedSince, DateTimeOffset lastWrite, DateTimeOffset now)
    {
        var spaced = computedAt + UnattendedInterval - now;
        if (outdatedSince is { } since && now - since >= UnattendedLatest)
        {
            return spaced;
        }
        var quiet = lastWrite + UnattendedQuiet - now;
        return spaced > quiet ? spaced : quiet;
    }

    /// <summary>Drops values not read for <see cref="KeepFor"/> (and everything idle past the bound on their number).</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, kept) in _kept)
        {
            lock (kept)
            {
                if (!kept.Running && ((now - kept.LastRead >= KeepFor && now - kept.LastWarmed >= KeepFor) || _kept.Count >= MaxKept))
                {
                    _kept.TryRemove(new KeyValuePair<string, Kept>(key, kept));
                }
            }
        }
    }

    private sealed class Kept(string[] dependsOn, Func<IServiceProvider, CancellationToken, Task<object?>> compute, Func<object?, bool> serve)
    {
        public string[] DependsOn { get; } = dependsOn;
        public Func<IServiceProvider, CancellationToken, Task<object?>> Compute { get; } = compute;
        public Func<object?, bool> Serve { get; } = serve;
        public List<Waiter> Waiters { get; } = [];
        public object? Value { get; set; }
        public bool HasValue { get; set; }
        public long Generation { get; set; }
        public DateTimeOffset ComputedAt { get; set; }
        /// <summary>When a person last read it.</summary>
        public DateTimeOffset LastRead { get; set; }

        /// <summary>When <see cref="KeptWarmReads"/> last read it.</summary>
        public DateTimeOffset LastWarmed { get; set; }
        public DateTimeOffset? OutdatedSince { get; set; }
        public bool ServeWhileRefreshing { get; set; }
        public bool Running { get; set; }
        public TaskCompletionSource Woken { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A caller waiting for a value computed from at least <paramref name="Generation"/>, starting no earlier than <paramref name="Since"/>.</summary>
    private sealed record Waiter(long Generation, DateTimeOffset Since, TaskCompletionSource<object?> Completion);
}
