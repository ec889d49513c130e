using System.Text.RegularExpressions;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Modules;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>
/// SQL Server cannot run on our machines, so every SqlServer migration and every SQL constant rendered for SQL Server
/// must at least parse with Microsoft's T-SQL parser; and the two dialects' migrations must describe the same schema.
/// </summary>
public sealed partial class SqlServerDialectTests
{
    [Test]
    public void Every_SqlServer_migration_batch_parses()
    {
        var scripts = Codebase.Modules.SelectMany(m => Codebase.MigrationsOf(m, DatabaseProvider.SqlServer)).ToList();
        var batches = 0;
        var failures = new List<string>();
        foreach (var script in scripts)
        {
            foreach (var batch in TSql.Batches(script.Text))
            {
                batches++;
                TSql.Parse(batch, out var errors);
                if (errors.Count > 0)
                {
                    failures.Add($"{script.Module.Name}/{script.FileName}: {TSql.Describe(errors)}");
                }
            }
        }
        TestContext.Out.WriteLine($"SqlServer migrations parsed: {scripts.Count} scripts, {batches} batches");
        Assert.That(batches, Is.GreaterThan(0), "no SqlServer migration found: the check would pass vacuously");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void SQL_written_by_query_builders_is_checked_like_constants()
    {
        var staffing = Codebase.Modules.Single(m => m.Name == "staffing");

        var methods = Codebase.ShapeMethodsOf(staffing);
        var shapes = Codebase.SqlConstantsOf(staffing).Where(c => c.Member.Contains('[', StringComparison.Ordinal)).ToList();

        Assert.That(methods.Select(m => m.Name), Does.Contain("Shapes"), "the roster's query builder declares its shapes");
        Assert.That(shapes, Has.Count.GreaterThan(100));
        Assert.That(shapes.Select(s => s.Text), Has.Some.Contains("staffing_worker_name_grams g WHERE g.gram = @Gram")
            .And.Some.Contains("(w.post_types & @PostTypeBit) <> 0"));
    }

    [Test]
    public void Every_SQL_constant_rendered_for_SqlServer_parses()
    {
        var constants = Codebase.AllSqlConstants;
        var failures = new List<string>();
        foreach (var constant in constants)
        {
            var rendered = constant.RenderedForSqlServer;
            if (rendered.Contains('{', StringComparison.Ordinal))
            {
                failures.Add($"{constant.Name}: an unrendered token is left: {rendered}");
                continue;
            }
            TSql.Parse(rendered, out var errors);
            if (errors.Count > 0)
            {
                failures.Add($"{constant.Name}: {TSql.Describe(errors)}");
            }
        }
        TestContext.Out.WriteLine($"SQL constants parsed for SqlServer: {constants.Count}");
        foreach (var group in constants.GroupBy(c => c.Module.Name))
        {
            TestContext.Out.WriteLine($"  {group.Key}: {group.Count()}");
        }
        Assert.That(constants, Is.Not.Empty, "no SQL constant found: the check would pass vacuously");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void The_parser_rejects_what_SqlServer_would_reject()
    {
        // A control: SQLite's paging is not T-SQL, so an unrendered SQLite text must fail here.
        TSql.Parse("SELECT id FROM staffing_org_units ORDER BY id LIMIT @Take OFFSET @Skip", out var errors);
        Assert.That(errors, Is.Not.Empty);
    }

    [TestCaseSource(typeof(Codebase), nameof(Codebase.ModuleCases))]
    public void Both_dialects_ship_the_same_migration_files(IModule module)
    {
        var sqlite = Codebase.MigrationsOf(module, DatabaseProvider.Sqlite).Select(s => s.FileName).ToList();
        var sqlServer = Codebase.MigrationsOf(module, DatabaseProvider.SqlServer).Select(s => s.FileName).ToList();
        Assert.That(sqlServer, Is.EqualTo(sqlite), "Database/Sqlite and Database/SqlServer must hold the same files");
    }

    [TestCaseSource(typeof(Codebase), nameof(Codebase.ModuleCases))]
    public void Both_dialects_create_the_same_tables_views_and_indexes(IModule module)
    {
        var sqlite = CreatedObjects(module, DatabaseProvider.Sqlite);
        var sqlServer = CreatedObjects(module, DatabaseProvider.SqlServer);
        TestContext.Out.WriteLine($"{module.Name}: {sqlite.Count(o => o.StartsWith("index ", StringComparison.Ordinal))} indexes, " +
                                  $"{sqlite.Count} objects (Sqlite); {sqlServer.Count} objects (SqlServer)");
        Assert.That(sqlServer, Is.EquivalentTo(sqlite));
    }

    [Test]
    public void The_dialect_comparison_sees_indexes()
    {
        var indexes = Codebase.Modules
            .SelectMany(m => CreatedObjects(m, DatabaseProvider.Sqlite))
            .Count(o => o.StartsWith("index ", StringComparison.Ordinal));
        TestContext.Out.WriteLine($"indexes created by SQLite migrations: {indexes}");
        Assert.That(indexes, Is.GreaterThan(0), "no CREATE INDEX found: the comparison would pass vacuously");
    }

    /// <summary>"kind name" of every CREATE [UNIQUE] [NON]CLUSTERED TABLE/VIEW/INDEX/TRIGGER, lower-case.</summary>
    private static List<string> CreatedObjects(IModule module, DatabaseProvider provider) =>
        Codebase.MigrationsOf(module, provider)
            .SelectMany(s => Create().Matches(SqlOwnershipTests.StripComments(s.Text)))
            .Select(m => $"{m.Groups["kind"].Value.ToLowerInvariant()} {m.Groups["name"].Value.ToLowerInvariant()}")
            .ToList();

    [GeneratedRegex(@"\bCREATE\s+(?:OR\s+ALTER\s+)?(?:TEMP\s+|TEMPORARY\s+)?(?:UNIQUE\s+)?(?:(?:NON)?CLUSTERED\s+)?(?<kind>TABLE|VIEW|INDEX|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[\[""]?dbo[\]""]?\.)?[\[""]?(?<name>[A-Za-z_][A-Za-z0-9_]*)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Create();
}
