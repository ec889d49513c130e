using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// A SQLite connection that stays open between units of work and keeps one prepared command per SQL text, so a
/// statement is compiled once per connection instead of once per call. Microsoft.Data.Sqlite keeps a statement
/// prepared only on the command that ran it, and Dapper makes a new command for every call; compiling the SQL (views
/// expanded, plans chosen) was half the time of a worker's training track. The commands handed out
/// (<see cref="CreateDbCommand"/>) collect text and parameters like any other and, when executed, run on the cached
/// command for their text (bound afresh each time); a text whose cached command still has a reader open runs uncached.
/// <see cref="DbConnectionFactory"/> lends these to <see cref="DbSession"/> and takes them back; SQL Server keeps its
/// own statement cache and does not use this.
/// </summary>
internal sealed class PreparedSqliteConnection : DbConnection
{
    /// <summary>Distinct SQL texts kept per connection; the least recently used is finalised beyond this.</summary>
    internal const int Capacity = 256;

    private readonly Dictionary<string, LinkedListNode<Prepared>> _prepared = new(StringComparer.Ordinal);
    private readonly LinkedList<Prepared> _recent = new();
    private SqliteTransaction? _transaction;

    public PreparedSqliteConnection(SqliteConnection inner)
    {
        Inner = inner;
    }

    internal SqliteConnection Inner { get; }

    /// <summary>Prepared texts held now (tests).</summary>
    internal int PreparedCount => _prepared.Count;

    /// <summary>Texts compiled into the cache so far, evicted ones included (tests).</summary>
    internal int Compilations { get; private set; }

    /// <summary>
    /// Fit to lend again: open, no transaction left open and no reader left unfinished (an abandoned streaming read
    /// would hold its snapshot and stop WAL checkpoints).
    /// </summary>
    internal bool Reusable => Inner.State == ConnectionState.Open
        && _transaction?.Connection is null
        && _recent.All(p => p.Reader is null || p.Reader.IsClosed);

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => throw new NotSupportedException("A prepared connection keeps the connection string it was opened with.");
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Open() => Inner.Open();

    public override void Close() => Inner.Close();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        _transaction = Inner.BeginTransaction(isolationLevel);
        return _transaction;
    }

    protected override DbCommand CreateDbCommand() => new Command(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var prepared in _recent)
            {
                prepared.Sqlite.Dispose();
            }
            _recent.Clear();
            _prepared.Clear();
            Inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The cached command for <paramref name="text"/>, or null when its last reader is still open.</summary>
    private Prepared? Rent(string text)
    {
        if (_prepared.TryGetValue(text, out var node))
        {
            if (node.Value.Reader is { IsClosed: false })
            {
                return null;
            }
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value;
        }
        var command = Inner.CreateCommand();
        command.CommandText = text;
        Compilations++;
        var created = _recent.AddFirst(new Prepared(command));
        _prepared[text] = created;
        while (_prepared.Count > Capacity && _recent.Last is { } oldest && oldest.Value.Reader is null or { IsClosed: true })
        {
            _recent.RemoveLast();
            _prepared.Remove(oldest.Value.Sqlite.CommandText);
            oldest.Value.Sqlite.Dispose();
        }
        return created.Value;
    }

    private sealed class Prepared(SqliteCommand sqlite)
    {
        public SqliteCommand Sqlite { get; } = sqlite;

        public SqliteDataReader? Reader { get; set; }
    }

    /// <summary>
    /// What Dapper and <see cref="DbSession"/> build: text and parameters gather on a scratch command of the inner
    /// connection; execution runs on the connection's cached command for the text.
    /// </summary>
    private sealed class Command : DbCommand
    {
        private readonly PreparedSqliteConnection _owner;
        private readonly SqliteCommand _scratch;

        public Command(PreparedSqliteConnection owner)
        {
            _owner = owner;
            _scratch = owner.Inner.CreateCommand();
        }

        [AllowNull]
        public override string CommandText
        {
            get => _scratch.CommandText;
            set => _scratch.CommandText = value;
        }

        public override int CommandTimeout
        {
            get => _scratch.CommandTimeout;
            set => _scratch.CommandTimeout = value;
        }

        public override CommandType CommandType
        {
            get => _scratch.CommandType;
            set => _scratch.CommandType = value;
        }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource
        {
            get => _scratch.UpdatedRowSource;
            set => _scratch.UpdatedRowSource = value;
        }

        protected override DbConnection? DbConnection
        {
            get => _owner;
            set
            {
                if (value is not null && !ReferenceEquals(value, _owner))
                {
                    throw new NotSupportedException("A prepared connection's command stays on its connection.");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => _scratch.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => _scratch.Transaction;
            set => _scratch.Transaction = (SqliteTransaction?)value;
        }

        public override void Cancel() => _scratch.Cancel();

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => _scratch.CreateParameter();

        public override int ExecuteNonQuery() => Run(c => c.ExecuteNonQuery());

        public override object? ExecuteScalar() => Run(c => c.ExecuteScalar());

        /// <summary>Runs a statement to its end on the cached command (its parameters let go after), or on the scratch one.</summary>
        private TResult Run<TResult>(Func<SqliteCommand, TResult> execute)
        {
            var prepared = Bind();
            if (prepared is null)
            {
                return execute(_scratch);
            }
            try
            {
                return execute(prepared.Sqlite);
            }
            finally
            {
                prepared.Sqlite.Parameters.Clear();
            }
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            var prepared = Bind();
            if (prepared is null)
            {
                return _scratch.ExecuteReader(behavior);
            }
            var reader = prepared.Sqlite.ExecuteReader(behavior);
            prepared.Reader = reader;
            return reader;
        }

        /// <summary>The cached command bound with this command's parameters and transaction (null: run the scratch itself).</summary>
        private Prepared? Bind()
        {
            if (CommandType != CommandType.Text || string.IsNullOrEmpty(CommandText))
            {
                return null;
            }
            var prepared = _owner.Rent(CommandText);
            if (prepared is null)
            {
                return null;
            }
            var target = prepared.Sqlite;
            target.Parameters.Clear();
            foreach (SqliteParameter parameter in _scratch.Parameters)
            {
                target.Parameters.Add(parameter);
            }
            target.Transaction = _scratch.Transaction;
            target.CommandTimeout = _scratch.CommandTimeout;
            prepared.Reader = null;
            return prepared;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _scratch.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
