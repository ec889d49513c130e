using System.Collections.Concurrent;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// The few places where SQLite and SQL Server disagree. SQL constants are written once with tokens
/// (<c>{page}</c>, <c>{cat}</c>, <c>{substr}</c>, <c>{len}</c>, <c>{updlock}</c>) that each dialect renders.
/// Everything else in our SQL is the common subset of both.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect SqlServer = new SqlServerDialect();

    private readonly ConcurrentDictionary<string, string> _rendered = new();

    public abstract DatabaseProvider Provider { get; }

    protected abstract IReadOnlyList<(string Token, string Text)> Tokens { get; }

    public static SqlDialect For(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? SqlServer : Sqlite;

    /// <summary>Replaces the dialect tokens; results are cached per SQL text.</summary>
    public string Render(string sql) => _rendered.GetOrAdd(sql, RenderUncached);

    private string RenderUncached(string sql)
    {
        foreach (var (token, text) in Tokens)
        {
            sql = sql.Replace(token, text, StringComparison.Ordinal);
        }
        return sql;
    }

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override IReadOnlyList<(string, string)> Tokens { get; } =
        [
            ("{page}", "LIMIT @Take OFFSET @Skip"),
            ("{cat}", "||"),
            ("{substr}", "substr"),
            ("{len}", "length"),
            ("{updlock}", ""),
        ];
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
    }
}
