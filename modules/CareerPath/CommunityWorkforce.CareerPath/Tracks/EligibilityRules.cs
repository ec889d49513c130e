using CommunityWorkforce.Performance.Contracts;
using CommunityWorkforce.Training.Contracts;

namespace CommunityWorkforce.CareerPath.Tracks;

/// <summary>What the criteria look at about one worker, gathered set-wise from the published views.</summary>
public sealed record WorkerFacts
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public DateOnly BirthDate { get; init; }
    public DateOnly ServiceStartDate { get; init; }
    public string? PostType { get; init; }
    public int? Level { get; init; }
    public DateOnly? GradeSince { get; init; }
    public IReadOnlyDictionary<int, string> AnnualGrades { get; init; } = new Dictionary<int, string>();
    public decimal TrainingHours { get; init; }
    public string? SocialWorkLevel { get; init; }
    public IReadOnlyDictionary<string, int> CompetencyLevels { get; init; } = new Dictionary<string, int>();

    /// <summary>Null when not read (the criterion is not asked, or a set-wise pass that confirms it later).</summary>
    public MandatoryCompliance? Compliance { get; init; }
}

/// <summary>Each criterion of a stage against a worker's facts, with the missing amount in words (zh and en).</summary>
public static class EligibilityRules
{
    private static readonly string[] GradeOrder = [Grades.Incompetent, Grades.Basic, Grades.Competent, Grades.Excellent];
    private static readonly string[] SocialWorkOrder = [SocialWorkLevels.Assistant, SocialWorkLevels.Intermediate, SocialWorkLevels.Senior];

    public static decimal YearsBetween(DateOnly from, DateOnly to) => Math.Round((to.DayNumber - from.DayNumber) / 365.25m, 1);

