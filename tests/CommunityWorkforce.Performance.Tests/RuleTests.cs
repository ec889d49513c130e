using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.Performance.Calendar;
using CommunityWorkforce.Performance.Contracts;
using CommunityWorkforce.Performance.Cycles;
using CommunityWorkforce.Performance.Scoring;
using CommunityWorkforce.Performance.Settings;
using CommunityWorkforce.Performance.Templates;

namespace CommunityWorkforce.Performance.Tests;

/// <summary>The working-day calendar on China's 2026 schedule, as shipped in the migration's data.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly DateOnly[] Holidays2026 =
    [
        .. Range(new(2026, 1, 1), new(2026, 1, 3)), .. Range(new(2026, 2, 15), new(2026, 2, 23)), .. Range(new(2026, 4, 4), new(2026, 4, 6)),
        .. Range(new(2026, 5, 1), new(2026, 5, 5)), .. Range(new(2026, 6, 19), new(2026, 6, 21)), .. Range(new(2026, 9, 25), new(2026, 9, 27)),
        .. Range(new(2026, 10, 1), new(2026, 10, 7)),
    ];

    private static readonly DateOnly[] Workdays2026 = [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)];

    private static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private static WorkingCalendar Calendar() => new(Holidays2026, Workdays2026, [2025, 2026]);

    [Test]
    public void Five_working_days_from_30_September_2026_skip_National_Day_and_count_the_make_up_Saturday()
    {
        var (due, missing) = Calendar().AddWorkingDays(new DateOnly(2026, 9, 30), 5);

        Assert.That(due, Is.EqualTo(new DateOnly(2026, 10, 13)), "8, 9, 10 (make-up Saturday), 12, 13 October");
        Assert.That(missing, Is.False);
    }

    [Test]
    public void Fifteen_working_days_over_Spring_Festival_skip_the_holiday_and_count_both_make_up_Saturdays()
    {
        // From Thu 12 Feb: 13, 14 (Sat, make-up), 24, 25, 26, 27, 28 (Sat, make-up), 2, 3, 4, 5, 6, 9, 10, 11 March.
        var (due, _) = Calendar().AddWorkingDays(new DateOnly(2026, 2, 12), 15);

        Assert.That(due, Is.EqualTo(new DateOnly(2026, 3, 11)));
    }

    [Test]
    public void A_year_without_a_schedule_counts_plain_weekdays_and_says_so()
    {
        var (due, missing) = Calendar().AddWorkingDays(new DateOnly(2026, 12, 28), 5);

        Assert.That(due, Is.EqualTo(new DateOnly(2027, 1, 4)), "29, 30, 31 Dec, then Fri 1 Jan 2027 counted as a weekday, Mon 4 Jan");
        Assert.That(missing, Is.True);
    }

    [Test]
    public void Make_up_days_work_and_holidays_do_not()
    {
        var calendar = Calendar();
        Assert.That(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)), Is.True, "Saturday 调休上班");
        Assert.That(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)), Is.False, "Monday in National Day");
        Assert.That(calendar.IsWorkingDay(new DateOnly(2026, 10, 17)), Is.False, "an ordinary Saturday");
        Assert.That(calendar.IsWorkingDay(new DateOnly(2026, 10, 16)), Is.True, "an ordinary Friday");
    }
}

public sealed class CompositeScoreTests
{
    private static readonly IndicatorDto[] Staff =
    [
        new() { Code = "street", Kind = IndicatorKinds.Street, Name = "德能勤绩廉", Weight = 30 },
        new() { Code = "peer", Kind = IndicatorKinds.Peer, Name = "互评", Weight = 10 },
        new() { Code = "resident", Kind = IndicatorKinds.Resident, Name = "居民", Weight = 40 },
        new() { Code = "cases", Kind = IndicatorKinds.Kpi, Name = "办件", Weight = 10, Target = 200, Rule = KpiRules.HigherBetter },
    ];

    private static ScoreInputs Inputs(int ratings, decimal? average = 4.6m, decimal? department = 80m) =>
        new(Staff, 10, 90m, 80m, new Dictionary<string, decimal> { ["cases"] = 150m }, ratings, average, 50, department);

    [Test]
    public void Every_part_contributes_value_times_weight_and_the_parts_add_up_to_the_score()
    {
        var result = CompositeScore.Compute(Inputs(ratings: 60));

        // street 90×30 + peer 80×10 + residents (4.6−1)/4×100 = 90 ×40 + cases 150/200 = 75 ×10 + department 80×10, ÷ 100.
        Assert.That(result.Score, Is.EqualTo(86.50m));
        Assert.That(result.Parts.Sum(p => p.Contribution), Is.EqualTo(86.50m));
        Assert.That(result.Parts.Single(p => p.Kind == "kpi").Value, Is.EqualTo(75m));
        Assert.That(result.Parts.Sum(p => p.EffectiveWeight), Is.EqualTo(100m));
    }

