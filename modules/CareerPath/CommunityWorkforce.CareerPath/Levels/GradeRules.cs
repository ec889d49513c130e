using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.Performance.Contracts;
using CommunityWorkforce.Training.Contracts;

namespace CommunityWorkforce.CareerPath.Levels;

/// <summary>Why a grade-history row exists (stable codes).</summary>
public static class GradeReasons
{
    public const string Initial = "initial";
    public const string Progression = "progression";
    public const string EarlyStep = "early-step";
    public const string Promotion = "promotion";
    public const string Demotion = "demotion";
    public const string Correction = "correction";

    public static readonly IReadOnlyList<string> Recordable = [Initial, Correction];
}

/// <summary>A worker's grade in force and what the progression rule needs about them.</summary>
public sealed record ProgressionInput(string PostType, int Level, DateOnly Since, int EarlyStepsUsed, IReadOnlyDictionary<int, string> AnnualGrades);

/// <summary>What the rule decided: the level after the run (equal to the current one when no step), why, and when the next step is due.</summary>
public sealed record ProgressionOutcome(int ToLevel, string? ReasonCode, string Explanation, string ExplanationEn, DateOnly? NextDueOn);

/// <summary>
/// The grade ladder's rules as plain functions: the starting level in a band and the annual step (DOMAIN.md "Posts and the
/// grade ladder"). A year counts toward a step when its annual grade is one of the ladder's counted grades (or it has no
/// published grade and ungraded years count); a 不合格 year counts only when the ladder says so.
/// </summary>
public static class GradeRules
{
    /// <summary>Band bottom + the education bonus + the highest social-work certificate's bonus, capped at the band's top.</summary>
    public static int StartingLevel(LadderConfig ladder, string postType, string? education, string? socialWorkLevel)
    {
        var band = ladder.Band(postType) ?? throw new ArgumentException($"No band for '{postType}'.", nameof(postType));
        var educationBonus = education switch
        {
            "11" => ladder.DoctorateBonus,
            "14" => ladder.MasterBonus,
            "21" => ladder.BachelorBonus,
            _ => 0,
        };
        var certificateBonus = socialWorkLevel switch
        {
            SocialWorkLevels.Senior => ladder.SeniorCertificateBonus,
            SocialWorkLevels.Intermediate => ladder.IntermediateCertificateBonus,
            SocialWorkLevels.Assistant => ladder.AssistantCertificateBonus,
            _ => 0,
        };
        return Math.Min(band.MinLevel + educationBonus + certificateBonus, band.MaxLevel);
    }

    /// <summary>The appraisal years of the period since a grade took effect: the calendar years after it, up to the year before <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<int> PeriodYears(DateOnly since, DateOnly asOf)
    {
        var first = since.Month == 1 && since.Day == 1 ? since.Year : since.Year + 1;
        return first > asOf.Year - 1 ? [] : Enumerable.Range(first, asOf.Year - first).ToList();
    }

    public static ProgressionOutcome Evaluate(LadderConfig ladder, ProgressionInput w, DateOnly asOf)
    {
        var band = ladder.Band(w.PostType);
        if (band is null)
        {
            return new(w.Level, null, "岗位类型无等级区间，不参与晋级。", "No band for this post type.", null);
        }
        if (w.Level >= band.MaxLevel)
        {
            return new(w.Level, null, $"已达{band.NameZh}最高等级 {band.MaxLevel} 级。", $"At the top of the band ({band.MaxLevel}).", null);
        }
        var years = PeriodYears(w.Since, asOf);
        var counted = 0;
        var namesZh = new List<string>();
        var namesEn = new List<string>();
        foreach (var year in years)
        {
            var grade = w.AnnualGrades.GetValueOrDefault(year);
            var counts = grade is null
                ? ladder.UngradedYearCounts
                : grade == Grades.Incompetent ? ladder.IncompetentYearCounts : ladder.CountedGrades.Contains(grade);
            counted += counts ? 1 : 0;
            namesZh.Add(grade is null ? "无记录" : Grades.NameOf(grade) + (counts ? "" : "（不计）"));
            namesEn.Add((grade ?? "none") + (counts ? "" : " (not counted)"));
        }
        var gradesZh = years.Count == 0 ? "期内无考核年度" : "考核 " + string.Join("/", namesZh);
        var gradesEn = years.Count == 0 ? "no appraisal year yet" : "grades " + string.Join("/", namesEn);
        if (counted >= ladder.StepYears)
        {
            return new(w.Level + 1, GradeReasons.Progression, $"满{ladder.StepYears}年，{gradesZh}",
                $"{ladder.StepYears} years since the last step, {gradesEn}", asOf.AddYears(ladder.StepYears));
        }
        var k = ladder.EarlyStepConsecutiveExcellent;
        if (k > 0 && years.Count >= k && w.EarlyStepsUsed < ladder.EarlyStepCareerCap
            && years.TakeLast(k).All(y => w.AnnualGrades.GetValueOrDefault(y) == Grades.Excellent))
        {
            return new(w.Level + 1, GradeReasons.EarlyStep,
                $"连续{k}年优秀，提前晋级（职业生涯第{w.EarlyStepsUsed + 1}次，最多{ladder.EarlyStepCareerCap}次），{gradesZh}",
                $"{k} consecutive excellent years: early step ({w.EarlyStepsUsed + 1} of at most {ladder.EarlyStepCareerCap}), {gradesEn}",
                asOf.AddYears(ladder.StepYears));
        }
        var due = new DateOnly(asOf.Year + (ladder.StepYears - counted), 1, 1);
        return new(w.Level, null, $"已计{counted}年，需满{ladder.StepYears}年，{gradesZh}",
            $"{counted} of {ladder.StepYears} years counted, {gradesEn}", due);
    }
}
