using CommunityWorkforce.Training.Contracts;
using Dapper;

namespace CommunityWorkforce.CareerPath.Tracks;

internal static class FactsSql
{
    private const string Workers = """
         FROM staffing_v_worker_profile p
        WHERE {scope:p.org_path} AND p.status <> 'left' AND (@WorkerId IS NULL OR p.worker_id = @WorkerId)
        """;

    public const string WorkerPath = "SELECT org_path FROM staffing_v_worker_profile WHERE worker_id = @WorkerId";

    public const string Base = """
        SELECT p.worker_id AS WorkerId, p.staff_no AS StaffNo, p.name AS Name, p.org_path AS OrgPath, p.birth_date AS BirthDate,
               p.service_start_date AS ServiceStartDate, g.post_type AS PostType, g.level AS Level, g.since_date AS GradeSince
         FROM staffing_v_worker_profile p
         LEFT JOIN career_v_current_grades g ON g.worker_id = p.worker_id
        WHERE {scope:p.org_path} AND p.status <> 'left' AND (@WorkerId IS NULL OR p.worker_id = @WorkerId)
        """;

    public const string Grades = """
        SELECT r.worker_id AS WorkerId, r.year AS Year, r.grade AS Value FROM performance_v_results r
        WHERE r.kind = 'annual' AND r.year >= @FromYear AND r.worker_id IN (SELECT p.worker_id
        """ + Workers + ")";

    /// <summary>
    /// Above this many workers in the subtree the facts are read for everyone (the "Wide" reads below) and matched against
    /// the subtree's workers here: restricting each read to the subtree (<c>IN (SELECT … worker profile …)</c>) rebuilt the
    /// subtree's 70,000-worker set for every source and cost 0.3–2 s each on a city, the wide reads 50–130 ms. Facts of
    /// workers outside the subtree are read only to be dropped; nothing of them is returned. Tests set it to 0 to check
    /// that both reads give the same answer.
    /// </summary>
    internal static int WideFrom { get; set; } = 5_000;

    public const string GradesWide = """
        SELECT r.worker_id AS WorkerId, r.year AS Year, r.grade AS Value FROM performance_v_results r
        WHERE r.kind = 'annual' AND r.year >= @FromYear
        """;

    /// <summary>Over Training's hours view (no session or course joined): read off its (worker, date, hours) index.</summary>
    public const string Hours = """
        SELECT c.worker_id AS WorkerId, SUM(c.hours_credited) AS Hours FROM training_v_credited_hours c
        WHERE c.completed_on > @HoursFrom AND c.completed_on <= @AsOf AND c.worker_id IN (SELECT p.worker_id
        """ + Workers + ") GROUP BY c.worker_id";

    public const string HoursWide = """
        SELECT c.worker_id AS WorkerId, SUM(c.hours_credited) AS Hours FROM training_v_credited_hours c
        WHERE c.completed_on > @HoursFrom AND c.completed_on <= @AsOf GROUP BY c.worker_id
        """;

    public const string SocialWork = """
        SELECT c.worker_id AS WorkerId, 0 AS Year, c.level AS Value FROM training_v_certificates c
        WHERE c.kind = 'social-work' AND (c.expires_on IS NULL OR c.expires_on >= @AsOf) AND c.worker_id IN (SELECT p.worker_id
        """ + Workers + ")";

    public const string SocialWorkWide = """
        SELECT c.worker_id AS WorkerId, 0 AS Year, c.level AS Value FROM training_v_certificates c
        WHERE c.kind = 'social-work' AND (c.expires_on IS NULL OR c.expires_on >= @AsOf)
        """;

    /// <summary>How many competency codes <see cref="CompetenciesNamed"/> takes (<c>@C0</c> … <c>@C7</c>; unused ones null).</summary>
    public const int NamedCompetencies = 8;

    /// <summary>
    /// The highest level held of each competency the criteria name, one row per worker (<c>L0</c> … <c>L7</c> for
    /// <c>@C0</c> … <c>@C7</c>): a city holds about eighteen rows per worker; only the criteria's few are read, and carried
    /// as one row per worker rather than one per competency.
    /// </summary>
    public const string CompetenciesNamed = """
        SELECT l.worker_id AS WorkerId,
        """ + NamedLevelColumns + """
          FROM competency_v_worker_levels l
        WHERE l.competency_code IN (@C0, @C1, @C2, @C3, @C4, @C5, @C6, @C7) AND l.worker_id IN (SELECT p.worker_id
        """ + Workers + ") GROUP BY l.worker_id";

    public const string CompetenciesNamedWide = """
        SELECT l.worker_id AS WorkerId,
        """ + NamedLevelColumns + """
          FROM competency_v_worker_levels l
        WHERE l.competency_code IN (@C0, @C1, @C2, @C3, @C4, @C5, @C6, @C7) GROUP BY l.worker_id
        """;

