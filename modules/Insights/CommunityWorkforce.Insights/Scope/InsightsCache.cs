namespace CommunityWorkforce.Insights.Scope;

/// <summary>
/// The insights reads' result cache (<see cref="ReadCache"/>). An entry is reused only while none of the modules whose
/// published views the read joins has been written by this host since it was computed, never past
/// <see cref="ReadCache.MaxAge"/> (30 s, which bounds staleness from writes made by other hosts sharing the database),
/// and never on another day. The key holds the read, the unit, every parameter and the caller's view (role and scope
/// pattern: the drill-down trail stops at the caller's scope), so two callers who may see different things never
/// share an entry.
/// </summary>
internal sealed class InsightsCache(ReadCache cache, CurrentUser user, TimeProvider clock)
{
    public const string Staffing = "staffing";
    public const string Training = "training";
    public const string Competency = "competency";
    public const string Career = "career";
    public const string Performance = "performance";

    public Task<T> GetAsync<T>(string read, UnitRef unit, string parameters, IReadOnlyList<string> dependsOn, Func<Task<T>> compute) =>
        cache.GetAsync(Key(read, unit, parameters), dependsOn, compute);

    /// <summary>The entry's key: read, unit, parameters, today's date, and the caller's role and scope pattern.</summary>
    public string Key(string read, UnitRef unit, string parameters) =>
        $"insights:{read}:{unit.Id:N}:{parameters}:{LocalDate.Today(clock):yyyy-MM-dd}:{user.Role}:{user.ScopePattern}";
}
