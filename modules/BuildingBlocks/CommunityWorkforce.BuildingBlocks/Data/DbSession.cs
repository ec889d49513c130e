using System.Data;
using System.Data.Common;
using CommunityWorkforce.BuildingBlocks.Events;
using Dapper;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// The unit of work of one request: one connection and, once <see cref="BeginAsync"/> is called, one transaction
/// shared by every module taking part. All SQL goes through here so that it is rendered for the configured dialect
/// and joined to the open transaction. Integration events raised during the work are published after commit.
/// </summary>
public sealed class DbSession : IAsyncDisposable
{
    private readonly DbConnectionFactory _factory;
    private readonly EventPublisher _events;
    private readonly List<object> _pendingEvents = [];
    private readonly HashSet<string> _writtenModules = new(StringComparer.OrdinalIgnoreCase);
    private DbConnection? _connection;
    /// <summary>SQLite, during a write transaction: the session's own connection, set aside while the writer's is in use.</summary>
    private DbConnection? _readConnection;
    private DbTransaction? _transaction;
    private bool _holdsWriteGate;
    private bool _rollbackOnly;
    private readonly List<Func<CancellationToken, Task>> _beforeCommit = [];
    private long _transactionNumber;

    public DbSession(DbConnectionFactory factory, EventPublisher events)
    {
        _factory = factory;
        _events = events;
    }

    public SqlDialect Dialect => _factory.Dialect;

    public bool InTransaction => _transaction is not null;

    /// <summary>
    /// An inner unit of work (a nested <see cref="BeginAsync"/>, e.g. another module's command) ended without committing:
    /// the transaction may only roll back. Committing it throws, so a refusal inside can never be committed by the outer owner.
    /// </summary>
    public bool RollbackOnly => _rollbackOnly;

    /// <summary>Counts the transactions this session has begun: tells work buffered for one from work for the next.</summary>
    public long TransactionNumber => _transactionNumber;

