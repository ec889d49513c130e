namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// SQLite (WAL) with <see cref="SqliteSynchronous.Grouped"/>: a commit writes its pages to the log without syncing it
/// (<c>synchronous=NORMAL</c>), and the request that made it goes on only once a sync of the log that began after the
/// commit has finished. Acknowledged commits are as durable as with <c>synchronous=FULL</c>, but the sync no longer
/// happens inside the write gate (the next writer's transaction runs while the disk syncs), and one sync covers every
/// commit finished before it began instead of one sync per commit.
/// <para>
/// Rounds: a caller asks for its commit's number; if a sync is running that began after that commit it waits for it,
/// otherwise for the next round, which starts as soon as the running one ends and covers every commit finished by then.
/// The syncs run on one dedicated thread (a sync blocks for as long as the disk takes).
/// </para>
/// <para>
/// The log file is opened for each sync, so a log that SQLite deleted and created again is never synced through a stale
/// handle. No log file means nothing is waiting in one: SQLite removes it only after copying it into the database file
/// and syncing that. SQLite takes no locks on the log file (its WAL locks are on the <c>-shm</c> file and the database
/// file), so opening and closing it here cannot release a lock of SQLite's.
/// </para>
/// </summary>
public sealed class WalGroupSync : IDisposable
{
    private readonly Action _sync;
    private readonly object _lock = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _thread;
    private long _committed;
    private long _synced;
    private long _roundTarget;
    private TaskCompletionSource? _round;
    private TaskCompletionSource? _next;
    private long _rounds;
    private volatile bool _disposed;

    public WalGroupSync(string databasePath)
        : this(SyncLog(Path.GetFullPath(databasePath) + "-wal"))
    {
    }

    /// <summary>With the sync itself given (tests: one that blocks or fails when they say).</summary>
    internal WalGroupSync(Action sync)
    {
        _sync = sync;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite log sync" };
        _thread.Start();
    }

    /// <summary>How many syncs have run (tests and the benchmark's notes).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>The number of the last commit handed out by <see cref="Committed"/>.</summary>
    public long CommittedThrough => Interlocked.Read(ref _committed);

    /// <summary>The number of the last commit known to be on disk.</summary>
    public long SyncedThrough
    {
        get
        {
            lock (_lock)
            {
                return _synced;
            }
        }
    }

    /// <summary>Call right after a commit (or an autocommit write) returned: its number, for <see cref="DurableAsync"/>.</summary>
    public long Committed() => Interlocked.Increment(ref _committed);

    /// <summary>Completes once commit <paramref name="commit"/> (from <see cref="Committed"/>) is on disk.</summary>
    public Task DurableAsync(long commit)
    {
        lock (_lock)
        {
            if (commit <= _synced)
            {
                return Task.CompletedTask;
            }
            if (_round is not null && commit <= _roundTarget)
            {
                return _round.Task;
            }
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(WalGroupSync));
            }
            var waiter = _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_round is null)
            {
                BeginRound();
            }
            return waiter.Task;
        }
    }

    /// <summary>Under the lock: the waiting callers become the running round, covering every commit finished by now.</summary>
    private void BeginRound()
    {
        _round = _next;
        _next = null;
        _roundTarget = Interlocked.Read(ref _committed);
        _wake.Release();
    }

    private void Run()
    {
        while (true)
        {
            _wake.Wait();
            TaskCompletionSource round;
            long target;
            lock (_lock)
            {
                if (_round is null)
                {
                    return;
                }
                round = _round;
                target = _roundTarget;
            }
            Exception? failure = null;
            var stopping = false;
            try
            {
                Sync();
            }
            catch (Exception error)
            {
                failure = error;
            }
            lock (_lock)
            {
                if (failure is null && target > _synced)
                {
                    _synced = target;
                }
                _round = null;
                stopping = _disposed;
                if (_next is not null && !stopping)
                {
                    BeginRound();
                }
            }
            Interlocked.Increment(ref _rounds);
            if (failure is null)
            {
                round.SetResult();
            }
            else
            {
                round.SetException(new IOException("The SQLite write-ahead log could not be synced to disk.", failure));
            }
            if (stopping)
            {
                return;
            }
        }
    }

    private void Sync() => _sync();

    private static Action SyncLog(string logPath) => () =>
    {
        try
        {
            using var log = new FileStream(logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 0);
            log.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
        }
    };

    public void Dispose()
    {
        TaskCompletionSource? waiting;
        lock (_lock)
        {
            _disposed = true;
            waiting = _next;
            _next = null;
            if (_round is null)
            {
                // Wakes the thread with no round: it ends.
                _wake.Release();
            }
        }
        // Callers still waiting when the host stops: one last sync for them, here.
        if (waiting is not null)
        {
            try
            {
                Sync();
                waiting.SetResult();
            }
            catch (Exception error)
            {
                waiting.SetException(error);
            }
        }
    }
}
