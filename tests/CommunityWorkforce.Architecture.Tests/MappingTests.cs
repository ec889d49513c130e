using System.Reflection;
using AutoMapper;
using AutoMapper.Internal;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>
/// AutoMapper 14 is pinned, and carries advisory GHSA-rvv3-g6hj-g44x (unbounded recursion when mapping a type that
/// reaches itself). We are safe only while every mapped type is flat; this is the test that keeps it so.
/// </summary>
public sealed class MappingTests
{
    private static MapperConfiguration Configuration() =>
        new(cfg => cfg.AddMaps(Codebase.Modules.Select(m => m.Assembly).Distinct()));

    [Test]
    public void Every_mapping_profile_is_valid()
    {
        var configuration = Configuration();
        TestContext.Out.WriteLine($"type maps: {configuration.Internal().GetAllTypeMaps().Count}");
        Assert.That(configuration.Internal().GetAllTypeMaps(), Is.Not.Empty, "no profile found: the check would pass vacuously");
        Assert.DoesNotThrow(configuration.AssertConfigurationIsValid);
    }

    [Test]
    public void No_mapped_type_references_itself()
    {
        var mapped = Configuration().Internal().GetAllTypeMaps()
            .SelectMany(map => new[] { map.SourceType, map.DestinationType })
            .Distinct()
            .ToList();
        TestContext.Out.WriteLine($"mapped types checked: {mapped.Count}");
        Assert.That(mapped, Is.Not.Empty);
        var cycles = mapped.Select(t => CycleThrough(t)).OfType<string>().ToList();
        Assert.That(cycles, Is.Empty,
            "a mapped type reaches itself (GHSA-rvv3-g6hj-g44x): map flat DTOs only, build trees by hand");
    }

    [Test]
    public void The_cycle_check_finds_direct_and_indirect_self_references()
    {
        Assert.That(CycleThrough(typeof(Node)), Is.Not.Null);
        Assert.That(CycleThrough(typeof(Parent)), Is.Not.Null);
        Assert.That(CycleThrough(typeof(Flat)), Is.Null);
    }

    /// <summary>
    /// The path by which <paramref name="root"/> reaches itself through properties and fields (directly, through
    /// arrays, collections, nullable or other generic arguments, or through other types of ours), else null.
    /// </summary>
    private static string? CycleThrough(Type root)
    {
        var seen = new HashSet<Type>();
        var stack = new Stack<(Type Type, string Path)>();
        stack.Push((root, root.Name));
        while (stack.Count > 0)
        {
            var (type, path) = stack.Pop();
            foreach (var (name, memberType) in Members(type))
            {
                foreach (var reached in Mentioned(memberType))
                {
                    var next = $"{path}.{name}";
                    if (reached == root)
                    {
                        return $"{next} -> {root.FullName}";
                    }
                    if (IsOurs(reached) && seen.Add(reached))
                    {
                        stack.Push((reached, next));
                    }
                }
            }
        }
        return null;
    }

    private static IEnumerable<(string Name, Type Type)> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public;
        return type.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.Name, p.PropertyType))
            .Concat(type.GetFields(flags).Select(f => (f.Name, f.FieldType)));
    }

    private static IEnumerable<Type> Mentioned(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Mentioned(type.GetElementType()!))
            {
                yield return inner;
            }
        }
        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Mentioned))
            {
                yield return inner;
            }
        }
    }

    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("CommunityWorkforce", StringComparison.Ordinal) == true;

    private sealed class Node
    {
        public List<Node> Children { get; init; } = [];
    }

    private sealed class Parent
    {
        public Child? Child { get; init; }
    }

    private sealed class Child
    {
        public IReadOnlyList<Parent> Parents { get; init; } = [];
    }

    private sealed class Flat
    {
        public Guid Id { get; init; }
        public IReadOnlyList<string> Tags { get; init; } = [];
    }
}
