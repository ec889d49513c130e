using System.Reflection;
using CommunityWorkforce.BuildingBlocks.Modules;
using NetArchTest.Rules;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>A module reaches another only through its Contracts; Contracts stay free of data access and web.</summary>
public sealed class ModuleDependencyTests
{
    private static readonly string[] ForbiddenInContracts = ["Dapper", "Microsoft.AspNetCore", "Microsoft.Data"];

    private static IEnumerable<TestCaseData> ContractsCases() =>
        Codebase.FeatureModules.Where(m => Codebase.ContractsOf(m) is not null)
            .Select(m => new TestCaseData(m).SetArgDisplayNames(m.Name));

    /// <summary>
    /// What another module's implementation looks like to NetArchTest, which matches dependencies by namespace
    /// prefix: each implementation namespace that does not contain the Contracts namespace (so
    /// <c>CommunityWorkforce.Staffing.OrgUnits</c>), and the individual types of the namespaces that do (so
    /// <c>CommunityWorkforce.Staffing.StaffingModule</c>, never the bare <c>CommunityWorkforce.Staffing</c>).
    /// </summary>
    private static string[] ImplementationOf(IModule module)
    {
        var contractsNamespaces = Codebase.ContractsOf(module)?.GetTypes().Select(t => t.Namespace ?? "").Distinct().ToList() ?? [];
        bool ContainsContracts(string ns) => contractsNamespaces.Any(c => c == ns || c.StartsWith(ns + ".", StringComparison.Ordinal));
        // Only the module's own namespaces: compiler-generated ones (regex source generator, embedded attributes)
        // are the same in every assembly and say nothing about who uses whom.
        var root = module.Assembly.GetName().Name!;
        var types = module.Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)))
            .ToList();
        var namespaces = types.Select(t => t.Namespace!).Distinct().Where(ns => !ContainsContracts(ns));
        var rootTypes = types.Where(t => ContainsContracts(t.Namespace!) && !t.IsNested).Select(t => t.FullName!);
        return namespaces.Concat(rootTypes).Order(StringComparer.Ordinal).ToArray();
    }

    [TestCaseSource(typeof(Codebase), nameof(Codebase.FeatureModuleCases))]
    public void Module_depends_on_other_modules_only_through_their_Contracts(IModule module)
    {
        var others = Codebase.FeatureModules.Where(m => m.Assembly != module.Assembly).ToList();
        var forbidden = others.SelectMany(ImplementationOf).ToArray();
        Assert.That(forbidden, Is.Not.Empty, "no other module's implementation was found: the rule would test nothing");

        foreach (var assembly in Codebase.AssembliesOf(module))
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            Assert.That(result.FailingTypeNames ?? [], Is.Empty,
                $"{assembly.GetName().Name} uses other modules' internals; go through their Contracts instead");

            var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
            var otherImplementations = others.Select(m => m.Assembly.GetName().Name).ToList();
            Assert.That(referenced.Intersect(otherImplementations), Is.Empty,
                $"{assembly.GetName().Name} references another module's implementation assembly");
        }
    }

    [Test]
    public void The_dependency_rule_sees_a_module_using_its_own_internals()
    {
        // A control: if NetArchTest stopped seeing dependencies (or ImplementationOf went wrong), the rule above
        // would pass for everything. Staffing's module class wires its own OrgUnits slice, so it must be found.
        var staffing = Codebase.FeatureModules.Single(m => m.Name == "staffing");
        var result = Types.InAssembly(staffing.Assembly).That().HaveDependencyOnAny(ImplementationOf(staffing)).GetTypes();
        Assert.That(result.Select(t => t.Name), Does.Contain("StaffingModule"));
        Assert.That(ImplementationOf(staffing), Does.Not.Contain("CommunityWorkforce.Staffing"));
    }

    [TestCaseSource(nameof(ContractsCases))]
    public void Contracts_do_not_reference_Dapper_or_AspNetCore_or_data_providers(IModule module)
    {
        var contracts = Codebase.ContractsOf(module)!;
        var result = Types.InAssembly(contracts).ShouldNot().HaveDependencyOnAny(ForbiddenInContracts).GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);

        var referenced = contracts.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.That(referenced.Where(name => ForbiddenInContracts.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal))),
            Is.Empty, $"{contracts.GetName().Name} references data access or ASP.NET Core");
    }

    [Test]
    public void Every_business_module_ships_a_Contracts_assembly()
    {
        // Insights is read-only and last in the chain: no module reads or commands it, so it has nothing to publish.
        var business = Codebase.FeatureModules.Where(m => m.Name is not ("access" or "insights"));
        Assert.That(business.Where(m => Codebase.ContractsOf(m) is null).Select(m => m.Name), Is.Empty);
    }

    [Test]
    public void BuildingBlocks_references_no_module()
    {
        var moduleAssemblies = Codebase.FeatureModules.SelectMany(Codebase.AssembliesOf).ToList();
        var names = moduleAssemblies.Select(a => a.GetName().Name!).ToArray();

        var result = Types.InAssembly(Codebase.BuildingBlocks).ShouldNot().HaveDependencyOnAny(names).GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
        Assert.That(Codebase.BuildingBlocks.GetReferencedAssemblies().Select(a => a.Name).Intersect(names), Is.Empty);
    }

    [Test]
    public void Sql_classes_are_not_public()
    {
        var sqlClasses = Codebase.FeatureModules.SelectMany(Codebase.AssembliesOf).Append(Codebase.BuildingBlocks)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Sql", StringComparison.Ordinal))
            // PagedSql is BuildingBlocks' public helper for the ORDER BY slot and holds no SQL of its own.
            .Where(t => t.Assembly != Codebase.BuildingBlocks || Codebase.StringConstants(t).Any())
            .ToList();
        Assert.That(sqlClasses, Is.Not.Empty);
        Assert.That(sqlClasses.Where(t => t.IsPublic || t.IsNestedPublic).Select(t => t.FullName), Is.Empty,
            "SQL classes are internal: a module's SQL is nobody else's business");
    }

    [Test]
    public void Sql_classes_expose_only_complete_statements()
    {
        // Fragments (column lists, shared WHERE clauses) are private; everything else must be a statement that the
        // parsing and ownership tests pick up, so that no SQL escapes them.
        var offenders = Codebase.Modules.SelectMany(Codebase.AssembliesOf).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Sql", StringComparison.Ordinal))
            .SelectMany(t => Codebase.StringConstants(t).Where(f => !f.IsPrivate).Select(f => (Type: t, Field: f)))
            .Where(x => !Codebase.IsStatement((string)x.Field.GetRawConstantValue()!))
            .Select(x => $"{x.Type.FullName}.{x.Field.Name}");
        Assert.That(offenders, Is.Empty);
    }
}