    private const string NamedLevelColumns = """
               MAX(CASE WHEN l.competency_code = @C0 THEN l.level END) AS L0, MAX(CASE WHEN l.competency_code = @C1 THEN l.level END) AS L1,
               MAX(CASE WHEN l.competency_code = @C2 THEN l.level END) AS L2, MAX(CASE WHEN l.competency_code = @C3 THEN l.level END) AS L3,
               MAX(CASE WHEN l.competency_code = @C4 THEN l.level END) AS L4, MAX(CASE WHEN l.competency_code = @C5 THEN l.level END) AS L5,
               MAX(CASE WHEN l.competency_code = @C6 THEN l.level END) AS L6, MAX(CASE WHEN l.competency_code = @C7 THEN l.level END) AS L7
        """;

    /// <summary>The highest level held of every competency (criteria naming more than <see cref="NamedCompetencies"/>).</summary>
    public const string Competencies = """
        SELECT l.worker_id AS WorkerId, l.competency_code AS Code, MAX(l.level) AS Level FROM competency_v_worker_levels l
        WHERE l.worker_id IN (SELECT p.worker_id
        """ + Workers + ") GROUP BY l.worker_id, l.competency_code";

    public const string CompetenciesWide = """
        SELECT l.worker_id AS WorkerId, l.competency_code AS Code, MAX(l.level) AS Level FROM competency_v_worker_levels l
        GROUP BY l.worker_id, l.competency_code
        """;
}

/// <summary>
/// Gathers <see cref="WorkerFacts"/> set-wise — one query per source over the published views of Staffing, Performance,
/// Training and CompetencyFramework, for a whole subtree or one worker — asking only what the criteria need.
/// </summary>
internal sealed class FactsReader(DbSession db, ITrainingQueries training)
{
    // Shared by every worker without grades or assessed competencies (read-only; a city has tens of thousands).
    private static readonly IReadOnlyDictionary<int, string> NoGrades = new Dictionary<int, string>();
    private static readonly IReadOnlyDictionary<string, int> NoCompetencies = new Dictionary<string, int>();

    private static readonly string[] SocialWorkOrder = [SocialWorkLevels.Assistant, SocialWorkLevels.Intermediate, SocialWorkLevels.Senior];

    public async Task<IReadOnlyList<WorkerFacts>> ReadAsync(string scopePattern, Guid? workerId, StageCriteria criteria, DateOnly asOf, CancellationToken ct)
    {
        if (workerId is { } id)
        {
            // One worker: narrow the scope to the worker's own unit, so that every source query reads that unit's few
            // people by the path index instead of the caller's whole subtree (the whole city for "my career track").
            var path = await db.ExecuteScalarAsync<string?>(FactsSql.WorkerPath, new { WorkerId = id }, ct);
            if (path is null || !path.StartsWith(scopePattern.TrimEnd('%'), StringComparison.Ordinal))
            {
                return [];
            }
            scopePattern = path + "%";
        }
        var args = new
        {
            Scope = scopePattern, WorkerId = workerId, FromYear = asOf.Year - (criteria.RecentYears ?? 0), HoursFrom = asOf.AddYears(-1), AsOf = asOf,
        };
        var rows = await db.QueryAsync<BaseRow>(FactsSql.Base, args, ct);
        var wide = rows.Count > FactsSql.WideFrom;
        var grades = criteria.RecentYears is null ? [] : await db.QueryAsync<YearValue>(wide ? FactsSql.GradesWide : FactsSql.Grades, args, ct);
        var hours = criteria.MinTrainingHours is null ? [] : await db.QueryAsync<HoursRow>(wide ? FactsSql.HoursWide : FactsSql.Hours, args, ct);
        var certificates = criteria.SocialWorkLevel is null ? [] : await db.QueryAsync<YearValue>(wide ? FactsSql.SocialWorkWide : FactsSql.SocialWork, args, ct);
        var codes = criteria.Competencies.Select(c => c.Code).Distinct().ToList();
        var competencyBy = new Dictionary<Guid, IReadOnlyDictionary<string, int>>();
        if (codes.Count is > 0 and <= FactsSql.NamedCompetencies)
        {
            var named = new DynamicParameters(args);
            for (var i = 0; i < FactsSql.NamedCompetencies; i++)
            {
                named.Add("C" + i, i < codes.Count ? codes[i] : null);
            }
            foreach (var row in await db.QueryAsync<NamedLevelsRow>(wide ? FactsSql.CompetenciesNamedWide : FactsSql.CompetenciesNamed, named, ct))
            {
                competencyBy[row.WorkerId] = row.ByCode(codes);
            }
        }
        else if (codes.Count > 0)
        {
            var competencies = await db.QueryAsync<CompetencyRow>(wide ? FactsSql.CompetenciesWide : FactsSql.Competencies, args, ct);
            foreach (var worker in competencies.GroupBy(c => c.WorkerId))
            {
                competencyBy[worker.Key] = worker.GroupBy(c => c.Code).ToDictionary(c => c.Key, c => c.Max(x => x.Level));
            }
        }
        // Built in one pass each (a city: 60,000 workers, about three grade rows each).
        var gradesBy = new Dictionary<Guid, Dictionary<int, string>>();
        foreach (var g in grades)
        {
            if (!gradesBy.TryGetValue(g.WorkerId, out var years))
            {
                gradesBy[g.WorkerId] = years = new Dictionary<int, string>(4);
            }
            years.TryAdd(g.Year, g.Value);
        }
        var hoursBy = new Dictionary<Guid, decimal>(hours.Count);
        foreach (var h in hours)
        {
            hoursBy[h.WorkerId] = h.Hours;
        }
        var certificateBy = new Dictionary<Guid, string>();
        foreach (var c in certificates)
        {
            if (!certificateBy.TryGetValue(c.WorkerId, out var held) || Array.IndexOf(SocialWorkOrder, c.Value) > Array.IndexOf(SocialWorkOrder, held))
            {
                certificateBy[c.WorkerId] = c.Value;
            }
        }
        var result = new List<WorkerFacts>(rows.Count);
        foreach (var r in rows)
        {
            result.Add(new WorkerFacts
            {
                WorkerId = r.WorkerId, StaffNo = r.StaffNo, Name = r.Name, OrgPath = r.OrgPath, BirthDate = r.BirthDate, ServiceStartDate = r.ServiceStartDate,
                PostType = r.PostType, Level = r.Level, GradeSince = r.GradeSince,
                AnnualGrades = gradesBy.TryGetValue(r.WorkerId, out var annual) ? annual : NoGrades,
                TrainingHours = hoursBy.GetValueOrDefault(r.WorkerId),
                SocialWorkLevel = certificateBy.GetValueOrDefault(r.WorkerId),
                CompetencyLevels = competencyBy.GetValueOrDefault(r.WorkerId) ?? NoCompetencies,
            });
        }
        return result;
    }

