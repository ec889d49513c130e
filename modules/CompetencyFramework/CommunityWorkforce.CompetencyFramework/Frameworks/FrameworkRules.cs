using System.Text.RegularExpressions;
using CommunityWorkforce.BuildingBlocks.Http;

namespace CommunityWorkforce.CompetencyFramework.Frameworks;

/// <summary>A framework's content as plain values: what a draft holds, what the seed writes, what a diff compares.</summary>
internal sealed record FrameworkDoc(IReadOnlyList<DimensionDoc> Dimensions)
{
    public IEnumerable<(DimensionDoc Dimension, CompetencyDoc Competency)> Competencies =>
        Dimensions.SelectMany(d => d.Competencies.Select(c => (d, c)));
}

internal sealed record DimensionDoc(string Code, string NameZh, string NameEn, IReadOnlyList<CompetencyDoc> Competencies);

internal sealed record CompetencyDoc(string Code, string NameZh, string NameEn, IReadOnlyList<LevelDoc> Levels);

internal sealed record LevelDoc(int Level, string IndicatorZh, string IndicatorEn);

/// <summary>Rules of a framework's content: codes, names, and exactly the levels 1–5 with an indicator each, in both languages.</summary>
internal static partial class FrameworkRules
{
    public const int MinLevel = 1;
    public const int MaxLevel = 5;

    /// <summary>Profiles keep the competencies they require as bits of one integer, so a framework holds at most 60.</summary>
    public const int MaxCompetencies = 60;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    public static partial Regex CodePattern();

    public static FrameworkDoc? Check(Validator validator, IReadOnlyList<DimensionInput>? dimensions)
    {
        if (dimensions is null || dimensions.Count == 0)
        {
            validator.Add("dimensions", Text.Of("至少需要一个维度。", "At least one dimension is required."));
            return null;
        }
        var dimensionCodes = new HashSet<string>(StringComparer.Ordinal);
        var competencyCodes = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DimensionDoc>();
        for (var d = 0; d < dimensions.Count; d++)
        {
            var at = $"dimensions[{d}]";
            if (dimensions[d] is not { } dim)
            {
                validator.Add(at, Text.Of("必填。", "Required."));
                continue;
            }
            CheckCode(validator, $"{at}.code", dim.Code, dimensionCodes);
            validator.Required($"{at}.nameZh", dim.NameZh, 100).Required($"{at}.nameEn", dim.NameEn, 100);
            var competencies = new List<CompetencyDoc>();
            if (dim.Competencies is null || dim.Competencies.Count == 0)
            {
                validator.Add($"{at}.competencies", Text.Of("每个维度至少需要一项能力。", "Each dimension needs at least one competency."));
            }
            for (var c = 0; c < (dim.Competencies?.Count ?? 0); c++)
            {
                var cat = $"{at}.competencies[{c}]";
                if (dim.Competencies![c] is not { } comp)
                {
                    validator.Add(cat, Text.Of("必填。", "Required."));
                    continue;
                }
                CheckCode(validator, $"{cat}.code", comp.Code, competencyCodes);
                validator.Required($"{cat}.nameZh", comp.NameZh, 100).Required($"{cat}.nameEn", comp.NameEn, 100);
                var levels = new List<LevelDoc>();
                var seen = new HashSet<int>();
                for (var l = 0; l < (comp.Levels?.Count ?? 0); l++)
                {
                    var lat = $"{cat}.levels[{l}]";
                    if (comp.Levels![l] is not { } level)
                    {
                        validator.Add(lat, Text.Of("必填。", "Required."));
                        continue;
                    }
                    validator.Required($"{lat}.level", level.Level).Range($"{lat}.level", level.Level, MinLevel, MaxLevel);
                    if (level.Level is { } n && n is >= MinLevel and <= MaxLevel && !seen.Add(n))
                    {
                        validator.Add($"{lat}.level", Text.Of($"等级 {n} 重复。", $"Level {n} appears twice."));
                    }
                    validator.Required($"{lat}.indicatorZh", level.IndicatorZh, 500).Required($"{lat}.indicatorEn", level.IndicatorEn, 500);
                    levels.Add(new LevelDoc(level.Level ?? 0, level.IndicatorZh?.Trim() ?? "", level.IndicatorEn?.Trim() ?? ""));
                }
                if (Enumerable.Range(MinLevel, MaxLevel).Any(n => !seen.Contains(n)))
                {
                    validator.Add($"{cat}.levels", Text.Of("须为 1–5 每一级填写行为指标。", "Every level 1–5 needs a behavioural indicator."));
                }
                competencies.Add(new CompetencyDoc(comp.Code?.Trim() ?? "", comp.NameZh?.Trim() ?? "", comp.NameEn?.Trim() ?? "",
                    levels.OrderBy(x => x.Level).ToList()));
            }
            result.Add(new DimensionDoc(dim.Code?.Trim() ?? "", dim.NameZh?.Trim() ?? "", dim.NameEn?.Trim() ?? "", competencies));
        }
        if (competencyCodes.Count > MaxCompetencies)
        {
            validator.Add("dimensions", Text.Of($"一个能力框架最多 {MaxCompetencies} 项能力。", $"A framework holds at most {MaxCompetencies} competencies."));
        }
        return validator.IsValid ? new FrameworkDoc(result) : null;
    }

