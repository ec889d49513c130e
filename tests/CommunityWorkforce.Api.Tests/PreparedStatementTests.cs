using System.Data.Common;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Platform;
using CommunityWorkforce.TestKit;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace CommunityWorkforce.Api.Tests;

/// <summary>
/// The SQLite connections a unit of work borrows stay open with one compiled statement per SQL text: the same text is
/// compiled once and bound afresh each time, a text whose reader is still open runs uncached, a connection left with an
/// unfinished read or an open transaction is closed instead of kept, and the cache is bounded.
/// </summary>
[TestFixture]
public sealed class PreparedStatementTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        // SQLite whatever the suite runs on (CW_TEST_SQLSERVER): the cache is SQLite's.
        _host = new CwHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(Path.GetTempPath(), "cw-tests", Guid.NewGuid().ToString("N"), "prepared.db")}",
        });
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS test_prepared (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        // The housekeeping pass at start-up may analyse tables (a schema change: every compiled statement compiles once
        // more, and it holds a connection): let it end before counting compilations and connections.
        await _host.Services.GetRequiredService<AuditRetention>().FirstPass.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The host's factory (the host disposes it).</summary>
    private DbConnectionFactory Factory => _host.Services.GetRequiredService<DbConnectionFactory>();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    private async Task<PreparedSqliteConnection> RentAsync() => (PreparedSqliteConnection)await Factory.RentAsync(CancellationToken.None);

    [Test]
    public async Task The_same_text_is_compiled_once_and_bound_afresh_each_time_and_the_connection_is_lent_again()
    {
        var connection = await RentAsync();
        var sql = $"SELECT @Name || '!' AS v /* {Guid.NewGuid():N} */";
        var compiled = connection.Compilations;
        var values = new List<string>();
        foreach (var name in new[] { "甲", "乙", "𠀀丙" })
        {
            values.Add(await connection.QuerySingleAsync<string>(sql, new { Name = name }));
        }
        Assert.That(values, Is.EqualTo(new[] { "甲!", "乙!", "𠀀丙!" }));
        Assert.That(connection.Compilations, Is.EqualTo(compiled + 1));

        await Factory.ReturnAsync(connection);
        Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Open), "kept open for the next unit of work");
        // Lent again: the idle set is a stack, but another unit of work may have borrowed in between, so take what is idle.
        var rented = new List<PreparedSqliteConnection>();
        for (var i = 0; i < 8 && !rented.Contains(connection); i++)
        {
            rented.Add(await RentAsync());
        }
        Assert.That(rented, Does.Contain(connection), "lent again");
        Assert.That(await connection.QuerySingleAsync<string>(sql, new { Name = "丁" }), Is.EqualTo("丁!"));
        Assert.That(connection.Compilations, Is.EqualTo(compiled + 1), "with its compiled statements");
        foreach (var borrowed in rented)
        {
            await Factory.ReturnAsync(borrowed);
        }
    }

    [Test]
    public async Task A_text_whose_reader_is_still_open_runs_uncached_and_both_reads_are_right()
    {
        var connection = await RentAsync();
        const string sql = "SELECT value FROM json_each(@List) ORDER BY value";
        var pairs = new List<(long Outer, long Inner)>();
        await using (var reader = await connection.ExecuteReaderAsync(sql, new { List = "[1,2,3]" }))
        {
            while (await reader.ReadAsync())
            {
                var inner = await connection.QueryAsync<long>(sql, new { List = $"[{reader.GetInt64(0) * 10}]" });
                pairs.Add((reader.GetInt64(0), inner.Single()));
            }
        }
        Assert.That(pairs, Is.EqualTo(new[] { (1L, 10L), (2L, 20L), (3L, 30L) }));
        Assert.That(await connection.QueryAsync<long>(sql, new { List = "[7]" }), Is.EqualTo(new[] { 7L }), "the cached command serves again once its reader closed");
        await Factory.ReturnAsync(connection);
    }

    [Test]
    public async Task A_connection_left_with_an_unfinished_read_is_closed_not_kept()
    {
        var connection = await RentAsync();
        var reader = await connection.ExecuteReaderAsync("SELECT value FROM json_each('[1,2,3]')");
        Assert.That(await reader.ReadAsync(), Is.True);

        await Factory.ReturnAsync(connection);

        Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Closed));
        var next = await RentAsync();
        Assert.That(next, Is.Not.SameAs(connection));
        await Factory.ReturnAsync(next);
    }

    [Test]
    public async Task A_rolled_back_write_on_a_cached_statement_leaves_nothing_and_the_same_text_commits_later()
    {
        var id = Random.Shared.Next(1_000_000, int.MaxValue);
        const string insert = "INSERT INTO test_prepared (id, name) VALUES (@Id, @Name)";
        var connection = await RentAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync(insert, new { Id = id, Name = "回滚" }, transaction);
            await transaction.RollbackAsync();
        }
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM test_prepared WHERE id = @Id", new { Id = id }), Is.Zero);

        DbTransaction? open = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(insert, new { Id = id, Name = "提交" }, open);
        await open.CommitAsync();
        await open.DisposeAsync();
        Assert.That(await connection.QuerySingleAsync<string>("SELECT name FROM test_prepared WHERE id = @Id", new { Id = id }), Is.EqualTo("提交"));
        await Factory.ReturnAsync(connection);
    }

    [Test]
    public async Task A_connection_returned_inside_a_transaction_is_closed_not_kept()
    {
        var connection = await RentAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO test_prepared (id, name) VALUES (@Id, 'x')", new { Id = Random.Shared.Next(1, 999_999) }, transaction);

        await Factory.ReturnAsync(connection);

        Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Closed), "closing rolls the transaction back");
    }

    [Test]
    public async Task The_cache_keeps_at_most_its_capacity_of_texts()
    {
        var connection = await RentAsync();
        for (var i = 0; i < PreparedSqliteConnection.Capacity + 20; i++)
        {
            Assert.That(await connection.QuerySingleAsync<long>($"SELECT {i} + @One", new { One = 1 }), Is.EqualTo(i + 1));
        }
        Assert.That(connection.PreparedCount, Is.EqualTo(PreparedSqliteConnection.Capacity));
        Assert.That(await connection.QuerySingleAsync<long>("SELECT 0 + @One", new { One = 1 }), Is.EqualTo(1), "an evicted text compiles again");
        await Factory.ReturnAsync(connection);
    }

    /// <summary>sqlite3.h's SQLITE_STMTSTATUS_REPREPARE: how often SQLite compiled a prepared statement again.</summary>
    private const int StatusReprepare = 5;

    [Test]
    public async Task A_paged_statement_carries_its_page_in_the_text_so_SQLite_neither_recompiles_it_nor_plans_blind()
    {
        await using var connection = (SqliteConnection)await Factory.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("INSERT INTO test_prepared (name) VALUES ('分页一'), ('分页二'), ('分页三')");
        const string query = "SELECT id FROM test_prepared WHERE name >= @From ORDER BY name, id ";
        var dialect = SqlDialect.For(DatabaseProvider.Sqlite);
        var rendered = dialect.Render(query + "{page}");

        var paged = dialect.BindPage(rendered, new { From = "分", Take = 2, Skip = 1 });
        Assert.That(paged, Is.EqualTo(query + "LIMIT 2 OFFSET 1"));
        Assert.That(Reprepares(connection, paged), Is.Zero, paged);
        Assert.That((await connection.QueryAsync<long>(paged, new { From = "分" })).Count(), Is.EqualTo(2), "the page's rows");
        // What the numbers avoid: SQLite plans with bare LIMIT/OFFSET parameters' values, so binding them recompiles.
        Assert.That(rendered, Does.EndWith("LIMIT @Take OFFSET @Skip"));
        Assert.That(Reprepares(connection, rendered), Is.GreaterThan(0));
        // Arguments without whole-number bounds keep the parameters; SQL Server keeps them always.
        Assert.That(dialect.BindPage(rendered, new { From = "分", Take = "2; DROP TABLE test_prepared", Skip = 0 }), Is.EqualTo(rendered));
        Assert.That(dialect.BindPage(rendered, new { From = "分", Take = -1, Skip = 0 }), Is.EqualTo(rendered));
        var sqlServer = SqlDialect.For(DatabaseProvider.SqlServer);
        Assert.That(sqlServer.BindPage(sqlServer.Render(query + "{page}"), new { Take = 2, Skip = 1 }), Does.Contain("FETCH NEXT @Take ROWS ONLY"));
    }

    [Test]
    public async Task A_batch_with_a_bind_builds_each_row_as_its_statement_runs()
    {
        // Outside a transaction each statement commits as it runs, so a bind sees the rows before it already stored: what
        // proves that the bound values are built one at a time (and can be dropped) rather than all before the first runs.
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var batch = Guid.NewGuid().ToString("N");
        var sources = new[] { "甲", "𠀀乙", "丙" };
        var storedBeforeEach = new List<long>();
        await using var reader = await Factory.OpenAsync(CancellationToken.None);
        var affected = await db.ExecuteEachAsync("INSERT INTO test_prepared (name) VALUES (@Name)", sources, source =>
        {
            storedBeforeEach.Add(reader.ExecuteScalar<long>("SELECT count(*) FROM test_prepared WHERE name LIKE @Batch", new { Batch = batch + "%" }));
            return new { Name = batch + source };
        }, CancellationToken.None);

        Assert.That(affected, Is.EqualTo(new[] { 1, 1, 1 }));
        Assert.That(storedBeforeEach, Is.EqualTo(new long[] { 0, 1, 2 }), "each row bound after the one before it was stored");
        var names = await reader.QueryAsync<string>("SELECT name FROM test_prepared WHERE name LIKE @Batch ORDER BY id", new { Batch = batch + "%" });
        Assert.That(names, Is.EqualTo(sources.Select(s => batch + s)), "the bound values, in order");
    }

    /// <summary>Runs <paramref name="sql"/> three times on one prepared statement with other pages bound each time.</summary>
    private static int Reprepares(SqliteConnection connection, string sql)
    {
        Assert.That(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement), Is.EqualTo(raw.SQLITE_OK));
        using (statement)
        {
            for (var page = 0; page < 3; page++)
            {
                raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@From"), "分");
                raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@Take"), 2 + page);
                raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@Skip"), page);
                var rows = 0;
                while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                {
                    rows++;
                }
                Assert.That(raw.sqlite3_reset(statement), Is.EqualTo(raw.SQLITE_OK));
                Assert.That(rows, Is.GreaterThan(0), "the page holds rows");
            }
            return raw.sqlite3_stmt_status(statement, StatusReprepare, 0);
        }
    }
}
