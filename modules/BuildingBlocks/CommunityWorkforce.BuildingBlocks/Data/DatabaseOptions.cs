namespace CommunityWorkforce.BuildingBlocks.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>When SQLite makes a commit durable (<c>PRAGMA synchronous</c>), with the database in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// The WAL is synced at checkpoints, not at each commit. A commit survives the host process crashing (it is in the
    /// operating system's hands) but the last commits may be lost if the machine loses power or the OS crashes; the
    /// database is never corrupted either way. SQLite's recommended setting for WAL.
    /// </summary>
    Normal,

    /// <summary>Every commit is synced to disk before it returns: durable through power loss, slower writes.</summary>
    Full,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public required string ConnectionString { get; init; }

    /// <summary>SQLite only: <c>Database:SqliteSynchronous</c>.</summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Full;
}