    /// <summary>
    /// Runs <paramref name="work"/> when the open transaction commits, after every other statement of the unit of work and
    /// inside it (rows buffered during the work and written in one statement: the audit trail); forgotten on rollback.
    /// If it fails, the transaction rolls back.
    /// </summary>
    public void BeforeCommit(Func<CancellationToken, Task> work)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("Work before commit is registered inside a transaction.");
        }
        _beforeCommit.Add(work);
    }

    /// <summary>
    /// Starts the transaction. Nested calls join the one already open; only the outermost caller commits.
    /// On SQLite this is BEGIN IMMEDIATE, so writers queue instead of failing on lock upgrade.
    /// </summary>
    public async Task<Transaction> BeginAsync(CancellationToken ct)
    {
        if (_transaction is not null)
        {
            return new Transaction(this, owner: false);
        }
        DbConnection connection;
        if (_factory.WriteGate is { } gate)
        {
            // SQLite: the transaction runs on the host's writer connection, whose page cache no other writer invalidates
            // (DbConnectionFactory.WriterAsync); the request's own connection serves its reads again once it ends.
            await gate.WaitAsync(ct);
            try
            {
                connection = await _factory.WriterAsync(ct);
            }
            catch
            {
                // Nothing swapped yet: the session keeps its own connection.
                gate.Release();
                throw;
            }
            _holdsWriteGate = true;
            _readConnection = _connection;
            _connection = connection;
        }
        else
        {
            connection = await ConnectionAsync(ct);
        }
        try
        {
            _transaction = await connection.BeginTransactionAsync(
                _factory.Provider == DatabaseProvider.SqlServer ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable,
                ct);
        }
        catch
        {
            ReleaseWriteGate();
            throw;
        }
        _transactionNumber++;
        return new Transaction(this, owner: true);
    }

    /// <summary>Publishes <paramref name="integrationEvent"/> to in-process handlers once the transaction commits.</summary>
    public void RaiseAfterCommit(object integrationEvent)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("Events are raised inside a transaction.");
        }
        _pendingEvents.Add(integrationEvent);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        try
        {
            var rows = await connection.QueryAsync<T>(Command(sql, param, ct));
            await AutocommitDurableAsync();
            return rows.AsList();
        }
        finally
        {
            AfterStatement();
        }
    }

    /// <summary>Rows one at a time as the reader yields them (exports); enumerate before the session ends.</summary>
    public async Task<IEnumerable<T>> QueryStreamAsync<T>(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        return connection.Query<T>(new CommandDefinition(Dialect.BindPage(Dialect.Render(sql), param), param, _transaction,
            flags: CommandFlags.None, cancellationToken: ct));
    }

    /// <summary>
    /// Hands each row to <paramref name="row"/> straight off the data reader, materialising nothing: for folding many rows
    /// into a few sums (a city's heat map reads a million) where building an object per row would cost more than the query.
    /// </summary>
    public async Task ReadEachAsync(string sql, object? param, Action<DbDataReader> row, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        await using var reader = await connection.ExecuteReaderAsync(Command(sql, param, ct));
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        try
        {
            var row = await connection.QuerySingleOrDefaultAsync<T>(Command(sql, param, ct));
            await AutocommitDurableAsync();
            return row;
        }
        finally
        {
            AfterStatement();
        }
    }

    public async Task<T> ExecuteScalarAsync<T>(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        try
        {
            var value = await connection.ExecuteScalarAsync<T>(Command(sql, param, ct));
            await AutocommitDurableAsync();
            return value!;
        }
        finally
        {
            AfterStatement();
        }
    }

    public async Task<int> ExecuteAsync(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        int affected;
        try
        {
            affected = await connection.ExecuteAsync(Command(sql, param, ct));
            await AutocommitDurableAsync();
        }
        finally
        {
            if (_transaction is null)
            {
                AdvanceWritten();
            }
        }
        return affected;
    }

    /// <summary>
    /// Runs one statement once per row on a single command that is prepared once and re-bound for each row (a batch of
    /// inserts or updates: no per-row command set-up or SQL compilation). The public properties of <typeparamref name="T"/>
    /// are the parameters, by name, as Dapper binds them. Returns each row's affected count, in order.
    /// </summary>
    public Task<int[]> ExecuteEachAsync<T>(string sql, IReadOnlyList<T> rows, CancellationToken ct) =>
        ExecuteEachAsync(sql, rows, static row => row, ct);

    /// <summary>
    /// As <see cref="ExecuteEachAsync{T}(string, IReadOnlyList{T}, CancellationToken)"/>, binding <paramref name="bind"/> of
    /// each source row: the bound values are built one at a time as the statement runs and dropped after it, so a batch of
    /// tens of thousands never holds them all at once.
    /// </summary>
    public async Task<int[]> ExecuteEachAsync<TSource, T>(string sql, IReadOnlyList<TSource> rows, Func<TSource, T> bind, CancellationToken ct)
    {
        var affected = new int[rows.Count];
        if (rows.Count == 0)
        {
            return affected;
        }
        var connection = await ConnectionAsync(ct);
        try
        {
            Writes(sql);
            await using var command = connection.CreateCommand();
            command.CommandText = Dialect.Render(sql);
            command.Transaction = _transaction;
            var properties = typeof(T).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
            var parameters = new DbParameter[properties.Length];
            for (var i = 0; i < properties.Length; i++)
            {
                parameters[i] = command.CreateParameter();
                parameters[i].ParameterName = "@" + properties[i].Name;
                command.Parameters.Add(parameters[i]);
            }
            for (var r = 0; r < rows.Count; r++)
            {
                var bound = bind(rows[r]);
                for (var i = 0; i < properties.Length; i++)
                {
                    var value = properties[i].GetValue(bound);
                    if (value is DateOnly)
                    {
                        parameters[i].DbType = DbType.Date;
                    }
                    parameters[i].Value = value ?? DBNull.Value;
                }
                affected[r] = await command.ExecuteNonQueryAsync(ct);
            }
            await AutocommitDurableAsync();
            return affected;
        }
        finally
        {
            if (_transaction is null)
            {
                AdvanceWritten();
            }
        }
    }

    private async Task<DbConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is null)
        {
            _connection = await _factory.RentAsync(ct);
        }
        return _connection;
    }

    private CommandDefinition Command(string sql, object? param, CancellationToken ct)
    {
        Writes(sql);
        return new(Dialect.BindPage(Dialect.Render(sql), param), param, _transaction, cancellationToken: ct);
    }

    /// <summary>Notes the modules <paramref name="sql"/> writes, advanced once its transaction (or the statement) ends.</summary>
    private void Writes(string sql)
    {
        foreach (var module in WrittenModules.Of(sql))
        {
            _writtenModules.Add(module);
        }
    }

    /// <summary>After an autocommit statement, or when a transaction ends: the modules written move their counters.</summary>
    private void AdvanceWritten()
    {
        _factory.AdvanceWriteGeneration();
        if (_writtenModules.Count > 0)
        {
            _factory.Generations.Advance(_writtenModules);
            _writtenModules.Clear();
        }
    }

    /// <summary>Statements outside a transaction are committed as they run: advance right after each.</summary>
    private void AfterStatement()
    {
        if (_transaction is null && _writtenModules.Count > 0)
        {
            AdvanceWritten();
        }
    }

    private async Task CommitAsync(CancellationToken ct)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction to commit.");
        if (_rollbackOnly)
        {
            await RollbackAsync();
            throw new InvalidOperationException(
                "An inner unit of work ended without committing, so the transaction was rolled back instead of committed.");
        }
        try
        {
            // Work registered while running may register more (it runs in order, to the end).
            for (var i = 0; i < _beforeCommit.Count; i++)
            {
                await _beforeCommit[i](ct);
            }
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
        _beforeCommit.Clear();
        long commit;
        try
        {
            await transaction.CommitAsync(ct);
            commit = _factory.LogSync?.Committed() ?? 0;
            await transaction.DisposeAsync();
            _transaction = null;
        }
        finally
        {
            AdvanceWritten();
            if (_transaction is null)
            {
                ReleaseWriteGate();
            }
        }
        // Grouped commits: on disk before the request goes on, synced outside the write gate (WalGroupSync).
        await DurableAsync(commit);
        var events = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        foreach (var integrationEvent in events)
        {
            await _events.PublishAsync(integrationEvent, ct);
        }
    }

    private async Task RollbackAsync()
    {
        if (_transaction is null)
        {
            return;
        }
        _pendingEvents.Clear();
        _beforeCommit.Clear();
        _rollbackOnly = false;
        try
        {
            await _transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
            AdvanceWritten();
            ReleaseWriteGate();
        }
    }

    private Task DurableAsync(long commit) => _factory.LogSync is { } sync && commit > 0 ? sync.DurableAsync(commit) : Task.CompletedTask;

    /// <summary>After a statement that ran outside a transaction (its own commit): wait for it to be on disk as a commit does.</summary>
    private Task AutocommitDurableAsync() => _factory.LogSync is { } sync && _transaction is null && _writtenModules.Count > 0
        ? sync.DurableAsync(sync.Committed())
        : Task.CompletedTask;

    private void ReleaseWriteGate()
    {
        if (_holdsWriteGate)
        {
            _holdsWriteGate = false;
            var writer = _connection!;
            _connection = _readConnection;
            _readConnection = null;
            _factory.ReturnWriter(writer);
            _factory.WriteGate!.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RollbackAsync();
        }
        finally
        {
            if (_connection is not null)
            {
                var connection = _connection;
                _connection = null;
                await _factory.ReturnAsync(connection);
            }
        }
    }

    /// <summary>Commit explicitly; disposing without commit rolls back (only the outermost owner acts).</summary>
    public sealed class Transaction : IAsyncDisposable
    {
        private readonly DbSession _session;
        private readonly bool _owner;
        private bool _completed;

        internal Transaction(DbSession session, bool owner)
        {
            _session = session;
            _owner = owner;
        }

        public async Task CommitAsync(CancellationToken ct)
        {
            _completed = true;
            if (_owner)
            {
                await _session.CommitAsync(ct);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_completed)
            {
                return;
            }
            if (_owner)
            {
                await _session.RollbackAsync();
            }
            else
            {
                _session._rollbackOnly = true;
            }
        }
    }
}
