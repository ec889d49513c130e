using System.Text.RegularExpressions;
using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>The shape of the org tree: which level may sit under which, and how paths are made.</summary>
internal static partial class OrgUnitRules
{
    public const string Active = "active";
    public const string Closed = "closed";

    private static readonly Dictionary<string, string[]> ChildLevels = new()
    {
        [OrgLevels.City] = [OrgLevels.District],
        [OrgLevels.District] = [OrgLevels.Street],
        [OrgLevels.Street] = [OrgLevels.Community, OrgLevels.Centre],
        [OrgLevels.Community] = [],
        [OrgLevels.Centre] = [],
    };

    /// <summary>Statistical division codes and similar: digits, letters and dashes.</summary>
    [GeneratedRegex("^[0-9A-Za-z-]{1,20}$")]
    public static partial Regex CodePattern();

    /// <summary>A root unit must be a city; any other level needs a parent one level up.</summary>
    public static bool MayContain(string? parentLevel, string childLevel) =>
        parentLevel is null
            ? childLevel == OrgLevels.City
            : ChildLevels.TryGetValue(parentLevel, out var allowed) && allowed.Contains(childLevel);

    public static string PathOf(string? parentPath, string code) => (parentPath ?? "/") + code + "/";

    public static int DepthOf(string path) => path.Count(c => c == '/') - 1;

    /// <summary>True when <paramref name="candidatePath"/> is <paramref name="path"/> itself or lies below it.</summary>
    public static bool IsWithin(string candidatePath, string path) =>
        candidatePath.StartsWith(path, StringComparison.Ordinal);
}
