using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// The few places where SQLite and SQL Server disagree. SQL constants are written once with tokens
/// (<c>{page}</c>, <c>{cat}</c>, <c>{substr}</c>, <c>{len}</c>, <c>{updlock}</c>, <c>{scope:column}</c>) that each
/// dialect renders. Everything else in our SQL is the common subset of both.
/// </summary>
public abstract partial class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect SqlServer = new SqlServerDialect();

    private readonly ConcurrentDictionary<string, string> _rendered = new();

    public abstract DatabaseProvider Provider { get; }

    protected abstract IReadOnlyList<(string Token, string Text)> Tokens { get; }

    public static SqlDialect For(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? SqlServer : Sqlite;

    /// <summary>
    /// The rendered text for these arguments: on SQLite a paged statement gets its page's numbers (see the SQLite
    /// dialect); arguments without whole-number <c>Take</c> and <c>Skip</c> leave the parameters in place.
    /// </summary>
    public virtual string BindPage(string rendered, object? param) => rendered;

    /// <summary>Replaces the dialect tokens; results are cached per SQL text.</summary>
    public string Render(string sql) => _rendered.GetOrAdd(sql, RenderUncached);

    private string RenderUncached(string sql)
    {
        foreach (var (token, text) in Tokens)
        {
            sql = sql.Replace(token, text, StringComparison.Ordinal);
        }
        return ScopeToken().Replace(sql, m => Scope(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : "@Scope"));
    }

    /// <summary>
    /// <c>{scope:column}</c>: the column (an org path) lies in the subtree given by <c>@Scope</c>, a path pattern
    /// <c>/…/%</c> (or <c>-none-</c>, which matches nothing). Written as <c>LIKE @Scope</c> it would make SQLite prepare the
    /// statement twice — once, then again when the pattern is bound, to turn the LIKE into an index range — on every
    /// execution (measured: 9 % of the CPU of a write). SQLite gets the range itself.
    /// <c>{scope:column:@Param}</c> is the same with another pattern of that form (a unit filter, <c>@UnitPath</c>);
    /// a null pattern matches nothing, as <c>LIKE NULL</c> does.
    /// </summary>
    protected abstract string Scope(string column, string parameter);

    [GeneratedRegex(@"\{scope:([A-Za-z_][A-Za-z0-9_.]*)(?::(@[A-Za-z_][A-Za-z0-9_]*))?\}")]
    private static partial Regex ScopeToken();

    private sealed class SqliteDialect : SqlDialect
    {
        internal const string Page = "LIMIT @Take OFFSET @Skip";

        /// <summary>
        /// The page's numbers written into the text. SQLite (3.45 and later) plans a statement with the bound LIMIT, and a
        /// statement planned with a bound value is compiled again every time that parameter is bound — every execution
        /// (a worker's certificates: 120 µs with the parameters, 11 µs without; measured). Hiding the value
        /// (<c>@Take + 0</c>) stops the recompiling but costs the plan: a city's roster sorted by name then sorted 60,000
        /// rows instead of reading 20 off the name index (2,900 → 34 requests/s). Numbers in the text give both: one
        /// compiled statement per page shape, planned for its page. Only whole numbers from the arguments reach the text.
        /// </summary>
        public override string BindPage(string rendered, object? param) =>
            param is not null && rendered.Contains(Page, StringComparison.Ordinal) && PageBounds.Of(param) is var (take, skip)
                ? rendered.Replace(Page, string.Create(CultureInfo.InvariantCulture, $"LIMIT {take} OFFSET {skip}"), StringComparison.Ordinal)
                : rendered;

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override IReadOnlyList<(string, string)> Tokens { get; } =
        [
            ("{page}", Page),
            ("{cat}", "||"),
            ("{substr}", "substr"),
            ("{len}", "length"),
            ("{updlock}", ""),
        ];

        /// <summary>Paths starting with P = <c>@Scope</c> minus its <c>%</c> (P ends in '/') are exactly those in [P, P' + '0'),
        /// where P' is P without its final '/': no character sorts between '/' and '0'.</summary>
        protected override string Scope(string column, string parameter) =>
            $"({column} >= substr({parameter}, 1, length({parameter}) - 1) AND {column} < substr({parameter}, 1, length({parameter}) - 2) || '0')";
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

        protected override IReadOnlyList<(string, string)> Tokens { get; } =
        [
            ("{page}", "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY"),
            ("{cat}", "+"),
            ("{substr}", "SUBSTRING"),
            ("{len}", "LEN"),
            ("{updlock}", "WITH (UPDLOCK, HOLDLOCK)"),
        ];

        protected override string Scope(string column, string parameter) => $"{column} LIKE {parameter}";
    }
}

/// <summary>The <c>Take</c> and <c>Skip</c> of a paged statement's arguments, when they are whole numbers (read once per type).</summary>
internal static class PageBounds
{
    private static readonly ConcurrentDictionary<Type, Func<object, (long Take, long Skip)?>> Readers = new();

    public static (long Take, long Skip)? Of(object param) => Readers.GetOrAdd(param.GetType(), Reader)(param);

    private static Func<object, (long Take, long Skip)?> Reader(Type type)
    {
        var take = Whole(type.GetProperty("Take", BindingFlags.Public | BindingFlags.Instance));
        var skip = Whole(type.GetProperty("Skip", BindingFlags.Public | BindingFlags.Instance));
        if (take is null || skip is null)
        {
            return _ => null;
        }
        return param => take(param) is { } t && skip(param) is { } s && t >= 0 && s >= 0 ? (t, s) : null;
    }

    private static Func<object, long?>? Whole(PropertyInfo? property) => property?.PropertyType switch
    {
        { } t when t == typeof(int) => param => (int)property.GetValue(param)!,
        { } t when t == typeof(long) => param => (long)property.GetValue(param)!,
        { } t when t == typeof(int?) => param => (int?)property.GetValue(param),
        _ => null,
    };
}
