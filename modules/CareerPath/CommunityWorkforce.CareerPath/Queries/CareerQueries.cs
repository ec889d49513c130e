using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.CareerPath.Contracts;

namespace CommunityWorkforce.CareerPath.Queries;

/// <summary>CareerPath's contract for other modules (Insights' forecasts): no scope check; the caller has decided.</summary>
internal sealed class CareerQueries(DbSession db) : ICareerQueries
{
    public async Task<RetirementTable> RetirementTableAsync(CancellationToken ct)
    {
        var rules = await db.QueryAsync<RuleRow>(CareerQuerySql.RetirementRules, null, ct);
        var female = await db.ExecuteScalarAsync<string?>(CareerQuerySql.FemaleCategory, null, ct);
        return new RetirementTable(
            rules.Select(r => new RetirementRule(r.Category, r.BaseAgeMonths, r.TargetAgeMonths, r.FirstBirthMonth, r.BirthMonthsPerStep)).ToList(),
            female ?? RetirementCategories.FemaleCadre);
    }

    private sealed record RuleRow
    {
        public string Category { get; init; } = "";
        public int BaseAgeMonths { get; init; }
        public int TargetAgeMonths { get; init; }
        public DateOnly FirstBirthMonth { get; init; }
        public int BirthMonthsPerStep { get; init; }
    }
}

internal static class CareerQuerySql
{
    public const string RetirementRules = """
        SELECT category AS Category, base_age_months AS BaseAgeMonths, target_age_months AS TargetAgeMonths,
            first_birth_month AS FirstBirthMonth, birth_months_per_step AS BirthMonthsPerStep
        FROM career_retirement_rules ORDER BY category
        """;

    public const string FemaleCategory = "SELECT value FROM career_settings WHERE setting_key = 'retirement.female_category'";
}
