using CommunityWorkforce.CareerPath.Levels;
using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.CareerPath.Progression;

/// <summary>
/// 年度晋级预览 — computes, set-wise over the subtree (three queries, whatever its size), who steps up on the day and why,
/// with the ladder in force on that day, and stores the explained results as a run that can be applied once.
/// </summary>
internal static class PreviewRun
{
    public static async Task<Results<Created<RunResponse>, ValidationProblem, NotFound>> Handle(PreviewRunRequest request, LadderStore ladders,
        IOrgUnitDirectory units, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator();
        var today = LocalDate.Today(clock);
        validator.Rule(request.AsOf >= today.AddYears(-10) && request.AsOf <= today.AddDays(366), "asOf",
            Text.Of("晋级基准日应在过去 10 年到未来一年之内。", "The run date must lie within the last 10 years and the next year."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (unitId, path) = await ScopeOf(request.OrgUnitId, units, user, ct);
        if (path is null)
        {
            return TypedResults.NotFound();
        }
        var ladder = await ladders.InForceAsync(request.AsOf, ct);
        var scope = new { Scope = path + "%", FromYear = request.AsOf.Year - 20, ToYear = request.AsOf.Year };
        var candidates = await db.QueryAsync<Candidate>(ProgressionSql.Candidates, scope, ct);
        var early = (await db.QueryAsync<Counted>(ProgressionSql.EarlySteps, scope, ct)).ToDictionary(e => e.WorkerId, e => e.Count);
        var grades = (await db.QueryAsync<WorkerYearGrade>(ProgressionSql.AnnualGrades, scope, ct))
            .GroupBy(g => g.WorkerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, string>)g.GroupBy(y => y.Year).ToDictionary(y => y.Key, y => y.First().Grade));
        var none = new Dictionary<int, string>();
        var runId = Guid.NewGuid();
        // Each candidate is judged as its result row is bound and the row (with its two explanations) dropped right after,
        // so a city's results never sit in memory together; the run's step count is written once they are all in.
        var steps = 0;
        await using (var tx = await db.BeginAsync(ct))
        {
            await db.ExecuteAsync(ProgressionSql.InsertRun, new
            {
                Id = runId, request.AsOf, OrgUnitId = unitId, OrgPath = path, LadderEffectiveFrom = ladder.EffectiveFrom, Workers = candidates.Count,
                Steps = 0, By = user.UserName, Now = clock.GetUtcNow(),
            }, ct);
            await db.ExecuteEachAsync(ProgressionSql.InsertResult, candidates, c =>
            {
                var outcome = GradeRules.Evaluate(ladder, new ProgressionInput(c.PostType, c.Level, c.Since, early.GetValueOrDefault(c.WorkerId),
                    grades.GetValueOrDefault(c.WorkerId) ?? none), request.AsOf);
                steps += outcome.ToLevel > c.Level ? 1 : 0;
                return new
                {
                    RunId = runId, c.WorkerId, c.StaffNo, c.Name, c.OrgPath, c.PostType, c.Since, FromLevel = c.Level, outcome.ToLevel,
                    outcome.ReasonCode, outcome.Explanation, outcome.ExplanationEn, outcome.NextDueOn, NewGradeId = Guid.NewGuid(),
                };
            }, ct);
            await db.ExecuteAsync(ProgressionSql.SetRunSteps, new { Id = runId, Steps = steps }, ct);
            await audit.WriteAsync(new AuditEntry("career.progression.previewed", "career-progression-run", runId, path,
                new { request.AsOf, workers = candidates.Count, steps }), ct);
            await tx.CommitAsync(ct);
        }
        var run = await db.QuerySingleOrDefaultAsync<RunResponse>(ProgressionSql.Get, new { Id = runId, Scope = user.ScopePattern }, ct);
        return TypedResults.Created($"/api/career/progression-runs/{runId}", run!);
    }

    /// <summary>The named unit when the caller sees it; otherwise the caller's own subtree (admin: the whole city).</summary>
    internal static async Task<(Guid? UnitId, string? Path)> ScopeOf(Guid? orgUnitId, IOrgUnitDirectory units, CurrentUser user, CancellationToken ct)
    {
        if (orgUnitId is { } id)
        {
            var unit = await units.FindAsync(id, ct);
            return unit is not null && user.CanSee(unit.Path) ? (unit.Id, unit.Path) : (null, null);
        }
        return user.IsAdmin ? (null, "/") : user.ScopePath is { Length: > 0 } own ? (user.OrgUnitId, own) : (null, null);
    }

    private sealed class Candidate
    {
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public string Name { get; init; } = "";
        public string OrgPath { get; init; } = "";
        public string PostType { get; init; } = "";
        public int Level { get; init; }
        public DateOnly Since { get; init; }
    }

    private sealed class Counted
    {
        public Guid WorkerId { get; init; }
        public int Count { get; init; }
    }

    private sealed class WorkerYearGrade
    {
        public Guid WorkerId { get; init; }
        public int Year { get; init; }
        public string Grade { get; init; } = "";
    }
}
