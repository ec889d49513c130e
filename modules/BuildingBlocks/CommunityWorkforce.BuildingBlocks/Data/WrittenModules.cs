using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// Which modules a SQL statement writes, read from the names of the tables it inserts into, updates, deletes from or
/// merges into: every table is named after its module (<c>staffing_postings</c> → <c>staffing</c>). A statement that
/// writes but whose target cannot be read (an aliased <c>UPDATE p … FROM</c>) counts as writing every module, so a
/// cache keyed on <see cref="WriteGenerations"/> can over-invalidate but never serve what a write has changed.
/// </summary>
public static partial class WrittenModules
{
    /// <summary>The statement writes tables, but which module's could not be told.</summary>
    public const string Unknown = "*";

    private static readonly ConcurrentDictionary<string, string[]> Known = new(StringComparer.Ordinal);
    private const int MaxKnown = 4096;

    /// <summary>The modules <paramref name="sql"/> writes (empty for a read).</summary>
    public static string[] Of(string sql)
    {
        if (Known.TryGetValue(sql, out var modules))
        {
            return modules;
        }
        modules = Classify(sql);
        if (Known.Count < MaxKnown)
        {
            Known.TryAdd(sql, modules);
        }
        return modules;
    }

    private static string[] Classify(string sql)
    {
        var writes = WriteKeyword().Matches(sql).Count;
        if (writes == 0)
        {
            return [];
        }
        var targets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var named = 0;
        foreach (Match match in WriteTarget().Matches(sql))
        {
            targets.Add(match.Groups[1].Value.ToLowerInvariant());
            named++;
        }
        // "INSERT … ON CONFLICT … DO UPDATE SET" has two write keywords and one target, and that is fully known.
        var upserts = UpsertUpdate().Matches(sql).Count;
        return named == 0 || named < writes - upserts ? [Unknown] : [.. targets];
    }

    [GeneratedRegex(@"\b(?:INSERT|UPDATE|DELETE|MERGE)\b|\bREPLACE\s+INTO\b", RegexOptions.IgnoreCase)]
    private static partial Regex WriteKeyword();

    [GeneratedRegex(@"\b(?:INSERT(?:\s+OR\s+[A-Za-z]+)?\s+INTO|UPDATE|DELETE\s+FROM|DELETE|MERGE(?:\s+INTO)?|REPLACE\s+INTO)\s+\[?(?:dbo\]?\.\[?)?([A-Za-z]+)_[A-Za-z0-9_]+", RegexOptions.IgnoreCase)]
    private static partial Regex WriteTarget();

    [GeneratedRegex(@"\bDO\s+UPDATE\b|\bWHEN\s+MATCHED\s+THEN\s+UPDATE\b|\bTHEN\s+INSERT\b|\bNOT\s+MATCHED\s+THEN\s+INSERT\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpsertUpdate();
}

/// <summary>
/// One counter per module that grows after every write this process makes to that module's tables (after an
/// autocommit statement, after each commit or rollback of a transaction that wrote them). A value computed from the
/// database after reading <see cref="Of"/> for the modules it reads is still current while that sum has not moved —
/// for this process's writes; other hosts sharing a SQL Server database do not move it, so caches also expire by age.
/// </summary>
public sealed class WriteGenerations
{
    private readonly ConcurrentDictionary<string, Counter> _modules = new(StringComparer.OrdinalIgnoreCase);
    private readonly Counter _unknown = new();

    /// <summary>The sum of the counters of <paramref name="modules"/>: it moves when any of them is written.</summary>
    public long Of(IReadOnlyList<string> modules)
    {
        var sum = Interlocked.Read(ref _unknown.Value) * (modules.Count + 1);
        foreach (var module in modules)
        {
            sum += Interlocked.Read(ref CounterOf(module).Value);
        }
        return sum;
    }

    /// <summary>
    /// Raised after the counters of the modules named moved (<see cref="WrittenModules.Unknown"/> among them: every
    /// module), on the writer's thread right after its commit: handlers must be quick and must not throw.
    /// </summary>
    public event Action<IReadOnlyCollection<string>>? Advanced;

    internal void Advance(IEnumerable<string> modules)
    {
        var advanced = Advanced is null ? null : new List<string>();
        foreach (var module in modules)
        {
            Interlocked.Increment(ref (module == WrittenModules.Unknown ? _unknown : CounterOf(module)).Value);
            advanced?.Add(module);
        }
        if (advanced is { Count: > 0 })
        {
            Advanced?.Invoke(advanced);
        }
    }

    private Counter CounterOf(string module) => _modules.GetOrAdd(module, static _ => new Counter());

    private sealed class Counter
    {
        public long Value;
    }
}
