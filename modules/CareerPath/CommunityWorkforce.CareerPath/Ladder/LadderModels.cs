using CommunityWorkforce.Performance.Contracts;
using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.CareerPath.Ladder;

/// <summary>One post type's level band (e.g. head 7–18).</summary>
public sealed record LadderBand
{
    public string PostType { get; init; } = "";
    public string NameZh { get; init; } = "";
    public int MinLevel { get; init; }
    public int MaxLevel { get; init; }
}

/// <summary>The pay coefficient of one level (monthly pay = base × multiplier × coefficient).</summary>
public sealed record LevelCoefficient
{
    public int Level { get; init; }
    public decimal Coefficient { get; init; }
}

/// <summary>
/// 岗位等级序列 "三岗十八级" as configuration: bands, coefficients, the step rule and the starting-level bonuses. A version
/// applies from <see cref="EffectiveFrom"/> until the next one; a run or a step uses the version in force on its day.
/// </summary>
public sealed record LadderConfig
{
    public const int MaxLevels = 30;

    public DateOnly EffectiveFrom { get; init; }

    public IReadOnlyList<LadderBand> Bands { get; init; } = [];

    public IReadOnlyList<LevelCoefficient> Coefficients { get; init; } = [];

    /// <summary>One level per this many counted years.</summary>
    public int StepYears { get; init; } = 3;

    /// <summary>Appraisal grades that count as a year of service toward a step.</summary>
    public IReadOnlyList<string> CountedGrades { get; init; } = [Grades.Excellent, Grades.Competent];

    /// <summary>Whether a 不合格 year counts as service (default: it does not).</summary>
    public bool IncompetentYearCounts { get; init; }

    /// <summary>Whether a year without a published annual grade (before the system held appraisals) counts.</summary>
    public bool UngradedYearCounts { get; init; } = true;

    /// <summary>This many consecutive 优秀 years allow one early step (0: never).</summary>
    public int EarlyStepConsecutiveExcellent { get; init; } = 2;

    /// <summary>At most this many early steps in a career.</summary>
    public int EarlyStepCareerCap { get; init; } = 2;

    /// <summary>Starting-level bonus for a bachelor's degree (GB/T 4658 code 21).</summary>
    public int BachelorBonus { get; init; } = 1;

    /// <summary>…a master's degree (14).</summary>
    public int MasterBonus { get; init; } = 2;

    /// <summary>…a doctorate (11).</summary>
    public int DoctorateBonus { get; init; } = 3;

    /// <summary>Social-work certificate bonuses (only the highest counts): 助理社会工作师, 社会工作师, 高级社会工作师.</summary>
    public int AssistantCertificateBonus { get; init; } = 1;

    public int IntermediateCertificateBonus { get; init; } = 2;

    public int SeniorCertificateBonus { get; init; } = 3;

    /// <summary>Optimistic concurrency of this version's row (0 for a new effective date).</summary>
    public int Version { get; init; }

    public LadderBand? Band(string postType) => Bands.FirstOrDefault(b => b.PostType == postType);

    public decimal? CoefficientOf(int level) => Coefficients.FirstOrDefault(c => c.Level == level)?.Coefficient;

    /// <summary>The Shanghai-style default: head 7–18, deputy 4–15, staff 1–12; coefficients 1.00 + 0.08 per level.</summary>
    public static LadderConfig Default(DateOnly effectiveFrom) => new()
    {
        EffectiveFrom = effectiveFrom,
        Bands =
        [
            new() { PostType = PostTypes.Head, NameZh = "负责人（正职）", MinLevel = 7, MaxLevel = 18 },
            new() { PostType = PostTypes.Deputy, NameZh = "主管（副职）", MinLevel = 4, MaxLevel = 15 },
            new() { PostType = PostTypes.Staff, NameZh = "工作人员", MinLevel = 1, MaxLevel = 12 },
        ],
        Coefficients = Enumerable.Range(1, 18).Select(l => new LevelCoefficient { Level = l, Coefficient = 1.00m + (0.08m * (l - 1)) }).ToList(),
    };

    /// <summary>Every rule a stored ladder must keep; fields named as the client sends them.</summary>
    public void Validate(Validator validator)
    {
        var levels = Coefficients.Count;
        validator.Rule(levels is >= 1 and <= MaxLevels, "coefficients", Text.Of($"等级数应在 1 到 {MaxLevels} 之间。", $"Between 1 and {MaxLevels} levels."));
        for (var i = 0; i < Coefficients.Count; i++)
        {
            validator.Rule(Coefficients[i].Level == i + 1, $"coefficients[{i}].level", Text.Of($"应为第 {i + 1} 级（按顺序）。", $"Must be level {i + 1} (in order)."));
            validator.Rule(Coefficients[i].Coefficient is > 0 and <= 20, $"coefficients[{i}].coefficient", Text.Of("系数应大于 0 且不超过 20。", "Must be above 0 and at most 20."));
        }
        validator.Rule(Bands.Count > 0, "bands", Text.Of("至少需要一个岗位等级区间。", "At least one band."));
        for (var i = 0; i < Bands.Count; i++)
        {
            var band = Bands[i];
            validator.OneOf($"bands[{i}].postType", band.PostType, PostTypes.All);
            validator.Required($"bands[{i}].nameZh", band.NameZh, 40);
            var outside = Text.Of($"等级应在 1 到 {Math.Max(levels, 1)} 之间。", $"Level must be 1–{Math.Max(levels, 1)}.");
            validator.Rule(band.MinLevel >= 1 && band.MinLevel <= levels, $"bands[{i}].minLevel", outside);
            validator.Rule(band.MaxLevel >= 1 && band.MaxLevel <= levels, $"bands[{i}].maxLevel", outside);
            validator.Rule(band.MaxLevel >= band.MinLevel, $"bands[{i}].maxLevel", Text.Of("上限不能低于下限。", "The top may not be below the bottom."));
            validator.Rule(Bands.Count(b => b.PostType == band.PostType) == 1, $"bands[{i}].postType", Text.Of("岗位类型重复。", "Duplicate post type."));
        }
        validator.Range("stepYears", StepYears, 1, 10);
        validator.Rule(CountedGrades.Count > 0 && CountedGrades.All(g => Grades.All.Contains(g)) && !CountedGrades.Contains(Grades.Incompetent),
            "countedGrades", Text.Of("计入年限的考核等次应为 优秀/合格/基本合格 中的若干项。", "Counted grades: some of excellent, competent, basic."));
        validator.Range("earlyStepConsecutiveExcellent", EarlyStepConsecutiveExcellent, 0, 10);
        validator.Range("earlyStepCareerCap", EarlyStepCareerCap, 0, 10);
        foreach (var (field, value) in new[]
        {
            ("bachelorBonus", BachelorBonus), ("masterBonus", MasterBonus), ("doctorateBonus", DoctorateBonus),
            ("assistantCertificateBonus", AssistantCertificateBonus), ("intermediateCertificateBonus", IntermediateCertificateBonus),
            ("seniorCertificateBonus", SeniorCertificateBonus),
        })
        {
            validator.Range(field, value, 0, 5);
        }
    }
}

/// <summary>A ladder version as listed: its effective date and row version.</summary>
public sealed record LadderVersionSummary
{
    public DateOnly EffectiveFrom { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
