using CommunityWorkforce.BuildingBlocks.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>
/// <c>{scope:column}</c> is rendered as an index range on SQLite and as <c>LIKE @Scope</c> on SQL Server; the range must
/// select exactly what the LIKE selects, for every scope pattern the product builds (a path and <c>%</c>, the whole
/// city <c>/%</c>, and <c>-none-</c>); <c>{scope:column:@Param}</c> is the same with another parameter.
/// </summary>
[TestFixture]
public sealed class ScopeTokenTests
{
    /// <summary>Org paths as the product writes them (always starting with '/'), and near misses around the bounds.</summary>
    private static readonly string[] Paths =
    [
        "/310000/", "/310000/310106/", "/310000/310106/310106021/", "/310000/310106/310106021/310106021003/",
        "/310000/3101060/", "/310000/310106-1/", "/310000/310106a/", "/310000/310106A/x/", "/310000/310107/",
        "/310000/31010/", "/320000/310106/", "/", "/310000/310106/310106021/ABC/", "/310000/310106/310106021/abc/",
    ];

    [TestCase("/310000/310106/%")]
    [TestCase("/310000/310106/310106021/%")]
    [TestCase("/310000/%")]
    [TestCase("/%")]
    [TestCase("-none-")]
    [TestCase("/310000/310106/310106021/abc/%")]
    public async Task The_SQLite_range_selects_what_LIKE_selects(string scope)
    {
        var file = Path.Combine(Path.GetTempPath(), "cw-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (path TEXT NOT NULL COLLATE NOCASE); CREATE INDEX ix_t ON t (path);");
        await connection.ExecuteAsync("INSERT INTO t (path) VALUES (@Path)", Paths.Select(p => new { Path = p }));

        var ranged = await connection.QueryAsync<string>(SqlDialect.Sqlite.Render("SELECT path FROM t WHERE {scope:path} ORDER BY path"), new { Scope = scope });
        var liked = await connection.QueryAsync<string>("SELECT path FROM t WHERE path LIKE @Scope ORDER BY path", new { Scope = scope });

        Assert.That(ranged, Is.EqualTo(liked));
        var named = await connection.QueryAsync<string>(SqlDialect.Sqlite.Render("SELECT path FROM t WHERE {scope:path:@UnitPath} ORDER BY path"), new { UnitPath = scope });
        Assert.That(named, Is.EqualTo(liked), "the same range with a pattern of another name");
        if (scope == "-none-")
        {
            Assert.That(ranged, Is.Empty);
        }
        else
        {
            Assert.That(ranged, Is.Not.Empty);
        }
        File.Delete(file);
    }

    [Test]
    public async Task A_null_pattern_matches_nothing_as_LIKE_NULL_does()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (path TEXT NOT NULL COLLATE NOCASE)");
        await connection.ExecuteAsync("INSERT INTO t (path) VALUES (@Path)", Paths.Select(p => new { Path = p }));
        var sql = SqlDialect.Sqlite.Render("SELECT COUNT(*) FROM t WHERE {scope:path:@UnitPath}");
        Assert.That(await connection.ExecuteScalarAsync<int>(sql, new { UnitPath = (string?)null }), Is.Zero);
        Assert.That(await connection.ExecuteScalarAsync<int>(SqlDialect.Sqlite.Render("SELECT COUNT(*) FROM t WHERE (@UnitPath IS NULL OR {scope:path:@UnitPath})"),
            new { UnitPath = (string?)null }), Is.EqualTo(Paths.Length), "an optional unit filter left empty keeps every row");
    }

    [Test]
    public void SQL_Server_keeps_LIKE()
    {
        Assert.That(SqlDialect.SqlServer.Render("SELECT 1 FROM t u WHERE {scope:u.path:@UnitPath}"), Is.EqualTo("SELECT 1 FROM t u WHERE u.path LIKE @UnitPath"));
        Assert.That(SqlDialect.SqlServer.Render("SELECT 1 FROM t u WHERE {scope:u.path}"), Is.EqualTo("SELECT 1 FROM t u WHERE u.path LIKE @Scope"));
        Assert.That(SqlDialect.Sqlite.Render("SELECT 1 FROM t u WHERE {scope:u.path}"), Does.Not.Contain("LIKE").And.Contain("u.path >= "));
    }
}
