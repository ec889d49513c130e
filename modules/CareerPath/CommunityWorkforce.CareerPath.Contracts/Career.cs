namespace CommunityWorkforce.CareerPath.Contracts;

/// <summary>Views CareerPath publishes for other modules' set-wise SQL (Insights).</summary>
public static class CareerViews
{
    /// <summary>
    /// Each worker's grade in force today (the latest grade-history row). Columns: worker_id, post_type, level,
    /// since_date (the day this grade took effect).
    /// </summary>
    public const string CurrentGrades = "career_v_current_grades";

    /// <summary>
    /// Reserve-cadre pool members (后备干部). Columns: member_id, worker_id, org_unit_id (the unit whose pool it is),
    /// org_path, target_stage (a career-track stage code, e.g. <c>deputy</c>), status (<c>active</c>, <c>ended</c>),
    /// term_start, term_end, review_on.
    /// </summary>
    public const string ReservePool = "career_v_reserve_pool";

    /// <summary>
    /// The statutory retirement-age table in force. Columns: category, base_age_months, target_age_months,
    /// first_birth_month (the first birth month the reform applies to, yyyy-MM-01), birth_months_per_step.
    /// </summary>
    public const string RetirementRules = "career_v_retirement_rules";
}

/// <summary>Retirement categories of the 2025 reform (stable codes).</summary>
public static class RetirementCategories
{
    /// <summary>男职工: 60 → 63.</summary>
    public const string Male = "male";

    /// <summary>女干部 (原 55 岁退休): 55 → 58.</summary>
    public const string FemaleCadre = "female-cadre";

    /// <summary>女工人 (原 50 岁退休): 50 → 55.</summary>
    public const string FemaleWorker = "female-worker";

    public static readonly IReadOnlyList<string> All = [Male, FemaleCadre, FemaleWorker];
}

/// <summary>
/// One row of the retirement-age table: people born before <see cref="FirstBirthMonth"/> retire at
/// <see cref="BaseAgeMonths"/>; from that month on, every <see cref="BirthMonthsPerStep"/> months of birth add one month,
/// up to <see cref="TargetAgeMonths"/>.
/// </summary>
public sealed record RetirementRule(string Category, int BaseAgeMonths, int TargetAgeMonths, DateOnly FirstBirthMonth, int BirthMonthsPerStep);

/// <summary>The retirement-age table and which category a female community worker falls in (a setting).</summary>
public sealed record RetirementTable(IReadOnlyList<RetirementRule> Rules, string FemaleCategory)
{
    /// <summary>The reform as enacted from 1 January 2025 (全国人大常委会 2024-09-13 决定).</summary>
    public static RetirementTable Default { get; } = new(
    [
        new(RetirementCategories.Male, 60 * 12, 63 * 12, new DateOnly(1965, 1, 1), 4),
        new(RetirementCategories.FemaleCadre, 55 * 12, 58 * 12, new DateOnly(1970, 1, 1), 4),
        new(RetirementCategories.FemaleWorker, 50 * 12, 55 * 12, new DateOnly(1975, 1, 1), 2),
    ], RetirementCategories.FemaleCadre);

    /// <summary>The category for a GB/T 2261.1 gender code (1 male, 2 female; unknown or unstated count as male).</summary>
    public string CategoryFor(string gender) => gender == "2" ? FemaleCategory : RetirementCategories.Male;

    /// <summary>Statutory retirement age in months for a birth date and category.</summary>
    public int AgeMonths(DateOnly birthDate, string category)
    {
        var rule = Rules.FirstOrDefault(r => r.Category == category)
            ?? throw new ArgumentException($"No retirement rule for category '{category}'.", nameof(category));
        var birthMonth = (birthDate.Year * 12) + birthDate.Month - 1;
        var first = (rule.FirstBirthMonth.Year * 12) + rule.FirstBirthMonth.Month - 1;
        if (birthMonth < first)
        {
            return rule.BaseAgeMonths;
        }
        var extra = ((birthMonth - first) / rule.BirthMonthsPerStep) + 1;
        return Math.Min(rule.BaseAgeMonths + extra, rule.TargetAgeMonths);
    }

    /// <summary>The day a person reaches their statutory retirement age.</summary>
    public DateOnly RetirementDate(DateOnly birthDate, string gender) =>
        birthDate.AddMonths(AgeMonths(birthDate, CategoryFor(gender)));
}

/// <summary>Reads of CareerPath for other modules. No scope check here: the caller has already decided.</summary>
public interface ICareerQueries
{
    /// <summary>The retirement-age table in force and the female-category setting.</summary>
    Task<RetirementTable> RetirementTableAsync(CancellationToken ct);
}
