using System.Reflection;
using CommunityWorkforce.Api.Hosting;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Migrations;
using CommunityWorkforce.BuildingBlocks.Modules;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>
/// One SQL statement of a module's code: a <c>const string</c> field, or one shape a query builder writes (a method
/// marked <see cref="SqlShapesAttribute"/>).
/// </summary>
internal sealed record SqlConstant(IModule Module, Type DeclaringType, string Member, string Text)
{
    public string Name => $"{DeclaringType.FullName}.{Member}";

    /// <summary>The text SQL Server would receive: <c>{orderBy}</c> filled, dialect tokens rendered.</summary>
    public string RenderedForSqlServer => SqlDialect.SqlServer.Render(PagedSql.WithOrderBy(Text, "(SELECT NULL)"));
}

/// <summary>One embedded migration script of a module.</summary>
internal sealed record MigrationScript(IModule Module, DatabaseProvider Provider, string ResourceName, string FileName, string Text);

/// <summary>What the architecture tests look at: the host's modules, their assemblies, their SQL and migrations.</summary>
internal static class Codebase
{
    private static readonly string[] StatementKeywords = ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE"];

    public static IReadOnlyList<IModule> Modules => ModuleCatalog.All;

    public static Assembly BuildingBlocks => typeof(IModule).Assembly;

    /// <summary>Every module but the platform one (which is BuildingBlocks itself): Access and the business modules.</summary>
    public static IReadOnlyList<IModule> FeatureModules => Modules.Where(m => m.Assembly != BuildingBlocks).ToList();

    public static IEnumerable<TestCaseData> ModuleCases() =>
        Modules.Select(m => new TestCaseData(m).SetArgDisplayNames(m.Name));

    public static IEnumerable<TestCaseData> FeatureModuleCases() =>
        FeatureModules.Select(m => new TestCaseData(m).SetArgDisplayNames(m.Name));

    /// <summary>The module's <c>.Contracts</c> assembly, when it ships one.</summary>
    public static Assembly? ContractsOf(IModule module)
    {
        var name = module.Assembly.GetName().Name + ".Contracts";
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll")))
        {
            return null;
        }
        return Assembly.Load(new AssemblyName(name));
    }

    public static IReadOnlyList<Assembly> AssembliesOf(IModule module) =>
        ContractsOf(module) is { } contracts ? [module.Assembly, contracts] : [module.Assembly];

    public static IReadOnlyList<Assembly> AllContracts =>
        FeatureModules.Select(ContractsOf).OfType<Assembly>().ToList();

    /// <summary>
    /// Every constant in the module's assemblies whose text is a complete SQL statement, and every shape its query
    /// builders declare.
    /// </summary>
    public static IReadOnlyList<SqlConstant> SqlConstantsOf(IModule module) =>
        AssembliesOf(module)
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => StringConstants(t).Select(f => new SqlConstant(module, t, f.Name, (string)f.GetRawConstantValue()!))
                .Concat(BuilderShapes(module, t)))
            .Where(c => IsStatement(c.Text))
            .ToList();

    /// <summary>Methods marked <see cref="SqlShapesAttribute"/> in the module's code.</summary>
    public static IReadOnlyList<MethodInfo> ShapeMethodsOf(IModule module) =>
        AssembliesOf(module).SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.GetCustomAttribute<SqlShapesAttribute>() is not null)
            .ToList();

    private static IEnumerable<SqlConstant> BuilderShapes(IModule module, Type type) =>
        type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(m => m.GetCustomAttribute<SqlShapesAttribute>() is not null)
            .SelectMany(m => ((IEnumerable<(string Name, string Sql)>)m.Invoke(null, null)!)
                .Select(shape => new SqlConstant(module, type, $"{m.Name}[{shape.Name}]", shape.Sql)));

    public static IReadOnlyList<SqlConstant> AllSqlConstants => Modules.SelectMany(SqlConstantsOf).ToList();

    public static IEnumerable<FieldInfo> StringConstants(Type type) =>
        type.GetFields(BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string));

    public static bool IsStatement(string text)
    {
        var trimmed = text.TrimStart();
        var end = 0;
        while (end < trimmed.Length && char.IsLetter(trimmed[end]))
        {
            end++;
        }
        var firstWord = trimmed[..end];
        return StatementKeywords.Any(k => string.Equals(k, firstWord, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// View names other modules may use: the <c>const string</c> fields of every <c>*Views</c> class in a Contracts
    /// assembly, by the module that publishes them.
    /// </summary>
    public static IReadOnlyList<(IModule Owner, string View)> PublishedViews =>
        FeatureModules
            .SelectMany(m => (ContractsOf(m)?.GetTypes() ?? [])
                .Where(t => t.Name.EndsWith("Views", StringComparison.Ordinal))
                .SelectMany(StringConstants)
                .Select(f => (Owner: m, View: (string)f.GetRawConstantValue()!)))
            .ToList();

    public static IReadOnlyList<MigrationScript> MigrationsOf(IModule module, DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.SqlServer ? ".Database.SqlServer." : ".Database.Sqlite.";
        return ModuleMigrator.ScriptNames(module, provider)
            .Select(name =>
            {
                using var stream = module.Assembly.GetManifestResourceStream(name)
                    ?? throw new InvalidOperationException($"Resource {name} cannot be read.");
                using var reader = new StreamReader(stream);
                var fileName = name[(name.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..];
                return new MigrationScript(module, provider, name, fileName, reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>
    /// Whether <paramref name="name"/> is owned by a module with <paramref name="prefix"/>. Index names follow the
    /// house convention <c>ix_&lt;prefix&gt;…</c> / <c>ux_&lt;prefix&gt;…</c> (see the migrations), which also
    /// keeps them unique across modules in SQLite, where index names are database-wide.
    /// </summary>
    public static bool IsOwnedName(string name, string prefix, bool isIndex) =>
        name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        || (isIndex && (name.StartsWith("ix_" + prefix, StringComparison.OrdinalIgnoreCase)
                        || name.StartsWith("ux_" + prefix, StringComparison.OrdinalIgnoreCase)));
}
