using CommunityWorkforce.CompetencyFramework.Contracts;
using CommunityWorkforce.Insights.Scope;
using CommunityWorkforce.Training.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Insights.Dashboard;

/// <summary>
/// Reads and computes a unit's structure dashboard. Its figures depend on the unit alone (whether the caller may see the
/// unit is checked before), so they are kept per unit and day (<see cref="ReadCache.GetKeptFreshAsync"/>) and shared by
/// every caller; the drill-down trail, which stops at the caller's scope, is added per request. After a write to any of
/// the five modules it reads, a dashboard of fewer than <see cref="ServeWhileRefreshingFrom"/> people is recomputed
/// before the next caller gets it (a street's takes milliseconds); a larger one (a district, the city: about a second)
/// is recomputed in the background at once and served as it was until the new figures land, at most
/// <see cref="ReadCache.StaleFor"/> after the write.
/// </summary>
internal sealed class DashboardReader(DbSession db, InsightsScope scope, ReadCache cache, ITrainingQueries training,
    ICompetencyQueries competency, TimeProvider clock)
{
    /// <summary>The modules whose published views (and settings) the dashboard reads.</summary>
    public static readonly IReadOnlyList<string> DependsOn =
        [InsightsCache.Staffing, InsightsCache.Training, InsightsCache.Competency, InsightsCache.Career, InsightsCache.Performance];

    /// <summary>From this headcount on, the dashboard is served as it was while the figures after a write are computed.</summary>
    internal static int ServeWhileRefreshingFrom { get; set; } = 5_000;

    public async Task<DashboardResponse> ReadAsync(UnitRef unit, CancellationToken ct)
    {
        var figures = await FiguresAsync(unit, ct);
        return figures with { Trail = await scope.TrailAsync(figures.Unit, ct) };
    }

    /// <summary>The unit's figures, shared by every caller (no trail).</summary>
    public Task<DashboardResponse> FiguresAsync(UnitRef unit, CancellationToken ct) =>
        cache.GetKeptFreshAsync($"insights:dashboard:{unit.Id:N}:{LocalDate.Today(clock):yyyy-MM-dd}", DependsOn,
            (services, token) => services.GetRequiredService<DashboardReader>().ComputeAsync(unit.Id, unit, token),
            d => d.Headcount >= ServeWhileRefreshingFrom, ct);

    /// <summary>The unit as it is now (a recomputation may follow a move or a rename), then its figures.</summary>
    private async Task<DashboardResponse> ComputeAsync(Guid unitId, UnitRef asRequested, CancellationToken ct) =>
        await ComputeAsync(await scope.CurrentAsync(unitId, ct) ?? asRequested, ct);

    private async Task<DashboardResponse> ComputeAsync(UnitRef unit, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        var args = new { Scope = InsightsScope.Pattern(unit), UnitId = unit.Id, Today = today };
        var people = await db.QueryAsync<PersonRow>(DashboardSql.People, args, ct);
        var children = await db.QueryAsync<ChildRow>(DashboardSql.Children, args, ct);
        var wide = people.Count > DashboardSql.WideFrom;
        var ids = wide ? people.Select(p => p.WorkerId).ToHashSet() : [];
        var allRoundRows = wide ? AllRoundOf(await db.QueryAsync<WorkerCode>(DashboardSql.AllRoundWide, args, ct), ids)
            : await db.QueryAsync<CodeCount>(DashboardSql.AllRound, args, ct);
        var allRound = allRoundRows.Where(r => r.Code == "*").Sum(r => r.Number);
        // The service lines' names and order from CompetencyFramework (its coverage read lists every active line).
        var lineInfo = (await competency.CoverageAsync(unit.Id, today, ct))
            .Select((l, i) => (l.LineCode, l.NameZh, l.NameEn, Order: i)).ToDictionary(l => l.LineCode);
        var lines = allRoundRows.Where(r => r.Code != "*")
            .OrderBy(r => lineInfo.TryGetValue(r.Code, out var info) ? info.Order : int.MaxValue).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => lineInfo.TryGetValue(r.Code, out var info)
                ? new LineCount(r.Code, info.NameZh, info.NameEn, r.Number)
                : new LineCount(r.Code, r.Code, r.Code, r.Number))
            .ToList();
        var grades = wide ? GradesOf(await db.QueryAsync<WorkerGrade>(DashboardSql.GradesWide, args, ct), ids)
            : await db.QueryAsync<GradeRow>(DashboardSql.Grades, args, ct);
        var vacancy = (await db.QuerySingleOrDefaultAsync<VacancyRow>(DashboardSql.Vacancy, args, ct))!;
        var year = await db.ExecuteScalarAsync<int?>(DashboardSql.LatestAnnualYear, args, ct);
        var appraisal = year is { } y
            ? await db.QueryAsync<CodeCount>(DashboardSql.AppraisalGrades, new { args.Scope, Year = y }, ct)
            : [];
        var target = await training.CertificationTargetRateAsync(ct);
        var headcount = people.Count;
        var socialWork = people.Count(p => p.SocialWork != 0);

        var pyramid = StructureBands.AgeBands.ToDictionary(b => b, _ => new int[3]);
        foreach (var p in people)
        {
            var gender = StructureBands.Gender(p.Gender);
            pyramid[StructureBands.AgeBand(StructureBands.FullYears(p.BirthDate, today))][gender == "male" ? 0 : gender == "female" ? 1 : 2]++;
        }
        // Each person counts towards the child whose path is the unit's path plus the person's next segment (one pass).
        var perChild = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in people)
        {
            var end = p.OrgPath.IndexOf('/', unit.Path.Length);
            if (end > 0)
            {
                var key = p.OrgPath[..(end + 1)];
                perChild[key] = perChild.GetValueOrDefault(key) + 1;
            }
        }
        var graded = grades.Sum(g => g.Number);
        var appraised = appraisal.Sum(a => a.Number);
        return new DashboardResponse
        {
            Unit = unit,
            AsOf = today,
            Headcount = headcount,
            Children = children.Select(c => new ChildUnit
            {
                Id = c.Id, Code = c.Code, Name = c.Name, Level = c.Level,
                Headcount = perChild.GetValueOrDefault(c.Path),
            }).ToList(),
            AgePyramid = StructureBands.AgeBands.Select(b => new AgeBandCount(b, pyramid[b][0], pyramid[b][1], pyramid[b][2])).ToList(),
            Education = Tally(StructureBands.EducationGroups, people.Select(p => StructureBands.EducationGroup(p.Education))),
            Political = Tally(StructureBands.PoliticalGroups, people.Select(p => StructureBands.PoliticalGroup(p.PoliticalStatus))),
            Service = Tally(StructureBands.ServiceBands, people.Select(p => StructureBands.ServiceBand(Math.Max(0, StructureBands.FullYears(p.ServiceStartDate, today))))),
            Certification = new CertificationFigure(socialWork, headcount, Rate(socialWork, headcount), target, Rate(socialWork, headcount) >= target),
            AllRound = new AllRoundFigure(allRound, headcount, Rate(allRound, headcount), lines),
            Grades = grades.Select(g => new GradeCount(g.PostType, g.Level, g.Number)).ToList(),
            Ungraded = Math.Max(0, headcount - graded),
            Vacancy = new VacancyFigure(vacancy.Quota, vacancy.Filled, vacancy.Vacant, Rate(vacancy.Vacant, vacancy.Quota)),
            Appraisal = new AppraisalFigure(year, appraised, appraisal.OrderBy(a => GradeOrder(a.Code)).Select(a => new KeyCount(a.Code, a.Number)).ToList()),
        };
    }

    public static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 4);

    private static List<KeyCount> Tally(IReadOnlyList<string> keys, IEnumerable<string> values)
    {
        var counts = values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        return keys.Select(k => new KeyCount(k, counts.GetValueOrDefault(k))).ToList();
    }

    private static int GradeOrder(string grade) => grade switch
    {
        "excellent" => 0,
        "competent" => 1,
        "basic" => 2,
        "incompetent" => 3,
        _ => 4,
    };

    internal sealed class PersonRow
    {
        public Guid WorkerId { get; init; }
        public string OrgPath { get; init; } = "";
        public DateOnly BirthDate { get; init; }
        public string Gender { get; init; } = "";
        public string Education { get; init; } = "";
        public string PoliticalStatus { get; init; } = "";
        public DateOnly ServiceStartDate { get; init; }
        public int SocialWork { get; init; }
    }

    private sealed class ChildRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Level { get; init; } = "";
        public string Path { get; init; } = "";
    }

    /// <summary><see cref="DashboardSql.AllRound"/>'s rows from everyone's valid certifications: per line, and any line ("*").</summary>
    private static IReadOnlyList<CodeCount> AllRoundOf(IReadOnlyList<WorkerCode> rows, HashSet<Guid> people)
    {
        var mine = rows.Where(r => people.Contains(r.WorkerId)).ToList();
        return mine.GroupBy(r => r.Code).Select(g => new CodeCount { Code = g.Key, Number = g.Select(r => r.WorkerId).Distinct().Count() })
            .Append(new CodeCount { Code = "*", Number = mine.Select(r => r.WorkerId).Distinct().Count() })
            .ToList();
    }

    /// <summary><see cref="DashboardSql.Grades"/>' rows from everyone's grades in force.</summary>
    private static IReadOnlyList<GradeRow> GradesOf(IReadOnlyList<WorkerGrade> rows, HashSet<Guid> people) =>
        rows.Where(r => people.Contains(r.WorkerId)).GroupBy(r => (r.PostType, r.Level))
            .Select(g => new GradeRow { PostType = g.Key.PostType, Level = g.Key.Level, Number = g.Count() })
            .OrderBy(g => g.PostType, StringComparer.Ordinal).ThenBy(g => g.Level).ToList();

    private sealed class WorkerCode
    {
        public Guid WorkerId { get; init; }
        public string Code { get; init; } = "";
    }

    private sealed class WorkerGrade
    {
        public Guid WorkerId { get; init; }
        public string PostType { get; init; } = "";
        public int Level { get; init; }
    }

    private sealed class CodeCount
    {
        public string Code { get; init; } = "";
        public int Number { get; init; }
    }

    private sealed class GradeRow
    {
        public string PostType { get; init; } = "";
        public int Level { get; init; }
        public int Number { get; init; }
    }

    private sealed class VacancyRow
    {
        public int Quota { get; init; }
        public int Filled { get; init; }
        public int Vacant { get; init; }
    }
}