    /// <summary>Adds the mandatory-training standing (Training's contract, one worker at a time) where the criteria ask for it.</summary>
    public async Task<WorkerFacts> WithComplianceAsync(WorkerFacts facts, StageCriteria criteria, DateOnly asOf, CancellationToken ct) =>
        criteria.MandatoryCompliance ? facts with { Compliance = await training.ComplianceAsync(facts.WorkerId, asOf, ct) } : facts;

    /// <summary>
    /// The mandatory-training standing of every worker of the subtree who has not left (Training's set-wise contract:
    /// two queries whatever the number of workers), keyed by worker id.
    /// </summary>
    public Task<IReadOnlyDictionary<Guid, MandatoryCompliance>> ComplianceOfSubtreeAsync(string scopePattern, DateOnly asOf, CancellationToken ct) =>
        training.ComplianceOfSubtreeAsync(scopePattern, asOf, ct);

    private sealed class BaseRow
    {
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public string Name { get; init; } = "";
        public string OrgPath { get; init; } = "";
        public DateOnly BirthDate { get; init; }
        public DateOnly ServiceStartDate { get; init; }
        public string? PostType { get; init; }
        public int? Level { get; init; }
        public DateOnly? GradeSince { get; init; }
    }

    private sealed class YearValue
    {
        public Guid WorkerId { get; init; }
        public int Year { get; init; }
        public string Value { get; init; } = "";
    }

    private sealed class HoursRow
    {
        public Guid WorkerId { get; init; }
        public decimal Hours { get; init; }
    }

    /// <summary>One worker's levels of the named competencies: <c>L0</c> is the level of the first code, and so on.</summary>
    private sealed class NamedLevelsRow
    {
        public Guid WorkerId { get; init; }
        public int? L0 { get; init; }
        public int? L1 { get; init; }
        public int? L2 { get; init; }
        public int? L3 { get; init; }
        public int? L4 { get; init; }
        public int? L5 { get; init; }
        public int? L6 { get; init; }
        public int? L7 { get; init; }

        public IReadOnlyDictionary<string, int> ByCode(IReadOnlyList<string> codes)
        {
            int?[] levels = [L0, L1, L2, L3, L4, L5, L6, L7];
            var held = new Dictionary<string, int>(codes.Count);
            for (var i = 0; i < codes.Count; i++)
            {
                if (levels[i] is { } level)
                {
                    held[codes[i]] = level;
                }
            }
            return held;
        }
    }

    private sealed class CompetencyRow
    {
        public Guid WorkerId { get; init; }
        public string Code { get; init; } = "";
        public int Level { get; init; }
    }
}
