using CommunityWorkforce.CareerPath.Contracts;
using CommunityWorkforce.Insights.Dashboard;
using CommunityWorkforce.Insights.Norms;
using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Forecast;

/// <summary>
/// Reads a subtree once and projects it and each direct child with <see cref="ForecastModel"/>; the result is kept in
/// <see cref="InsightsCache"/> until this host writes Staffing's or CareerPath's tables (at most 30 s).
/// </summary>
internal sealed class ForecastReader(DbSession db, NormsReader norms, IStaffingRules rules, ICareerQueries career, InsightsCache cache,
    TimeProvider clock)
{
    public static readonly IReadOnlyList<string> DependsOn = [InsightsCache.Staffing, InsightsCache.Career];

    public Task<ForecastResponse> ReadAsync(UnitRef unit, int horizon, CancellationToken ct) =>
        cache.GetAsync("forecast", unit, horizon.ToString(System.Globalization.CultureInfo.InvariantCulture), DependsOn,
            () => ComputeAsync(unit, horizon, ct));

    private async Task<ForecastResponse> ComputeAsync(UnitRef unit, int horizon, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        var args = new { Scope = InsightsScope.Pattern(unit), Today = today };
        var rows = await db.QueryAsync<PersonRow>(ForecastSql.People, args, ct);
        var postTypes = (await db.QueryAsync<PostTypeRow>(rows.Count > ForecastSql.WideFrom ? ForecastSql.PrimaryPostTypesWide : ForecastSql.PrimaryPostTypes, args, ct))
            .GroupBy(r => r.WorkerId).ToDictionary(g => g.Key, g => g.First().PostType);
        var pool = await db.QueryAsync<PathRow>(ForecastSql.ReservePool, args, ct);
        var table = await career.RetirementTableAsync(ct);
        var lines = await norms.LinesAsync(unit, await rules.NormRuleAsync(ct), ct);

        var people = rows.Select(r => new ForecastModel.Person(r.Id, r.Path, r.BirthDate, r.Gender, r.HireDate, r.ServiceStart,
            r.Status == "left" ? r.LeftOn ?? today : r.LeftOn, r.LeftReason)).ToList();
        var present = people.Where((p, i) => rows[i].Status != "left").ToList();
        var rates = ForecastModel.LeavingRates(people, today);
        // Each present worker's retirement date once, and their place among the children (one pass over the paths), so that
        // the unit and each child are projected from the same arrays.
        var retiresOn = present.Select(p => table.RetirementDate(p.BirthDate, p.Gender)).ToArray();
        var horizonEnd = today.AddYears(horizon);
        var byChild = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < present.Count; i++)
        {
            var path = present[i].Path;
            var end = path.IndexOf('/', unit.Path.Length);
            if (end > 0)
            {
                var key = path[..(end + 1)];
                if (!byChild.TryGetValue(key, out var members))
                {
                    byChild[key] = members = [];
                }
                members.Add(i);
            }
        }

        UnitForecast For(UnitRef u, IReadOnlyList<int> members, int? norm)
        {
            var mine = members.Select(i => present[i]).ToList();
            var years = ForecastModel.Project(mine, members.Select(i => retiresOn[i]).ToArray(), rates, today, horizon);
            bool Stays(int i) => retiresOn[i] >= horizonEnd;
            bool Ready(int i) => StructureBands.FullYears(present[i].ServiceStart, today) >= ForecastModel.ReadyServiceYears && Stays(i);
            string? TypeOf(int i) => postTypes.GetValueOrDefault(present[i].Id);
            return new UnitForecast
            {
                Unit = u, Headcount = mine.Count, Norm = norm,
                Succession = new Succession
                {
                    ReservePool = pool.Count(r => r.Path.StartsWith(u.Path, StringComparison.Ordinal)),
                    HeadsRetiring = members.Count(i => TypeOf(i) == PostTypes.Head && !Stays(i)),
                    DeputiesReady = members.Count(i => TypeOf(i) == PostTypes.Deputy && Ready(i)),
                    StaffReady = members.Count(i => TypeOf(i) == PostTypes.Staff && Ready(i)),
                },
                Years = years.Select(y => new ForecastYear
                {
                    Year = y.Year, From = y.From, To = y.To, Retirements = y.Retirements, ExpectedLeavers = y.ExpectedLeavers,
                    LeaversLow = y.Low, LeaversHigh = y.High, ProjectedHeadcount = y.ProjectedHeadcount, ProjectedLow = y.ProjectedLow,
                    ProjectedHigh = y.ProjectedHigh,
                    Need = norm is { } n ? ForecastModel.Round(n - y.ProjectedHeadcount) : null,
                    NeedLow = norm is { } l ? ForecastModel.Round(l - y.ProjectedHigh) : null,
                    NeedHigh = norm is { } h ? ForecastModel.Round(h - y.ProjectedLow) : null,
                    VeteransRetiring = y.VeteransRetiring, VeteransLeaving = y.VeteransLeaving, JuniorsReady = y.JuniorsReady,
                }).ToList(),
            };
        }

        var root = lines.FirstOrDefault(l => l.Id == unit.Id);
        return new ForecastResponse
        {
            Unit = unit, AsOf = today, Horizon = horizon, Method = ForecastModel.Method, LeavingRates = rates,
            Total = For(unit, Enumerable.Range(0, present.Count).ToList(), root?.SubtreeNorm),
            Children = lines.Where(l => l.ParentId == unit.Id)
                .Select(l => For(new UnitRef { Id = l.Id, Code = l.Code, Name = l.Name, Level = l.Level, Path = l.Path },
                    byChild.GetValueOrDefault(l.Path) ?? [], l.SubtreeNorm))
                .ToList(),
        };
    }

    private sealed class PersonRow
    {
        public Guid Id { get; init; }
        public string Path { get; init; } = "";
        public DateOnly BirthDate { get; init; }
        public string Gender { get; init; } = "";
        public DateOnly HireDate { get; init; }
        public DateOnly ServiceStart { get; init; }
        public string Status { get; init; } = "";
        public DateOnly? LeftOn { get; init; }
        public string? LeftReason { get; init; }
    }

    private sealed class PostTypeRow
    {
        public Guid WorkerId { get; init; }
        public string PostType { get; init; } = "";
    }

    private sealed class PathRow
    {
        public string Path { get; init; } = "";
    }
}
