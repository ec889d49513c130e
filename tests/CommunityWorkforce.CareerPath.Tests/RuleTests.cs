using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.CareerPath.Levels;
using CommunityWorkforce.BuildingBlocks.Http;

namespace CommunityWorkforce.CareerPath.Tests;

/// <summary>The ladder's rules as plain functions: starting level, the annual step, the early step and its cap.</summary>
[TestFixture]
public sealed class RuleTests
{
    private static readonly LadderConfig Ladder = LadderConfig.Default(new DateOnly(2000, 1, 1));

    private static ProgressionOutcome Run(string postType, int level, DateOnly since, int early, params (int Year, string Grade)[] grades) =>
        GradeRules.Evaluate(Ladder, new ProgressionInput(postType, level, since, early, grades.ToDictionary(g => g.Year, g => g.Grade)), new DateOnly(2026, 1, 1));

    [Test]
    public void Starting_level_adds_education_and_the_highest_certificate_capped_at_the_band()
    {
        Assert.That(GradeRules.StartingLevel(Ladder, "staff", "21", null), Is.EqualTo(2));
        Assert.That(GradeRules.StartingLevel(Ladder, "staff", "14", "intermediate"), Is.EqualTo(5));
        Assert.That(GradeRules.StartingLevel(Ladder, "deputy", "31", "senior"), Is.EqualTo(7));
        var generous = Ladder with { DoctorateBonus = 5, SeniorCertificateBonus = 5 };
        Assert.That(GradeRules.StartingLevel(generous with { Bands = [new() { PostType = "staff", NameZh = "x", MinLevel = 1, MaxLevel = 8 }] }, "staff", "11", "senior"),
            Is.EqualTo(8), "capped at the band's top");
    }

    [Test]
    public void Three_counted_years_step_one_level_and_explain_the_grades()
    {
        var outcome = Run("staff", 3, new DateOnly(2023, 1, 1), 0, (2023, "competent"), (2024, "competent"), (2025, "excellent"));
        Assert.That(outcome.ToLevel, Is.EqualTo(4));
        Assert.That(outcome.ReasonCode, Is.EqualTo(GradeReasons.Progression));
        Assert.That(outcome.Explanation, Is.EqualTo("满3年，考核 合格/合格/优秀"));
    }

    [Test]
    public void An_incompetent_year_does_not_count_as_service_unless_the_ladder_says_so()
    {
        var blocked = Run("staff", 3, new DateOnly(2023, 1, 1), 0, (2023, "competent"), (2024, "incompetent"), (2025, "competent"));
        Assert.That(blocked.ToLevel, Is.EqualTo(3));
        Assert.That(blocked.Explanation, Does.Contain("不合格（不计）"));
        Assert.That(blocked.NextDueOn, Is.EqualTo(new DateOnly(2027, 1, 1)));
        var lenient = GradeRules.Evaluate(Ladder with { IncompetentYearCounts = true },
            new ProgressionInput("staff", 3, new DateOnly(2023, 1, 1), 0, new Dictionary<int, string> { [2023] = "competent", [2024] = "incompetent", [2025] = "competent" }),
            new DateOnly(2026, 1, 1));
        Assert.That(lenient.ToLevel, Is.EqualTo(4));
    }

    [Test]
    public void Two_consecutive_excellent_years_step_early_at_most_twice_in_a_career()
    {
        var early = Run("deputy", 6, new DateOnly(2024, 1, 1), 1, (2024, "excellent"), (2025, "excellent"));
        Assert.That(early.ToLevel, Is.EqualTo(7));
        Assert.That(early.ReasonCode, Is.EqualTo(GradeReasons.EarlyStep));
        var capped = Run("deputy", 6, new DateOnly(2024, 1, 1), 2, (2024, "excellent"), (2025, "excellent"));
        Assert.That(capped.ToLevel, Is.EqualTo(6), "the third early step is refused");
        var notConsecutive = Run("deputy", 6, new DateOnly(2024, 1, 1), 0, (2024, "competent"), (2025, "excellent"));
        Assert.That(notConsecutive.ToLevel, Is.EqualTo(6));
    }

    [Test]
    public void The_top_of_the_band_stops_progression_and_a_mid_year_start_waits_for_full_years()
    {
        Assert.That(Run("staff", 12, new DateOnly(2020, 1, 1), 0).ToLevel, Is.EqualTo(12));
        var midYear = Run("staff", 2, new DateOnly(2023, 7, 1), 0, (2024, "competent"), (2025, "competent"));
        Assert.That(midYear.ToLevel, Is.EqualTo(2));
        Assert.That(midYear.NextDueOn, Is.EqualTo(new DateOnly(2027, 1, 1)));
    }

    [Test]
    public void A_ladder_with_a_band_outside_the_levels_names_the_field()
    {
        var validator = new Validator();
        (Ladder with { Bands = [new() { PostType = "staff", NameZh = "工作人员", MinLevel = 0, MaxLevel = 19 }] }).Validate(validator);
        var fields = validator.Errors.Select(e => e.Field).ToList();
        Assert.That(fields, Does.Contain("bands[0].minLevel").And.Contain("bands[0].maxLevel"));
    }
}
