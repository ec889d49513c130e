using CommunityWorkforce.BuildingBlocks.Modules;
using NetArchTest.Rules;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>Endpoints are a module's private business: static groups of handlers the module maps itself.</summary>
public sealed class EndpointDisciplineTests
{
    [Test]
    public void Endpoint_classes_are_static_and_internal()
    {
        var endpointClasses = Codebase.Modules.SelectMany(Codebase.AssembliesOf).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .ToList();
        TestContext.Out.WriteLine($"endpoint classes: {string.Join(", ", endpointClasses.Select(t => t.Name))}");
        Assert.That(endpointClasses, Is.Not.Empty, "no *Endpoints class found: the check would pass vacuously");

        var notStatic = endpointClasses.Where(t => !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName);
        var visible = endpointClasses.Where(t => t.IsPublic || t.IsNestedPublic).Select(t => t.FullName);
        Assert.That(notStatic, Is.Empty, "endpoint classes are static");
        Assert.That(visible, Is.Empty, "endpoint classes are internal");
    }

    /// <summary>
    /// A feature's endpoint class is called by its module's <c>MapEndpoints</c> only: what another feature needs from it
    /// (a scoped lookup, a rule) lives in a lookup or rules class both may use (<c>WorkerLookup</c>, <c>OrgUnitLookup</c>).
    /// </summary>
    [Test]
    public void No_feature_calls_another_features_endpoint_class()
    {
        var failures = new List<string>();
        var checkedPairs = 0;
        foreach (var assembly in Codebase.FeatureModules.Select(m => m.Assembly).Distinct())
        {
            var endpointClasses = assembly.GetTypes().Where(t => t.IsClass && t.Name.EndsWith("Endpoints", StringComparison.Ordinal)).ToList();
            foreach (var endpoints in endpointClasses)
            {
                var result = Types.InAssembly(assembly)
                    .That().DoNotResideInNamespace(endpoints.Namespace!)
                    .And().DoNotImplementInterface(typeof(IModule))
                    .ShouldNot().HaveDependencyOn(endpoints.FullName!)
                    .GetResult();
                checkedPairs++;
                failures.AddRange((result.FailingTypeNames ?? []).Select(name => $"{name} calls {endpoints.FullName}"));
            }
        }
        TestContext.Out.WriteLine($"endpoint classes checked: {checkedPairs}");
        Assert.That(checkedPairs, Is.GreaterThan(5), "no endpoint classes found: the check would pass vacuously");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void The_feature_check_sees_the_modules_own_calls()
    {
        // A control: the module class maps every endpoint class, so NetArchTest must see those dependencies.
        var staffing = Codebase.Modules.Single(m => m.Name == "staffing");
        var mapped = Types.InAssembly(staffing.Assembly).That().ImplementInterface(typeof(IModule))
            .And().HaveDependencyOn("CommunityWorkforce.Staffing.Workers.WorkerEndpoints").GetTypes();
        Assert.That(mapped.Select(t => t.Name), Is.EquivalentTo(new[] { "StaffingModule" }));
    }
}