    public static int Age(DateOnly birth, DateOnly on) => on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);

    /// <summary>
    /// Every criterion of <paramref name="c"/> against <paramref name="w"/>. The missing amount is put in words only for a
    /// criterion not met (a city's eligibility list evaluates 60,000 workers; most criteria are met).
    /// </summary>
    public static IReadOnlyList<CriterionResult> Evaluate(StageCriteria c, WorkerFacts w, DateOnly asOf)
    {
        var results = new List<CriterionResult>(8);
        if (c.MinYearsInGrade is { } years)
        {
            var held = w.GradeSince is { } since ? YearsBetween(since, asOf) : 0m;
            var missing = years - held;
            results.Add(missing <= 0 ? Met("yearsInGrade", $"{years}", $"{held}") : Unmet("yearsInGrade", $"{years}", $"{held}",
                w.GradeSince is null ? "尚未定级" : $"需在现等级再任职 {missing} 年",
                w.GradeSince is null ? "no grade recorded yet" : $"needs {missing} more years in grade"));
        }
        if (c.MinYearsInCommunityWork is { } work)
        {
            var held = YearsBetween(w.ServiceStartDate, asOf);
            results.Add(held >= work ? Met("yearsInCommunityWork", $"{work}", $"{held}") : Unmet("yearsInCommunityWork", $"{work}", $"{held}",
                $"需再从事社区工作 {work - held} 年", $"needs {work - held} more years in community work"));
        }
        if (c.MinLevel is { } level)
        {
            results.Add((w.Level ?? 0) >= level ? Met("level", $"{level}", $"{w.Level}") : Unmet("level", $"{level}", $"{w.Level}",
                $"需达到 {level} 级（现 {w.Level?.ToString() ?? "未定级"}）", $"needs level {level} (now {w.Level?.ToString() ?? "none"})"));
        }
        if (c.RecentYears is { } window)
        {
            var first = asOf.Year - window;
            if (c.MinExcellent is { } excellent and > 0)
            {
                var count = 0;
                for (var y = first; y < asOf.Year; y++)
                {
                    count += w.AnnualGrades.GetValueOrDefault(y) == Grades.Excellent ? 1 : 0;
                }
                var more = excellent - count;
                results.Add(more <= 0 ? Met("recentExcellent", $"{excellent}/{window}", $"{count}") : Unmet("recentExcellent", $"{excellent}/{window}", $"{count}",
                    more == 1 ? $"近{window}年需再获优秀 1 次" : $"近{window}年需再获优秀 {more} 次",
                    more == 1 ? $"needs 优秀 once more in the last {window} years" : $"needs 优秀 {more} more times in the last {window} years"));
            }
            if (c.LowestGrade is { } lowest)
            {
                var floor = Array.IndexOf(GradeOrder, lowest);
                var yearsInWindow = Enumerable.Range(first, window);
                var below = yearsInWindow.Where(y => w.AnnualGrades.TryGetValue(y, out var g) && Array.IndexOf(GradeOrder, g) < floor).ToList();
                var actual = string.Join("/", yearsInWindow.Select(y => w.AnnualGrades.TryGetValue(y, out var g) ? Grades.NameOf(g) : "—"));
                results.Add(below.Count == 0 ? Met("recentGrades", Grades.NameOf(lowest), actual) : Unmet("recentGrades", Grades.NameOf(lowest), actual,
                    $"近{window}年考核需均为{Grades.NameOf(lowest)}及以上（{string.Join("、", below.Select(y => $"{y}年{Grades.NameOf(w.AnnualGrades[y])}"))}）",
                    $"every grade of the last {window} years must be {lowest} or better ({string.Join(", ", below.Select(y => $"{y}: {w.AnnualGrades[y]}"))})"));
            }
        }
        if (c.MinTrainingHours is { } hours)
        {
            var more = hours - w.TrainingHours;
            results.Add(more <= 0 ? Met("trainingHours", $"{hours}", $"{w.TrainingHours}") : Unmet("trainingHours", $"{hours}", $"{w.TrainingHours}",
                $"近12个月还需 {more} 学时培训", $"needs {more} more training hours (last 12 months)"));
        }
        if (c.MandatoryCompliance && w.Compliance is { } compliance)
        {
            if (compliance.Compliant)
            {
                results.Add(Met("mandatoryCompliance", $"{compliance.HoursRequired}", $"{compliance.HoursDone}"));
            }
            else
            {
                var short_ = compliance.HoursRequired - compliance.HoursDone;
                var parts = new List<string>();
                var partsEn = new List<string>();
                if (short_ > 0)
                {
                    parts.Add($"本年度还需 {short_} 学时");
                    partsEn.Add($"{short_} more hours this year");
                }
                if (compliance.OverdueCourseCodes.Count > 0)
                {
                    parts.Add($"必修课程未完成：{string.Join("、", compliance.OverdueCourseCodes)}");
                    partsEn.Add($"mandatory courses overdue: {string.Join(", ", compliance.OverdueCourseCodes)}");
                }
                results.Add(Unmet("mandatoryCompliance", $"{compliance.HoursRequired}", $"{compliance.HoursDone}",
                    string.Join("；", parts), string.Join("; ", partsEn)));
            }
        }
        foreach (var req in c.Competencies)
        {
            var held = w.CompetencyLevels.GetValueOrDefault(req.Code);
            var code = "competency:" + req.Code;
            results.Add(held >= req.MinLevel ? Met(code, $"{req.MinLevel}", $"{held}") : Unmet(code, $"{req.MinLevel}", $"{held}",
                held == 0 ? $"能力「{req.Code}」尚无评估结果，需达到 {req.MinLevel} 级" : $"能力「{req.Code}」需达到 {req.MinLevel} 级（现 {held} 级）",
                held == 0 ? $"competency {req.Code} not assessed; needs level {req.MinLevel}" : $"competency {req.Code} needs level {req.MinLevel} (now {held})"));
        }
        if (c.SocialWorkLevel is { } certificate)
        {
            var held = w.SocialWorkLevel is null ? -1 : Array.IndexOf(SocialWorkOrder, w.SocialWorkLevel);
            results.Add(held >= Array.IndexOf(SocialWorkOrder, certificate) ? Met("certificate", certificate, w.SocialWorkLevel ?? "")
                : Unmet("certificate", certificate, w.SocialWorkLevel ?? "",
                    $"需取得社会工作者职业资格（{SocialWorkName(certificate)}及以上）", $"needs a social-work qualification ({certificate} or higher)"));
        }
        if (c.MaxAge is { } maxAge)
        {
            var age = Age(w.BirthDate, asOf);
            results.Add(age <= maxAge ? Met("age", $"≤{maxAge}", $"{age}")
                : Unmet("age", $"≤{maxAge}", $"{age}", $"年龄 {age} 岁，超过 {maxAge} 岁上限", $"aged {age}, above the limit of {maxAge}"));
        }
        return results;
    }

    private static string SocialWorkName(string level) => level switch
    {
        SocialWorkLevels.Assistant => "助理社会工作师",
        SocialWorkLevels.Intermediate => "社会工作师",
        SocialWorkLevels.Senior => "高级社会工作师",
        _ => level,
    };

    private static CriterionResult Met(string code, string required, string actual) => new()
    {
        Code = code, Met = true, Required = required, Actual = actual,
    };

    private static CriterionResult Unmet(string code, string required, string actual, string missingZh, string missingEn) => new()
    {
        Code = code, Met = false, Required = required, Actual = actual, MissingZh = missingZh, MissingEn = missingEn,
    };
}
