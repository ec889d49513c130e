using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// Keeps the result of an expensive read (a dashboard, a heat map, a ranking) until a write could have changed it.
/// An entry is reused only while none of the modules it depends on has been written by this process since it was
/// computed (<see cref="WriteGenerations"/>), and for at most <see cref="MaxAge"/>, which bounds how stale it can be
/// when other hosts share a SQL Server database. Concurrent requests for a missing entry share one computation.
/// The key must hold everything the result depends on besides the data: the scope, the filters, the caller's
/// view (masking) — two callers who may see different things must never share a key.
/// </summary>
/// <remarks>Reads too slow to compute while a caller waits use <see cref="GetKeptFreshAsync"/> (ReadCache.KeptFresh.cs).</remarks>
public sealed partial class ReadCache(DbConnectionFactory factory, TimeProvider clock, IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime, ILogger<ReadCache> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 2048;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The cached value of <paramref name="key"/>, or <paramref name="compute"/>'s. <paramref name="dependsOn"/> names
    /// the modules (table prefixes: "staffing", "training", …) whose data the value is computed from.
    /// </summary>
    public Task<T> GetAsync<T>(string key, IReadOnlyList<string> dependsOn, Func<Task<T>> compute) => GetAsync(key, dependsOn, compute, retry: true);

    /// <summary>
    /// When the shared computation fails (typically: the request that started it went away and its work was cancelled),
    /// its waiters try once more through the cache, so that one of them computes and the others wait for it — rather than
    /// every waiter computing on its own (sixteen city heat maps at once, each timing out in turn, under load).
    /// </summary>
    private async Task<T> GetAsync<T>(string key, IReadOnlyList<string> dependsOn, Func<Task<T>> compute, bool retry)
    {
        var generation = factory.Generations.Of(dependsOn);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var existing)
            && existing.Generation == generation && now - existing.ComputedAt < MaxAge)
        {
            try
            {
                return (T)(await existing.Value)!;
            }
            catch (Exception)
            {
                // The request that started the shared computation failed or went away: once more through the cache.
                return retry ? await GetAsync(key, dependsOn, compute, retry: false) : await compute();
            }
        }
        var mine = new Entry(generation, now, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        var stored = existing is null ? _entries.TryAdd(key, mine) : _entries.TryUpdate(key, mine, existing);
        if (!stored)
        {
            if (_entries.TryGetValue(key, out var winner) && winner.Generation == generation)
            {
                try
                {
                    return (T)(await winner.Value)!;
                }
                catch (Exception)
                {
                    return retry ? await GetAsync(key, dependsOn, compute, retry: false) : await compute();
                }
            }
            return await compute();
        }
        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
            _entries.TryAdd(key, mine);
        }
        try
        {
            var value = await compute();
            mine.Completion.SetResult(value);
            return value;
        }
        catch (Exception error)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
            mine.Completion.SetException(error);
            throw;
        }
    }

    private sealed record Entry(long Generation, DateTimeOffset ComputedAt, TaskCompletionSource<object?> Completion)
    {
        public Task<object?> Value => Completion.Task;
    }
}
