using System.Collections.Concurrent;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>
/// Remembers roster totals between page requests. Paging through a district or the city asks for the same total on
/// every page, and counting 60,000 index entries costs more than the page itself. A total is reused only while this
/// process has written nothing since it was counted (<see cref="DbConnectionFactory.WriteGeneration"/>) and for at
/// most <see cref="MaxAge"/>, which bounds how old a total can be when another host shares a SQL Server database.
/// </summary>
internal sealed class RosterTotals(DbConnectionFactory factory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<int> GetAsync(string key, Func<Task<int>> count)
    {
        var generation = factory.WriteGeneration;
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && now - entry.CountedAt < MaxAge)
        {
            return entry.Total;
        }
        var total = await count();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(total, generation, now);
        return total;
    }

    private sealed record Entry(int Total, long Generation, DateTimeOffset CountedAt);
}
