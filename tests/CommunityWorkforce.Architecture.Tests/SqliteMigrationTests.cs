using System.Data.Common;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Migrations;
using CommunityWorkforce.BuildingBlocks.Modules;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>The migrations, run for real by the product's own migrator on a fresh SQLite file.</summary>
public sealed class SqliteMigrationTests
{
    private TempSqliteFile _file = null!;

    [SetUp]
    public void FreshFile() => _file = new TempSqliteFile("cw-arch");

    [TearDown]
    public void DeleteFile() => _file.Dispose();

    private DbConnectionFactory Factory() =>
        new(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _file.ConnectionString });

    private static ModuleMigrator Migrator(DbConnectionFactory factory) => new(factory, NullLogger<ModuleMigrator>.Instance);

    [Test]
    public void Migrating_twice_changes_nothing_the_second_time()
    {
        var factory = Factory();
        var migrator = Migrator(factory);
        migrator.MigrateAll(Codebase.Modules);
        var first = TakeSnapshot(factory);

        migrator.MigrateAll(Codebase.Modules);
        var second = TakeSnapshot(factory);

        TestContext.Out.WriteLine($"schema objects after migration: {first.Objects.Count}; journal rows: " +
                                  string.Join(", ", first.JournalRows.Select(j => $"{j.Key}={j.Value}")));
        Assert.That(first.Objects, Is.Not.Empty);
        Assert.That(second.Objects, Is.EqualTo(first.Objects), "sqlite_master changed on the second run");
        Assert.That(second.JournalRows, Is.EqualTo(first.JournalRows), "the second run journalled scripts again");
        Assert.That(second.SchemaVersion, Is.EqualTo(first.SchemaVersion), "PRAGMA schema_version moved on the second run");
        Assert.That(migrator.PendingModules(Codebase.Modules), Is.Empty);
    }

    [Test]
    public void Each_module_journals_its_scripts_in_its_own_table()
    {
        var factory = Factory();
        Migrator(factory).MigrateAll(Codebase.Modules);
        var snapshot = TakeSnapshot(factory);

        var expected = new Dictionary<string, int>();
        foreach (var module in Codebase.Modules)
        {
            var scripts = ModuleMigrator.ScriptNames(module, DatabaseProvider.Sqlite).Count;
            if (scripts > 0)
            {
                expected[module.TablePrefix + "schema_versions"] = scripts;
            }
            else
            {
                // DbUp creates a journal only when it has a script to record.
                TestContext.Out.WriteLine($"{module.Name}: no migrations yet, so no journal table");
            }
        }
        Assert.That(expected, Is.Not.Empty);
        Assert.That(snapshot.JournalRows, Is.EqualTo(expected),
            "one journal per module, named <prefix>schema_versions, with one row per script (and no shared SchemaVersions)");
    }

    [Test]
    public void Each_modules_migrations_create_only_objects_with_its_prefix()
    {
        var factory = Factory();
        var migrator = Migrator(factory);
        var offences = new List<string>();
        var known = Objects(factory).Select(o => o.Name).ToHashSet();
        foreach (var module in Codebase.Modules.OrderBy(m => m.Order))
        {
            migrator.MigrateAll([module]);
            foreach (var created in Objects(factory).Where(o => !known.Contains(o.Name)))
            {
                var isIndex = created.Type == "index";
                if (!Codebase.IsOwnedName(created.Name, module.TablePrefix, isIndex)
                    || !created.TableName.StartsWith(module.TablePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    offences.Add($"{module.Name} created {created.Type} {created.Name} on {created.TableName}");
                }
                known.Add(created.Name);
            }
        }
        TestContext.Out.WriteLine($"objects created on a fresh SQLite file: {known.Count}");
        Assert.That(known, Is.Not.Empty);
        Assert.That(offences, Is.Empty);
    }

    private sealed record SchemaObject(string Type, string Name, string TableName, string? Sql);

    private sealed record Snapshot(IReadOnlyList<SchemaObject> Objects, IReadOnlyDictionary<string, int> JournalRows, long SchemaVersion);

    private static List<SchemaObject> Objects(DbConnectionFactory factory)
    {
        using var connection = Open(factory);
        return connection.Query<(string Type, string Name, string TableName, string? Sql)>(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")
            .Select(r => new SchemaObject(r.Type, r.Name, r.TableName, r.Sql))
            .ToList();
    }

    private static Snapshot TakeSnapshot(DbConnectionFactory factory)
    {
        var objects = Objects(factory);
        using var connection = Open(factory);
        var journals = objects
            .Where(o => o.Type == "table" && o.Name.EndsWith("schemaversions", StringComparison.OrdinalIgnoreCase)
                        || o.Type == "table" && o.Name.EndsWith("schema_versions", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(o => o.Name, o => connection.ExecuteScalar<int>($"SELECT COUNT(*) FROM \"{o.Name}\""));
        var schemaVersion = connection.ExecuteScalar<long>("PRAGMA schema_version");
        return new Snapshot(objects, journals, schemaVersion);
    }

    private static DbConnection Open(DbConnectionFactory factory)
    {
        var connection = factory.Create();
        connection.Open();
        return connection;
    }
}
