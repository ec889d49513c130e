using CommunityWorkforce.Training.Contracts;

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

    public const string Hours = """
        SELECT c.worker_id AS WorkerId, SUM(c.hours_credited) AS Hours FROM training_v_completions c
        WHERE c.completed_on > @HoursFrom AND c.completed_on <= @AsOf AND c.worker_id IN (SELECT p.worker_id
        """ + Workers + ") GROUP BY c.worker_id";

    public const string SocialWork = """
        SELECT c.worker_id AS WorkerId, 0 AS Year, c.level AS Value FROM training_v_certificates c
        WHERE c.kind = 'social-work' AND (c.expires_on IS NULL OR c.expires_on >= @AsOf) AND c.worker_id IN (SELECT p.worker_id
        """ + Workers + ")";

    public const string Competencies = """
        SELECT l.worker_id AS WorkerId, l.competency_code AS Code, l.level AS Level FROM competency_v_worker_levels l
        WHERE l.worker_id IN (SELECT p.worker_id
        """ + Workers + ")";
}

/// <summary>
/// Gathers <see cref="WorkerFacts"/> set-wise — one query per source over the published views of Staffing, Performance,
/// Training and CompetencyFramework, for a whole subtree or one worker — asking only what the criteria need.
/// </summary>
internal sealed class FactsReader(DbSession db, ITrainingQueries training)
{
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
        var grades = criteria.RecentYears is null ? [] : await db.QueryAsync<YearValue>(FactsSql.Grades, args, ct);
        var hours = criteria.MinTrainingHours is null ? [] : await db.QueryAsync<HoursRow>(FactsSql.Hours, args, ct);
        var certificates = criteria.SocialWorkLevel is null ? [] : await db.QueryAsync<YearValue>(FactsSql.SocialWork, args, ct);
        var competencies = criteria.Competencies.Count == 0 ? [] : await db.QueryAsync<CompetencyRow>(FactsSql.Competencies, args, ct);
        var gradesBy = grades.GroupBy(g => g.WorkerId).ToDictionary(g => g.Key, g => g.GroupBy(y => y.Year).ToDictionary(y => y.Key, y => y.First().Value));
        var hoursBy = hours.ToDictionary(h => h.WorkerId, h => h.Hours);
        var certificateBy = certificates.GroupBy(c => c.WorkerId).ToDictionary(g => g.Key, g => g.MaxBy(c => Array.IndexOf(SocialWorkOrder, c.Value))!.Value);
        var competencyBy = competencies.GroupBy(c => c.WorkerId).ToDictionary(g => g.Key, g => g.GroupBy(c => c.Code).ToDictionary(c => c.Key, c => c.Max(x => x.Level)));
        return rows.Select(r => new WorkerFacts
        {
            WorkerId = r.WorkerId, StaffNo = r.StaffNo, Name = r.Name, OrgPath = r.OrgPath, BirthDate = r.BirthDate, ServiceStartDate = r.ServiceStartDate,
            PostType = r.PostType, Level = r.Level, GradeSince = r.GradeSince,
            AnnualGrades = gradesBy.GetValueOrDefault(r.WorkerId) ?? new Dictionary<int, string>(),
            TrainingHours = hoursBy.GetValueOrDefault(r.WorkerId),
            SocialWorkLevel = certificateBy.GetValueOrDefault(r.WorkerId),
            CompetencyLevels = competencyBy.GetValueOrDefault(r.WorkerId) ?? new Dictionary<string, int>(),
        }).ToList();
    }

    /// <summary>Adds the mandatory-training standing (Training's contract, one worker at a time) where the criteria ask for it.</summary>
    public async Task<WorkerFacts> WithComplianceAsync(WorkerFacts facts, StageCriteria criteria, DateOnly asOf, CancellationToken ct) =>
        criteria.MandatoryCompliance ? facts with { Compliance = await training.ComplianceAsync(facts.WorkerId, asOf, ct) } : facts;

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

    private sealed class CompetencyRow
    {
        public Guid WorkerId { get; init; }
        public string Code { get; init; } = "";
        public int Level { get; init; }
    }
}
