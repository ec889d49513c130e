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

    /// <summary>
    /// Every commit is synced to disk before it returns (SQLite's <c>synchronous=FULL</c>): durable through power loss, but
    /// each commit waits for the disk while it holds the one write lock, so every queued writer waits for it too.
    /// </summary>
    Full,

    /// <summary>
    /// The default: as durable as <see cref="Full"/> — a request that committed goes on (and answers) only once its commit
    /// is synced to disk — but the sync happens after the write lock is released, and one sync covers every commit
    /// finished before it began (group commit, <see cref="WalGroupSync"/>). Another request may read a commit in the
    /// millisecond before it is synced; a power cut in that millisecond loses it together with everything written after
    /// it, never a part of it.
    /// </summary>
    Grouped,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public required string ConnectionString { get; init; }

    /// <summary>SQLite only: <c>Database:SqliteSynchronous</c>.</summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Grouped;
}
