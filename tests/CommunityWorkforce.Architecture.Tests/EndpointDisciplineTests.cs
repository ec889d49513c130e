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
}
