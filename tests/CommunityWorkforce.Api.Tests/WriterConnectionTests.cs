using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Platform;
using CommunityWorkforce.TestKit;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Api.Tests;

/// <summary>
/// SQLite: every write transaction of the host runs on one writer connection (its page cache is then not thrown away by
/// other connections' commits), and each session reads on its own connection before and after. A temporary table, which
/// only the connection that created it can see, tells the connections apart.
/// </summary>
[TestFixture]
public sealed class WriterConnectionTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        // SQLite whatever the suite runs on (CW_TEST_SQLSERVER): the writer connection is SQLite's.
        _host = new CwHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(Path.GetTempPath(), "cw-tests", Guid.NewGuid().ToString("N"), "writer.db")}",
        });
        await using var connection = await _host.Services.GetRequiredService<DbConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS test_writer (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
        await _host.Services.GetRequiredService<AuditRetention>().FirstPass.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    private const string MarkerExists = "SELECT COUNT(*) FROM temp.sqlite_master WHERE name = 'writer_marker'";

    [Test]
    public async Task Write_transactions_of_different_sessions_run_on_one_connection_and_each_session_reads_on_its_own()
    {
        var ct = CancellationToken.None;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            Assert.That(await db.ExecuteScalarAsync<long>("PRAGMA cache_size", null, ct), Is.Not.EqualTo(-DbConnectionFactory.WriterCacheKiB),
                "a read outside a transaction runs on the session's own connection");
            await using (var tx = await db.BeginAsync(ct))
            {
                Assert.That(await db.ExecuteScalarAsync<long>("PRAGMA cache_size", null, ct), Is.EqualTo(-DbConnectionFactory.WriterCacheKiB),
                    "the transaction runs on the writer connection, with its larger cache");
                await db.ExecuteAsync("CREATE TEMP TABLE IF NOT EXISTS writer_marker (x INTEGER)", null, ct);
                await db.ExecuteAsync("INSERT INTO test_writer (name) VALUES ('甲𠀀')", null, ct);
                await tx.CommitAsync(ct);
            }
            Assert.That(await db.ExecuteScalarAsync<long>(MarkerExists, null, ct), Is.Zero,
                "after commit the session reads on its own connection again");
            Assert.That(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM test_writer WHERE name = '甲𠀀'", null, ct), Is.EqualTo(1),
                "and sees what it committed");
        }
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            Assert.That(await db.ExecuteScalarAsync<long>(MarkerExists, null, ct), Is.Zero);
            await using var tx = await db.BeginAsync(ct);
            Assert.That(await db.ExecuteScalarAsync<long>(MarkerExists, null, ct), Is.EqualTo(1),
                "another session's transaction runs on the same writer connection");
            await db.ExecuteAsync("DROP TABLE temp.writer_marker", null, ct);
            await tx.CommitAsync(ct);
        }
    }

    [Test]
    public async Task A_failed_transaction_leaves_nothing_behind_and_the_next_one_writes_on_the_same_connection()
    {
        var ct = CancellationToken.None;
        var name = $"乙{Guid.NewGuid():N}";
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            // Marks the writer connection (a temporary table is itself rolled back with its transaction: committed here).
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            await using var tx = await db.BeginAsync(ct);
            await db.ExecuteAsync("CREATE TEMP TABLE IF NOT EXISTS writer_marker_2 (x INTEGER)", null, ct);
            await tx.CommitAsync(ct);
        }
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            await using var tx = await db.BeginAsync(ct);
            await db.ExecuteAsync("INSERT INTO test_writer (name) VALUES (@name)", new { name }, ct);
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(
                () => db.ExecuteAsync("INSERT INTO test_writer (name) VALUES (@name)", new { name }, ct),
                "the second insert breaks the unique name");
            // Disposed without commit: rolled back.
        }
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            Assert.That(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM test_writer WHERE name = @name", new { name }, ct), Is.Zero,
                "the rolled-back transaction's first insert is gone");
            await using var tx = await db.BeginAsync(ct);
            Assert.That(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM temp.sqlite_master WHERE name = 'writer_marker_2'", null, ct),
                Is.EqualTo(1), "the writer connection was kept after the rollback");
            await db.ExecuteAsync("INSERT INTO test_writer (name) VALUES (@name)", new { name }, ct);
            await db.ExecuteAsync("DROP TABLE temp.writer_marker_2", null, ct);
            await tx.CommitAsync(ct);
            Assert.That(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM test_writer WHERE name = @name", new { name }, ct), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Concurrent_sessions_write_in_turn_on_the_writer_and_every_write_lands()
    {
        var ct = CancellationToken.None;
        var prefix = $"丙{Guid.NewGuid():N}-";
        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            // A read on the session's own connection first, as a handler checks before it writes.
            await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM test_writer", null, ct);
            await using var tx = await db.BeginAsync(ct);
            await db.ExecuteAsync("INSERT INTO test_writer (name) VALUES (@name)", new { name = prefix + i }, ct);
            await tx.CommitAsync(ct);
        })));
        await using var check = _host.Services.CreateAsyncScope();
        var session = check.ServiceProvider.GetRequiredService<DbSession>();
        Assert.That(await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM test_writer WHERE name LIKE @p", new { p = prefix + "%" }, ct),
            Is.EqualTo(32));
    }
}