    [Test]
    public void Too_few_ratings_make_the_resident_part_insufficient_and_its_weight_goes_to_the_other_individual_parts_pro_rata()
    {
        var result = CompositeScore.Compute(Inputs(ratings: 49));

        var resident = result.Parts.Single(p => p.Kind == IndicatorKinds.Resident);
        Assert.That(resident.Status, Is.EqualTo(PartStatus.Insufficient));
        Assert.That(resident.EffectiveWeight, Is.Zero);
        // 40 points over street 30, peer 10, cases 10 (50 in all): ×1.8 → 54, 18, 18; the department keeps its 10.
        Assert.That(result.Parts.Single(p => p.Kind == IndicatorKinds.Street).EffectiveWeight, Is.EqualTo(54m));
        Assert.That(result.Parts.Single(p => p.Kind == IndicatorKinds.Peer).EffectiveWeight, Is.EqualTo(18m));
        Assert.That(result.Parts.Single(p => p.Kind == "department").EffectiveWeight, Is.EqualTo(10m));
        Assert.That(result.Score, Is.EqualTo(CompositeScore.Round((90m * 54 + 80m * 18 + 75m * 18 + 80m * 10) / 100m, 2)));
    }

    [Test]
    public void The_same_inputs_always_give_the_same_score_and_a_missing_assessment_counts_zero()
    {
        var a = CompositeScore.Compute(Inputs(60));
        var b = CompositeScore.Compute(Inputs(60));
        var missing = CompositeScore.Compute(Inputs(60) with { StreetScore = null });

        Assert.That(b, Is.EqualTo(a).Using<ScoreResult>((x, y) => x.Score == y.Score && x.Parts.SequenceEqual(y.Parts)));
        Assert.That(missing.Parts.Single(p => p.Kind == IndicatorKinds.Street).Status, Is.EqualTo(PartStatus.Missing));
        Assert.That(missing.Score, Is.EqualTo(a.Score - 27m));
    }

    [Test]
    public void Lower_better_kpis_score_target_over_actual_capped_at_100()
    {
        var kpi = new IndicatorDto { Code = "c", Kind = IndicatorKinds.Kpi, Name = "投诉", Weight = 10, Target = 2, Rule = KpiRules.LowerBetter };
        Assert.That(CompositeScore.KpiValue(kpi, 4), Is.EqualTo(50m));
        Assert.That(CompositeScore.KpiValue(kpi, 0), Is.EqualTo(100m));
        Assert.That(CompositeScore.KpiValue(kpi, 1), Is.EqualTo(100m));
    }

    [Test]
    public void Department_score_is_half_its_own_indicators_and_half_its_workers_mean()
    {
        Assert.That(DepartmentScores.Compute(90m, [80m, 70m]), Is.EqualTo(82.5m));
        Assert.That(DepartmentScores.Compute(null, [80m, 70m]), Is.EqualTo(75m));
    }
}

public sealed class GradeProposalTests
{
    [Test]
    public void Excellent_goes_to_the_best_scores_of_at_least_90_and_never_beyond_the_rounded_down_quota()
    {
        var unit = Enumerable.Range(1, 12).Select(i => (Guid.NewGuid(), $"CW{i:D6}", 100m - i)).ToList();

        var proposal = GradeProposal.Propose(unit, 20);

        Assert.That(GradeProposal.Quota(12, 20), Is.EqualTo(2), "⌊12 × 20 %⌋");
        Assert.That(proposal.Values.Count(g => g == Grades.Excellent), Is.EqualTo(2));
        Assert.That(proposal[unit[0].Item1], Is.EqualTo(Grades.Excellent));
        Assert.That(proposal[unit[2].Item1], Is.EqualTo(Grades.Competent), "97 is excellent-worthy but over the quota");
    }

    [TestCase(59.99, "basic")]
    [TestCase(49.99, "incompetent")]
    [TestCase(60, "competent")]
    public void Low_scores_map_to_basic_and_incompetent(decimal score, string grade)
    {
        var id = Guid.NewGuid();
        Assert.That(GradeProposal.Propose([(id, "CW000001", score)], 20)[id], Is.EqualTo(grade));
    }
}

public sealed class IncentiveAllocationTests
{
    private static readonly Dictionary<string, decimal> Coefficients = new()
    {
        [Grades.Excellent] = 1.5m, [Grades.Competent] = 1.0m, [Grades.Basic] = 0.5m, [Grades.Incompetent] = 0m,
    };

    [Test]
    public void Shares_add_up_to_the_pool_to_the_fen_for_awkward_pools()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var workers = Enumerable.Range(0, random.Next(1, 40)).Select(i => (Guid.NewGuid(), $"CW{i:D6}", "w" + i,
                Grades.All[random.Next(0, 3)], (decimal)(60 + random.Next(0, 4000) / 100.0))).ToList();
            var pool = (long)random.Next(1, 50_000_000);

