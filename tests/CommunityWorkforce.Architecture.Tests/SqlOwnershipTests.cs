using System.Text.RegularExpressions;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Modules;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>A module's SQL names only its own tables, or views another module publishes in its Contracts.</summary>
public sealed partial class SqlOwnershipTests
{
    private static IReadOnlyList<string> ForeignViewsAllowedTo(IModule module) =>
        Codebase.PublishedViews.Where(v => v.Owner.Assembly != module.Assembly).Select(v => v.View).ToList();

    private static IEnumerable<string> Trespasses(IModule module, IEnumerable<string> names) =>
        names.Where(name => !Codebase.IsOwnedName(name, module.TablePrefix, isIndex: false)
                            && !ForeignViewsAllowedTo(module).Contains(name, StringComparer.OrdinalIgnoreCase));

    [TestCaseSource(typeof(Codebase), nameof(Codebase.ModuleCases))]
    public void Sql_constants_name_only_own_tables_or_published_views(IModule module)
    {
        var constants = Codebase.SqlConstantsOf(module);
        var offences = new List<string>();
        foreach (var constant in constants)
        {
            // The regex is a second, independent reading of the raw text, in case the parser's tree hides a name or
            // the text does not parse (which Every_SQL_constant_rendered_for_SqlServer_parses reports).
            var names = TableNamesByRegex(constant.Text).ToList();
            var tree = TSql.Parse(constant.RenderedForSqlServer, out var errors);
            if (errors.Count == 0)
            {
                var referenced = TSql.ObjectsOf(tree).Referenced;
                Assert.That(referenced, Is.Not.Empty, $"{constant.Name} names no table: the walk missed something");
                names.AddRange(referenced);
            }
            offences.AddRange(Trespasses(module, names).Distinct().Select(n => $"{constant.Name} uses {n}"));
        }
        TestContext.Out.WriteLine($"{module.Name}: {constants.Count} SQL constants checked");
        Assert.That(offences, Is.Empty,
            $"module '{module.Name}' may name only {module.TablePrefix}* and other modules' published views");
    }

    [TestCaseSource(typeof(Codebase), nameof(Codebase.ModuleCases))]
    public void Migrations_create_and_reference_only_own_objects(IModule module)
    {
        var offences = new List<string>();
        foreach (var script in Codebase.MigrationsOf(module, DatabaseProvider.SqlServer))
        {
            foreach (var batch in TSql.Batches(script.Text))
            {
                var objects = TSql.ObjectsOf(TSql.Parse(batch, out _));
                offences.AddRange(objects.Created
                    .Where(c => !Codebase.IsOwnedName(c.Name, module.TablePrefix, c.Kind == "index"))
                    .Select(c => $"SqlServer/{script.FileName} creates {c.Kind} {c.Name}"));
                offences.AddRange(Trespasses(module, objects.Referenced).Select(n => $"SqlServer/{script.FileName} uses {n}"));
            }
        }
        foreach (var script in Codebase.MigrationsOf(module, DatabaseProvider.Sqlite))
        {
            var text = StripComments(script.Text);
            foreach (Match created in SqliteCreate().Matches(text))
            {
                var kind = created.Groups["kind"].Value.ToLowerInvariant();
                var name = created.Groups["name"].Value;
                if (!Codebase.IsOwnedName(name, module.TablePrefix, kind == "index"))
                {
                    offences.Add($"Sqlite/{script.FileName} creates {kind} {name}");
                }
            }
            offences.AddRange(Trespasses(module, TableNamesByRegex(text)).Select(n => $"Sqlite/{script.FileName} uses {n}"));
        }
        Assert.That(offences, Is.Empty,
            $"module '{module.Name}' owns {module.TablePrefix}* only; no foreign keys or views over other modules' tables");
    }

    [Test]
    public void Published_views_carry_their_owners_prefix_and_exist_in_both_dialects()
    {
        var views = Codebase.PublishedViews;
        Assert.That(views, Is.Not.Empty, "Staffing publishes at least its org-unit view");
        foreach (var (owner, view) in views)
        {
            Assert.That(view, Does.StartWith(owner.TablePrefix), $"{view} is published by '{owner.Name}'");
            foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.SqlServer })
            {
                var created = Codebase.MigrationsOf(owner, provider)
                    .Any(s => Regex.IsMatch(StripComments(s.Text), $@"CREATE\s+(?:OR\s+ALTER\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?[\[""]?(?:dbo[\]""]?\.[\[""]?)?{view}\b",
                        RegexOptions.IgnoreCase));
                Assert.That(created, Is.True, $"{view} is published but not created by {owner.Name}'s {provider} migrations");
            }
        }
    }

    [Test]
    public void The_ownership_check_catches_a_foreign_table()
    {
        // A control for the two readers above: Training naming Staffing's table must be an offence, its view not.
        var training = Codebase.Modules.Single(m => m.Name == "training");
        const string sql = "SELECT w.id FROM training_courses c JOIN staffing_org_units w ON w.id = c.org_unit_id JOIN staffing_v_org_units v ON v.id = c.org_unit_id";
        var parsed = TSql.ObjectsOf(TSql.Parse(sql, out var errors)).Referenced;
        Assert.That(errors, Is.Empty);
        Assert.That(Trespasses(training, parsed), Is.EquivalentTo(new[] { "staffing_org_units" }));
        Assert.That(Trespasses(training, TableNamesByRegex(sql)).Distinct(), Is.EquivalentTo(new[] { "staffing_org_units" }));
    }

    /// <summary>Names after FROM, JOIN, INTO, UPDATE, REFERENCES, TABLE and index ON, read from the raw text.</summary>
    internal static IEnumerable<string> TableNamesByRegex(string sql) =>
        TableAfterKeyword().Matches(StripComments(sql)).Select(m => m.Groups["name"].Value);

    internal static string StripComments(string sql) => Comments().Replace(sql, " ");

    [GeneratedRegex(@"(?<![@\w])(?:FROM|JOIN|INTO|UPDATE|REFERENCES|TABLE(?:\s+IF\s+(?:NOT\s+)?EXISTS)?|INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+ON)\s+(?:[\[""]?dbo[\]""]?\.)?[\[""]?(?!(?:CASCADE|SET|NO|RESTRICT)\b)(?<name>[A-Za-z_][A-Za-z0-9_]*)",
        RegexOptions.IgnoreCase)]
    private static partial Regex TableAfterKeyword();

    [GeneratedRegex(@"\bCREATE\s+(?:TEMP\s+|TEMPORARY\s+)?(?:UNIQUE\s+)?(?<kind>TABLE|VIEW|INDEX|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?[\[""]?(?<name>[A-Za-z_][A-Za-z0-9_]*)",
        RegexOptions.IgnoreCase)]
    internal static partial Regex SqliteCreate();

    [GeneratedRegex(@"--[^\r\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
