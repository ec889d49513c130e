namespace CommunityWorkforce.CareerPath.Progression;

/// <summary>
/// 确认晋级 — applies a previewed run in one transaction: the claim (previewed → applied at the version read) wins once, then
/// two set-wise statements end the grades in force and insert the new ones. A worker whose grade changed since the preview
/// is left alone (their result stays unapplied). A second apply, or a parallel one, gets 409 and changes nothing.
/// </summary>
internal static class ApplyRun
{
    public static async Task<Results<Ok<RunResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(Guid id, ApplyRunRequest request,
        [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var run = await db.QuerySingleOrDefaultAsync<RunResponse>(ProgressionSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);
        if (run is null)
        {
            return TypedResults.NotFound();
        }
        if (run.Status != RunStatus.Previewed)
        {
            return AlreadyApplied();
        }
        await using (var tx = await db.BeginAsync(ct))
        {
            var args = new { Id = id, run.AsOf, request.Version, By = user.UserName, Now = clock.GetUtcNow() };
            if (await db.ExecuteAsync(ProgressionSql.Claim, args, ct) != 1)
            {
                return request.Version == run.Version ? AlreadyApplied() : Problems.StaleVersion(false);
            }
            await db.ExecuteAsync(ProgressionSql.EndGrades, args, ct);
            var applied = await db.ExecuteAsync(ProgressionSql.InsertGrades, args, ct);
            await db.ExecuteAsync(ProgressionSql.MarkApplied, args, ct);
            await db.ExecuteAsync(ProgressionSql.SetAppliedSteps, new { Id = id, Applied = applied }, ct);
            await audit.WriteAsync(new AuditEntry("career.progression.applied", "career-progression-run", id, run.OrgPath,
                new { run.AsOf, steps = run.Steps, applied }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await db.QuerySingleOrDefaultAsync<RunResponse>(ProgressionSql.Get, new { Id = id, Scope = user.ScopePattern }, ct))!);
    }

    private static ProblemHttpResult AlreadyApplied() => Problems.Conflict(ProblemTypes.RuleViolation,
        Text.Of("该晋级批次已确认，不能重复确认。", "This progression run has already been applied."));
}