            var shares = IncentiveAllocation.Allocate(pool, workers, Coefficients);

            Assert.That(shares.Sum(s => s.AmountFen), Is.EqualTo(pool), $"round {round}");
            Assert.That(shares.All(s => s.AmountFen >= 0));
        }
    }

    [Test]
    public void Better_grades_get_more_and_incompetent_gets_nothing()
    {
        var workers = new List<(Guid, string, string, string, decimal)>
        {
            (Guid.NewGuid(), "CW000001", "甲", Grades.Excellent, 92m), (Guid.NewGuid(), "CW000002", "乙", Grades.Competent, 92m),
            (Guid.NewGuid(), "CW000003", "丙", Grades.Incompetent, 45m),
        };

        var shares = IncentiveAllocation.Allocate(100_001, workers, Coefficients);

        Assert.That(shares[0].AmountFen, Is.EqualTo(60_001), "1.5 / 2.5 of the pool, plus the odd fen (largest remainder)");
        Assert.That(shares[1].AmountFen, Is.EqualTo(40_000));
        Assert.That(shares[2].AmountFen, Is.Zero);
    }
}

public sealed class PlacementTests
{
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid UnitA = Guid.NewGuid();
    private static readonly Guid UnitB = Guid.NewGuid();

    private static PeriodPosting Posting(Guid unit, string name, DateOnly from, DateOnly? to) => new()
    {
        WorkerId = Worker, StaffNo = "CW000009", WorkerName = "调动者", PostType = "staff", OrgUnitId = unit, OrgPath = "/" + name + "/",
        UnitName = name, StartedOn = from, EndedOn = to, IsPrimary = true,
    };

    private static readonly PeriodPosting[] Moved =
    [
        Posting(UnitA, "甲社区", new(2020, 1, 1), new(2026, 8, 31)),
        Posting(UnitB, "乙社区", new(2026, 9, 1), null),
    ];

    [Test]
    public void A_mover_is_appraised_where_they_spent_most_of_the_period_and_the_note_says_so()
    {
        var placement = ParticipantPlacement.Place(Moved, new(2026, 1, 1), new(2026, 12, 31), MoverRules.MostDays).Single();

        Assert.That(placement.OrgUnitId, Is.EqualTo(UnitA));
        Assert.That(placement.DaysInUnit, Is.EqualTo(243));
        Assert.That(placement.DaysInPeriod, Is.EqualTo(365));
        Assert.That(placement.Moved, Is.True);
        Assert.That(placement.Note, Does.Contain("甲社区 243 天").And.Contain("乙社区 122 天").And.Contain("工作时间最长"));
    }

    [Test]
    public void The_period_end_rule_places_the_mover_where_they_ended_the_period()
    {
        var placement = ParticipantPlacement.Place(Moved, new(2026, 1, 1), new(2026, 12, 31), MoverRules.PeriodEnd).Single();

        Assert.That(placement.OrgUnitId, Is.EqualTo(UnitB));
        Assert.That(placement.Note, Does.Contain("期末所在单位"));
    }

    [Test]
    public void A_posting_outside_the_period_makes_no_participant()
    {
        var placements = ParticipantPlacement.Place([Posting(UnitA, "甲社区", new(2020, 1, 1), new(2025, 12, 31))], new(2026, 1, 1), new(2026, 12, 31), MoverRules.MostDays);

        Assert.That(placements, Is.Empty);
    }
}

public sealed class TemplateRulesTests
{
    [Test]
    public void Weights_that_do_not_add_up_to_100_name_the_indicators_and_the_template()
    {
        var validator = new Validator();
        TemplateRules.Check(validator, "窗口模板", 10, [
            new() { Code = "street", Kind = IndicatorKinds.Street, Name = "德能勤绩廉", Weight = 30 },
            new() { Code = "resident", Kind = IndicatorKinds.Resident, Name = "居民", Weight = 50 },
        ]);

        var errors = validator.Errors.ToDictionary(e => e.Field, e => e.Messages);
        Assert.That(errors.Keys, Does.Contain("indicators"));
        Assert.That(errors["indicators"].Single(), Does.Contain("窗口模板").And.Contain("90"));
    }

    [Test]
    public void Street_30_peers_10_residents_60_is_a_valid_template()
    {
        var validator = new Validator();
        TemplateRules.Check(validator, "示例", 0, [
            new() { Code = "street", Kind = IndicatorKinds.Street, Name = "德能勤绩廉", Weight = 30 },
            new() { Code = "peer", Kind = IndicatorKinds.Peer, Name = "互评", Weight = 10 },
            new() { Code = "resident", Kind = IndicatorKinds.Resident, Name = "居民", Weight = 60 },
        ]);

        Assert.That(validator.IsValid, Is.True, string.Join("; ", validator.Errors.SelectMany(e => e.Messages)));
    }
}
