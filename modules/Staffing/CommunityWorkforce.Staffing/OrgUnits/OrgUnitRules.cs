using System.Text.RegularExpressions;

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

    /// <summary>A level's name in the request's language, for messages.</summary>
    internal static string LevelName(string? level) => level switch
    {
        OrgLevels.City => Text.Of("市", "city"),
        OrgLevels.District => Text.Of("区", "district"),
        OrgLevels.Street => Text.Of("街道/镇", "street/town"),
        OrgLevels.Community => Text.Of("居委会/村委会", "community"),
        OrgLevels.Centre => Text.Of("街道中心", "centre"),
        null => Text.Of("根", "root"),
        _ => level,
    };
}
