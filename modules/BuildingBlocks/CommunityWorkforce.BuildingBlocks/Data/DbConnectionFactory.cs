using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>Opens connections to the one database, SQLite or SQL Server, as configuration says.</summary>
public sealed class DbConnectionFactory : IDisposable
{
    /// <summary>Open SQLite connections kept for the next unit of work, each with its prepared statements (last in, first out: the warmest).</summary>
    internal const int MaxIdle = 64;

    private readonly System.Collections.Concurrent.ConcurrentStack<PreparedSqliteConnection> _idle = new();
    private int _idleCount;
    private bool _disposed;

    private readonly string _connectionString;
    private readonly string? _sqlitePragmas;

    /// <summary>SQLite handles (pooled across opens) whose per-connection pragmas are set.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = new();

    public DbConnectionFactory(DatabaseOptions options)
    {
        Provider = options.Provider;
        Dialect = SqlDialect.For(options.Provider);
        _connectionString = options.Provider == DatabaseProvider.Sqlite
            ? NormaliseSqlite(options.ConnectionString)
            : options.ConnectionString;
        _sqlitePragmas = options.Provider == DatabaseProvider.Sqlite
            // No checkpoint on commit: WalCheckpointer copies the log into the database in the background, so that the
            // writer whose commit crossed the 1,000-page mark no longer copies and syncs it while every queued writer waits.
            // Grouped: the commit does not sync; WalGroupSync does, after the write gate is released.
            ? $"PRAGMA synchronous={(options.SqliteSynchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; PRAGMA wal_autocheckpoint=0;"
            : null;
        TypeHandlers.Register();
        WriteGate = options.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;
        LogSync = options.Provider == DatabaseProvider.Sqlite && options.SqliteSynchronous == SqliteSynchronous.Grouped
            ? new WalGroupSync(new SqliteConnectionStringBuilder(_connectionString).DataSource)
            : null;
    }

    /// <summary>SQLite with <see cref="SqliteSynchronous.Grouped"/>: where a commit waits to be on disk (<see cref="DbSession"/>).</summary>
    public WalGroupSync? LogSync { get; }

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    public string ConnectionString => _connectionString;

    /// <summary>
    /// SQLite has one writer at a time. Queuing this process's write transactions here, in order, is far cheaper than
    /// letting them collide in SQLite and back off with sleeps (the busy handler), which made p95 write latency
    /// hundreds of milliseconds under 16 concurrent writers. SQL Server needs no such gate.
    /// </summary>
    internal SemaphoreSlim? WriteGate { get; }

    private long _writeGeneration;

    /// <summary>
    /// A number that grows after every write this process makes (after an autocommit statement, after each commit and
    /// rollback). A value computed from the database after reading <see cref="WriteGeneration"/> is still current while
    /// the number has not moved — for this process's writes. Caches keyed on it must also expire by age, because other
    /// hosts sharing a SQL Server database do not move it.
    /// </summary>
    public long WriteGeneration => Interlocked.Read(ref _writeGeneration);

    internal void AdvanceWriteGeneration() => Interlocked.Increment(ref _writeGeneration);

    /// <summary>Per-module write counters (finer than <see cref="WriteGeneration"/>): what <see cref="ReadCache"/> keys on.</summary>
    public WriteGenerations Generations { get; } = new();

    public DbConnection Create() => Provider == DatabaseProvider.SqlServer
        ? new SqlConnection(_connectionString)
        : new SqliteConnection(_connectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = Create();
        await connection.OpenAsync(ct);
        if (_sqlitePragmas is not null && connection is SqliteConnection { Handle: { } handle } sqlite
            && !_configured.TryGetValue(handle, out _))
        {
            // Per-connection settings live on the native handle, which the pool keeps across opens: set them once.
            using var pragma = sqlite.CreateCommand();
            pragma.CommandText = _sqlitePragmas;
            await pragma.ExecuteNonQueryAsync(ct);
            _configured.AddOrUpdate(handle, handle);
        }
        return connection;
    }

    /// <summary>
    /// A connection for a <see cref="DbSession"/>: on SQLite an open <see cref="PreparedSqliteConnection"/> from the idle
    /// set (its statements already compiled) or a new one; on SQL Server a pooled connection as from <see cref="OpenAsync"/>.
    /// Give it back with <see cref="ReturnAsync"/>.
    /// </summary>
    internal async Task<DbConnection> RentAsync(CancellationToken ct)
    {
        if (Provider == DatabaseProvider.SqlServer)
        {
            return await OpenAsync(ct);
        }
        if (_idle.TryPop(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }
        return new PreparedSqliteConnection((SqliteConnection)await OpenAsync(ct));
    }

    /// <summary>SQLite: the one connection every write transaction of this host runs on (<see cref="WriterAsync"/>).</summary>
    private PreparedSqliteConnection? _writer;

    /// <summary>Pages of the writer connection's cache, in KiB as <c>PRAGMA cache_size</c> takes a negative number.</summary>
    internal const int WriterCacheKiB = 8 * 1024;

    /// <summary>
    /// SQLite: the connection for a write transaction; the caller holds <see cref="WriteGate"/> until it calls
    /// <see cref="ReturnWriter"/>. In WAL mode a connection throws its whole page cache away when it begins a transaction
    /// after another connection has written, so a write transaction on a request's own connection read every b-tree page it
    /// touched again from the operating system (a write statement cost 0.1–0.2 ms, mostly that). With every write on this
    /// one connection, no other connection writes in between, and the b-trees' upper pages and the rows just written stay
    /// in its cache from one transaction to the next.
    /// </summary>
    internal async Task<DbConnection> WriterAsync(CancellationToken ct)
    {
        if (_writer is { } writer)
        {
            return writer;
        }
        var connection = (SqliteConnection)await OpenAsync(ct);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA cache_size=-{WriterCacheKiB};";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return _writer = new PreparedSqliteConnection(connection);
    }

    /// <summary>The write transaction on <see cref="WriterAsync"/>'s connection ended: keep it if fit, else close it.</summary>
    internal void ReturnWriter(DbConnection connection)
    {
        if (_writer is { } writer && ReferenceEquals(connection, writer) && (!writer.Reusable || Volatile.Read(ref _disposed)))
        {
            _writer = null;
            connection.Dispose();
        }
    }

    /// <summary>Takes back a rented connection: kept open for the next unit of work when fit and room remains, else closed.</summary>
    internal async ValueTask ReturnAsync(DbConnection connection)
    {
        if (connection is PreparedSqliteConnection prepared && !Volatile.Read(ref _disposed) && prepared.Reusable)
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Push(prepared);
                if (!Volatile.Read(ref _disposed))
                {
                    return;
                }
                CloseIdle();
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        await connection.DisposeAsync();
    }

    /// <summary>Closes the idle connections (the host stops; a test deletes the database file).</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        CloseIdle();
        Interlocked.Exchange(ref _writer, null)?.Dispose();
        LogSync?.Dispose();
    }

    private void CloseIdle()
    {
        while (_idle.TryPop(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            idle.Dispose();
        }
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
