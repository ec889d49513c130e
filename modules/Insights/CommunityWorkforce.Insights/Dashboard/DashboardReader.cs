using CommunityWorkforce.CompetencyFramework.Contracts;
using CommunityWorkforce.Insights.Scope;
using CommunityWorkforce.Training.Contracts;
using Dapper;

namespace CommunityWorkforce.Insights.Dashboard;

/// <summary>
/// Reads and computes a unit's structure dashboard, kept in <see cref="InsightsCache"/> until this host writes any of
/// the five modules it reads (at most 30 s).
/// </summary>
internal sealed class DashboardReader(DbSession db, InsightsScope scope, InsightsCache cache, ITrainingQueries training,
    ICompetencyQueries competency, TimeProvider clock)
{
    /// <summary>The modules whose published views (and settings) the dashboard reads.</summary>
    public static readonly IReadOnlyList<string> DependsOn =
        [InsightsCache.Staffing, InsightsCache.Training, InsightsCache.Competency, InsightsCache.Career, InsightsCache.Performance];

    public Task<DashboardResponse> ReadAsync(UnitRef unit, CancellationToken ct) =>
        cache.GetAsync("dashboard", unit, "", DependsOn, () => ComputeAsync(unit, ct));

    private async Task<DashboardResponse> ComputeAsync(UnitRef unit, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        var args = new { Scope = InsightsScope.Pattern(unit), UnitId = unit.Id, Today = today };
        var structure = await db.QueryAsync<DimensionRow>(DashboardSql.Structure, StructureArgs(args.Scope, today), ct);
        var children = await db.QueryAsync<ChildRow>(DashboardSql.Children, args, ct);
        var allRoundRows = await db.QueryAsync<CodeCount>(DashboardSql.AllRound, args, ct);
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
        var grades = await db.QueryAsync<GradeRow>(DashboardSql.Grades, args, ct);
        var vacancy = (await db.QuerySingleOrDefaultAsync<VacancyRow>(DashboardSql.Vacancy, args, ct))!;
        var year = await db.ExecuteScalarAsync<int?>(DashboardSql.LatestAnnualYear, args, ct);
        var appraisal = year is { } y
            ? await db.QueryAsync<CodeCount>(DashboardSql.AppraisalGrades, new { args.Scope, Year = y }, ct)
            : [];
        var target = await training.CertificationTargetRateAsync(ct);
        IEnumerable<DimensionRow> Rows(string dim) => structure.Where(r => r.Dim == dim);
        var headcount = Rows("path").Sum(r => r.Number);
        var socialWork = Rows("social-work").Sum(r => r.Number);

        var pyramid = StructureBands.AgeBands.ToDictionary(b => b, _ => new int[3]);
        foreach (var r in Rows("age"))
        {
            var gender = StructureBands.Gender(r.Sub ?? "");
            pyramid[r.Code ?? "<30"][gender == "male" ? 0 : gender == "female" ? 1 : 2] += r.Number;
        }
        // Each org path counts towards the child whose path is the unit's path plus the next segment.
        var perChild = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows("path"))
        {
            var path = r.Code ?? "";
            var end = path.Length > unit.Path.Length ? path.IndexOf('/', unit.Path.Length) : -1;
            if (end > 0)
            {
                var key = path[..(end + 1)];
                perChild[key] = perChild.GetValueOrDefault(key) + r.Number;
            }
        }
        var graded = grades.Sum(g => g.Number);
        var appraised = appraisal.Sum(a => a.Number);
        return new DashboardResponse
        {
            Unit = unit,
            Trail = await scope.TrailAsync(unit, ct),
            AsOf = today,
            Headcount = headcount,
            Children = children.Select(c => new ChildUnit
            {
                Id = c.Id, Code = c.Code, Name = c.Name, Level = c.Level,
                Headcount = perChild.GetValueOrDefault(c.Path),
            }).ToList(),
            AgePyramid = StructureBands.AgeBands.Select(b => new AgeBandCount(b, pyramid[b][0], pyramid[b][1], pyramid[b][2])).ToList(),
            Education = Tally(StructureBands.EducationGroups, Rows("education"), StructureBands.EducationGroup),
            Political = Tally(StructureBands.PoliticalGroups, Rows("political"), StructureBands.PoliticalGroup),
            Service = Tally(StructureBands.ServiceBands, Rows("service"), band => band),
            Certification = new CertificationFigure(socialWork, headcount, Rate(socialWork, headcount), target, Rate(socialWork, headcount) >= target),
            AllRound = new AllRoundFigure(allRound, headcount, Rate(allRound, headcount), lines),
            Grades = grades.Select(g => new GradeCount(g.PostType, g.Level, g.Number)).ToList(),
            Ungraded = Math.Max(0, headcount - graded),
            Vacancy = new VacancyFigure(vacancy.Quota, vacancy.Filled, vacancy.Vacant, Rate(vacancy.Vacant, vacancy.Quota)),
            Appraisal = new AppraisalFigure(year, appraised, appraisal.OrderBy(a => GradeOrder(a.Code)).Select(a => new KeyCount(a.Code, a.Number)).ToList()),
        };
    }

    public static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 4);

    /// <summary>Counts per code, summed into the groups <paramref name="group"/> puts them in, in the order of <paramref name="keys"/>.</summary>
    private static List<KeyCount> Tally(IReadOnlyList<string> keys, IEnumerable<DimensionRow> rows, Func<string, string> group)
    {
        var counts = rows.GroupBy(r => group(r.Code ?? "")).ToDictionary(g => g.Key, g => g.Sum(r => r.Number));
        return keys.Select(k => new KeyCount(k, counts.GetValueOrDefault(k))).ToList();
    }

    /// <summary>The band limits of <see cref="DashboardSql.Structure"/> as of <paramref name="today"/>.</summary>
    internal static DynamicParameters StructureArgs(string scope, DateOnly today)
    {
        var args = new DynamicParameters(new { Scope = scope });
        foreach (var years in StructureBands.AgeBandStarts)
        {
            args.Add($"Age{years}", StructureBands.ReachedBy(today, years), System.Data.DbType.Date);
        }
        foreach (var years in StructureBands.ServiceBandStarts)
        {
            args.Add($"Service{years}", StructureBands.ReachedBy(today, years), System.Data.DbType.Date);
        }
        return args;
    }

    private static int GradeOrder(string grade) => grade switch
    {
        "excellent" => 0,
        "competent" => 1,
        "basic" => 2,
        "incompetent" => 3,
        _ => 4,
    };

    private sealed class DimensionRow
    {
        public string Dim { get; init; } = "";
        public string? Code { get; init; }
        public string? Sub { get; init; }
        public int Number { get; init; }
    }

    private sealed class ChildRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Level { get; init; } = "";
        public string Path { get; init; } = "";
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
