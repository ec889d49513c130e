using System.ComponentModel.DataAnnotations;
using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.Performance.Contracts;
using CommunityWorkforce.Training.Contracts;
using Validator = CommunityWorkforce.BuildingBlocks.Http.Validator;

namespace CommunityWorkforce.CareerPath.Tracks;

/// <summary>Career tracks (职业发展通道): 业务型 → 管理型 → 领导型.</summary>
public static class TrackCodes
{
    public const string Business = "business";
    public const string Management = "management";
    public const string Leadership = "leadership";

    public static readonly IReadOnlyList<string> All = [Business, Management, Leadership];
}

/// <summary>A competency the target post's profile asks for, at a level.</summary>
public sealed record CompetencyRequirement
{
    public string Code { get; init; } = "";
    public int MinLevel { get; init; }
}

/// <summary>
/// The explicit criteria of one step on a track (DOMAIN.md "Career path"): data HR edits, never code. Null means the
/// criterion does not apply.
/// </summary>
public sealed record StageCriteria
{
    /// <summary>Years in the grade in force (现等级任职年限).</summary>
    public decimal? MinYearsInGrade { get; init; }

    /// <summary>Years since the start of community work (社区工作年限).</summary>
    public int? MinYearsInCommunityWork { get; init; }

    /// <summary>Level in force at least this.</summary>
    public int? MinLevel { get; init; }

    /// <summary>The window of recent annual appraisals the next two criteria look at.</summary>
    public int? RecentYears { get; init; }

    /// <summary>At least this many 优秀 in the window.</summary>
    public int? MinExcellent { get; init; }

    /// <summary>Every published grade in the window at least this (excellent, competent, basic).</summary>
    public string? LowestGrade { get; init; }

    /// <summary>Training hours credited in the last 12 months.</summary>
    public decimal? MinTrainingHours { get; init; }

    /// <summary>This year's required hours done and no mandatory course overdue.</summary>
    public bool MandatoryCompliance { get; init; }

    /// <summary>Competency levels from the target post's requirement profile.</summary>
    public IReadOnlyList<CompetencyRequirement> Competencies { get; init; } = [];

    /// <summary>A social-work qualification at least this level (assistant, intermediate, senior).</summary>
    public string? SocialWorkLevel { get; init; }

    /// <summary>Not older than this on the day.</summary>
    public int? MaxAge { get; init; }

    /// <summary>
    /// What to read to judge a worker against all of <paramref name="criteria"/> at once: the widest appraisal window,
    /// hours, compliance and the certificate where any asks, every competency any names. For reading facts, not for judging.
    /// </summary>
    public static StageCriteria Union(IEnumerable<StageCriteria> criteria)
    {
        var all = criteria.ToList();
        return new StageCriteria
        {
            RecentYears = all.Max(c => c.RecentYears),
            MinTrainingHours = all.Any(c => c.MinTrainingHours is not null) ? 0 : null,
            MandatoryCompliance = all.Any(c => c.MandatoryCompliance),
            Competencies = all.SelectMany(c => c.Competencies).ToList(),
            SocialWorkLevel = all.FirstOrDefault(c => c.SocialWorkLevel is not null)?.SocialWorkLevel,
        };
    }

    public void Validate(Validator validator, string prefix)
    {
        validator.Rule(MinYearsInGrade is null or (>= 0 and <= 40), prefix + "minYearsInGrade", Text.Of("应在 0 到 40 之间。", "Must be 0–40."));
        validator.Range(prefix + "minYearsInCommunityWork", MinYearsInCommunityWork, 0, 45);
        validator.Range(prefix + "minLevel", MinLevel, 1, LadderConfig.MaxLevels);
        validator.Range(prefix + "recentYears", RecentYears, 1, 10);
        validator.Range(prefix + "minExcellent", MinExcellent, 0, 10);
        validator.Rule(MinExcellent is null || RecentYears is not null, prefix + "recentYears", Text.Of("设置优秀次数时需给出年限。", "Needed with minExcellent."));
        validator.Rule(LowestGrade is null || RecentYears is not null, prefix + "recentYears", Text.Of("设置最低等次时需给出年限。", "Needed with lowestGrade."));
        validator.Rule(MinExcellent is null || RecentYears is null || MinExcellent <= RecentYears, prefix + "minExcellent",
            Text.Of("优秀次数不能多于年数。", "At most one per year."));
        validator.OneOf(prefix + "lowestGrade", LowestGrade, [Grades.Excellent, Grades.Competent, Grades.Basic]);
        validator.Rule(MinTrainingHours is null or (>= 0 and <= 500), prefix + "minTrainingHours", Text.Of("学时应在 0 到 500 之间。", "Hours must be 0–500."));
        validator.OneOf(prefix + "socialWorkLevel", SocialWorkLevel, SocialWorkLevels.All);
        validator.Range(prefix + "maxAge", MaxAge, 18, 70);
        for (var i = 0; i < Competencies.Count; i++)
        {
            validator.Required($"{prefix}competencies[{i}].code", Competencies[i].Code, 80);
            validator.Range($"{prefix}competencies[{i}].minLevel", Competencies[i].MinLevel, 1, 5);
        }
    }
}

/// <summary>A stage of a track: 助理岗位, 后备干部, 副职, 正职 …</summary>
public sealed record StageResponse
{
    public string Code { get; init; } = "";
    public string Track { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>The post type a worker holds after the step (null: a pool such as 后备干部, not a post).</summary>
    public string? PostType { get; init; }

    public int SortOrder { get; init; }
    public StageCriteria Criteria { get; init; } = new();
    public int Version { get; init; }
}

/// <summary>HR creates a stage (version 0) or edits one at its version.</summary>
public sealed record SaveStageRequest
{
    [Required, MaxLength(40)]
    public string Track { get; init; } = "";

    [Required, MaxLength(40)]
    public string NameZh { get; init; } = "";

    [Required, MaxLength(80)]
    public string NameEn { get; init; } = "";

    [MaxLength(40)]
    public string? PostType { get; init; }

    public int SortOrder { get; init; }

    [Required]
    public StageCriteria Criteria { get; init; } = new();

    public int Version { get; init; }
}

/// <summary>One criterion for one worker: met or not, what is required and held, and what is missing in words.</summary>
public sealed record CriterionResult
{
    public string Code { get; init; } = "";
    public bool Met { get; init; }
    public string Required { get; init; } = "";
    public string Actual { get; init; } = "";
    public string? MissingZh { get; init; }
    public string? MissingEn { get; init; }
}

public sealed record EligibilityResponse
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public string StageCode { get; init; } = "";
    public string StageNameZh { get; init; } = "";
    public bool Eligible { get; init; }
    public int MetCount { get; init; }
    public IReadOnlyList<CriterionResult> Criteria { get; init; } = [];
}

/// <summary>A row of a scope's eligibility list.</summary>
public sealed record EligibleWorkerResponse
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string? PostType { get; init; }
    public int? Level { get; init; }
    public bool Eligible { get; init; }
    public int MetCount { get; init; }
    public int CriteriaCount { get; init; }

    /// <summary>What is missing, joined (empty when eligible).</summary>
    public string Missing { get; init; } = "";
}

public sealed record EligibilityListQuery
{
    [Required, MaxLength(40)]
    public string Stage { get; init; } = "";

    public Guid? OrgUnitId { get; init; }

    /// <summary>true: only the eligible; false: only those who miss something; omitted: everyone.</summary>
    public bool? Eligible { get; init; }
}
