using CommunityWorkforce.Insights.Dashboard;
using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Turnover;

/// <summary>流动与稳定 — leavers per year by reason, tenure at leaving, high-turnover units and new hires' retention.</summary>
internal sealed class TurnoverReader(DbSession db, TimeProvider clock)
{
    public async Task<TurnoverResponse> ReadAsync(UnitRef unit, int fromYear, int toYear, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        var args = new { Scope = InsightsScope.Pattern(unit), UnitId = unit.Id };
        var rows = await db.QueryAsync<PersonRow>(TurnoverSql.People, args, ct);
        var children = await db.QueryAsync<UnitRef>(TurnoverSql.Children, args, ct);
        return Compute(unit, rows, children, fromYear, toYear, today);
    }

    internal static TurnoverResponse Compute(UnitRef unit, IReadOnlyList<PersonRow> rows, IReadOnlyList<UnitRef> children, int fromYear, int toYear, DateOnly today)
    {
        var from = new DateOnly(fromYear, 1, 1);
        var to = new DateOnly(toYear, 12, 31);
        var leavers = rows.Where(r => r.Status == "left" && r.LeftOn is { } l && l >= from && l <= to).ToList();
        int HeadcountOn(IEnumerable<PersonRow> people, DateOnly day) =>
            people.Count(p => p.HireDate <= day && (p.Status != "left" || p.LeftOn is null || p.LeftOn > day));
        var span = toYear - fromYear + 1;

        var years = Enumerable.Range(fromYear, span).Select(y =>
        {
            var ofYear = leavers.Where(l => l.LeftOn!.Value.Year == y).ToList();
            var average = (HeadcountOn(rows, new DateOnly(y, 1, 1)) + HeadcountOn(rows, new DateOnly(y, 12, 31))) / 2;
            return new TurnoverYear(y, ofYear.Count, average, DashboardReader.Rate(ofYear.Count, average),
                ofYear.GroupBy(l => Reason(l.LeftReason)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new KeyCount(g.Key, g.Count())).ToList());
        }).ToList();

        decimal AverageHeadcount(IReadOnlyList<PersonRow> people) =>
            (decimal)Enumerable.Range(fromYear, span).Sum(y => HeadcountOn(people, new DateOnly(y, 1, 1))) / span;
        decimal RateOf(int count, decimal average) => average == 0 ? 0 : Math.Round(count / (average * span), 4);
        var overall = RateOf(leavers.Count, AverageHeadcount(rows));
        var units = children.Select(c =>
        {
            var mine = rows.Where(r => r.Path.StartsWith(c.Path, StringComparison.Ordinal)).ToList();
            var left = leavers.Count(l => l.Path.StartsWith(c.Path, StringComparison.Ordinal));
            var average = Math.Round(AverageHeadcount(mine), 2);
            var rate = RateOf(left, AverageHeadcount(mine));
            return new UnitTurnover { Unit = c, Leavers = left, AverageHeadcount = average, Rate = rate, High = left >= 2 && rate >= overall * 1.5m };
        }).OrderByDescending(u => u.Rate).ThenBy(u => u.Unit.Code, StringComparer.Ordinal).ToList();

        var tenure = leavers.Select(l => StructureBands.ServiceBand(Math.Max(0, StructureBands.FullYears(l.ServiceStart, l.LeftOn!.Value))))
            .GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());

        Retention RetentionAfter(int n)
        {
            var cohort = rows.Where(r => r.HireDate >= from && r.HireDate <= to && r.HireDate.AddYears(n) <= today).ToList();
            var retained = cohort.Count(r => r.Status != "left" || r.LeftOn is null || r.LeftOn >= r.HireDate.AddYears(n));
            return new Retention(n, cohort.Count, retained, DashboardReader.Rate(retained, cohort.Count));
        }

        return new TurnoverResponse
        {
            Unit = unit, FromYear = fromYear, ToYear = toYear, Leavers = leavers.Count, Rate = overall, Years = years,
            TenureAtLeaving = StructureBands.ServiceBands.Select(b => new KeyCount(b, tenure.GetValueOrDefault(b))).ToList(),
            Units = units, Retention = [RetentionAfter(1), RetentionAfter(2)],
        };
    }

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "—" : reason.Trim();

    internal sealed class PersonRow
    {
        public Guid Id { get; init; }
        public string Path { get; init; } = "";
        public DateOnly HireDate { get; init; }
        public DateOnly ServiceStart { get; init; }
        public string Status { get; init; } = "";
        public DateOnly? LeftOn { get; init; }
        public string? LeftReason { get; init; }
    }
}
