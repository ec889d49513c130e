using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>Opens connections to the one database, SQLite or SQL Server, as configuration says.</summary>
public sealed class DbConnectionFactory
{
    private readonly string _connectionString;

    public DbConnectionFactory(DatabaseOptions options)
    {
        Provider = options.Provider;
        Dialect = SqlDialect.For(options.Provider);
        _connectionString = options.Provider == DatabaseProvider.Sqlite
            ? NormaliseSqlite(options.ConnectionString)
            : options.ConnectionString;
        TypeHandlers.Register();
    }

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    public string ConnectionString => _connectionString;

    public DbConnection Create() => Provider == DatabaseProvider.SqlServer
        ? new SqlConnection(_connectionString)
        : new SqliteConnection(_connectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = Create();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Foreign keys on, a generous busy timeout, pooling; WAL is set once by the migrator.</summary>
    private static string NormaliseSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }
}
