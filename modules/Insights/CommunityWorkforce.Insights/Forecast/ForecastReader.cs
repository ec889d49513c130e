using CommunityWorkforce.CareerPath.Contracts;
using CommunityWorkforce.Insights.Dashboard;
using CommunityWorkforce.Insights.Norms;
using CommunityWorkforce.Insights.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Insights.Forecast;

/// <summary>
/// Reads a subtree once and projects it and each direct child with <see cref="ForecastModel"/>. The forecast depends on
/// the unit alone (whether the caller may see it is checked before), so it is kept per unit, horizon and day and shared
/// by callers (<see cref="ReadCache.GetKeptFreshAsync"/>): after a write to Staffing's or CareerPath's tables, a forecast
/// of fewer than <see cref="DashboardReader.ServeWhileRefreshingFrom"/> people is recomputed before the next caller gets
/// it; a larger one (a district's, the city's: about a second) is recomputed in the background at once and served as it
/// was until the new one lands, at most <see cref="ReadCache.StaleFor"/> after the write.
/// </summary>
internal sealed class ForecastReader(DbSession db, NormsReader norms, IStaffingRules rules, ICareerQueries career, ReadCache cache,
    InsightsScope scope, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> DependsOn = [InsightsCache.Staffing, InsightsCache.Career];

    /// <summary>The years projected when the caller names none.</summary>
    public const int DefaultHorizon = 5;

    public Task<ForecastResponse> ReadAsync(UnitRef unit, int horizon, CancellationToken ct) =>
        cache.GetKeptFreshAsync($"insights:forecast:{unit.Id:N}:{horizon}:{LocalDate.Today(clock):yyyy-MM-dd}", DependsOn,
            (services, token) => services.GetRequiredService<ForecastReader>().ComputeAsync(unit.Id, unit, horizon, token),
            f => f.Total.Headcount >= DashboardReader.ServeWhileRefreshingFrom, ct);

    /// <summary>The unit as it is now (a recomputation may follow a move or a rename), then its forecast.</summary>
    private async Task<ForecastResponse> ComputeAsync(Guid unitId, UnitRef asRequested, int horizon, CancellationToken ct) =>
        await ComputeAsync(await scope.CurrentAsync(unitId, ct) ?? asRequested, horizon, ct);

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