    private static void CheckCode(Validator validator, string field, string? code, HashSet<string> seen)
    {
        validator.Required(field, code, 60);
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }
        var trimmed = code.Trim();
        validator.Matches(field, trimmed, CodePattern(), "编码只能包含小写字母、数字和连字符。", "Codes use lower-case letters, digits and hyphens.");
        if (!seen.Add(trimmed))
        {
            validator.Add(field, Text.Of($"编码“{trimmed}”重复。", $"Code '{trimmed}' appears twice."));
        }
    }

    /// <summary>Competencies added, removed and changed from <paramref name="from"/> to <paramref name="to"/>, matched by code.</summary>
    public static (List<CompetencyChange> Added, List<CompetencyChange> Removed, List<CompetencyChange> Changed) Diff(FrameworkDoc from, FrameworkDoc to)
    {
        var before = from.Competencies.ToDictionary(x => x.Competency.Code, StringComparer.Ordinal);
        var after = to.Competencies.ToDictionary(x => x.Competency.Code, StringComparer.Ordinal);
        static CompetencyChange Change(CompetencyDoc c, IReadOnlyList<string>? fields = null) =>
            new() { Code = c.Code, NameZh = c.NameZh, NameEn = c.NameEn, Fields = fields ?? [] };
        var added = after.Values.Where(x => !before.ContainsKey(x.Competency.Code)).Select(x => Change(x.Competency)).ToList();
        var removed = before.Values.Where(x => !after.ContainsKey(x.Competency.Code)).Select(x => Change(x.Competency)).ToList();
        var changed = new List<CompetencyChange>();
        foreach (var (code, now) in after)
        {
            if (!before.TryGetValue(code, out var was))
            {
                continue;
            }
            var fields = new List<string>();
            if (was.Competency.NameZh != now.Competency.NameZh || was.Competency.NameEn != now.Competency.NameEn)
            {
                fields.Add("name");
            }
            if (was.Dimension.Code != now.Dimension.Code)
            {
                fields.Add("dimension");
            }
            for (var level = MinLevel; level <= MaxLevel; level++)
            {
                var a = was.Competency.Levels.FirstOrDefault(l => l.Level == level);
                var b = now.Competency.Levels.FirstOrDefault(l => l.Level == level);
                if (a?.IndicatorZh != b?.IndicatorZh || a?.IndicatorEn != b?.IndicatorEn)
                {
                    fields.Add($"level-{level}");
                }
            }
            if (fields.Count > 0)
            {
                changed.Add(Change(now.Competency, fields));
            }
        }
        return (added, removed, changed);
    }
}
