namespace CommunityWorkforce.Performance.Cycles;

/// <summary>部门考核 — HR enters a unit's own department score for a cycle (used in scoring until publication).</summary>
internal static class UnitScores
{
    public static async Task<Results<Ok<CalibrationBoard>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, UnitScoreRequest request, [AsParameters] WriteContext write, IOrgUnitDirectory units, CycleEngine engine, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator().Required("orgUnitId", request.OrgUnitId).Required("ownScore", request.OwnScore);
        validator.Rule(request.OwnScore is null or (>= 0 and <= 100), "ownScore", Text.Of("应在 0 到 100 之间。", "Must be between 0 and 100."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var cycle = await CycleEndpoints.FindInScope(db, user, id, ct);
        var unit = await units.FindAsync(request.OrgUnitId!.Value, ct);
        if (cycle is null || unit is null || !user.CanSee(unit.Path) || !unit.Path.StartsWith(cycle.OrgPath, StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }
        if (cycle.Status is not (CycleStatus.Collecting or CycleStatus.Calibrating))
        {
            return CycleEndpoints.NotAllowed(cycle.Status, "录入部门考核");
        }
        var args = new { CycleId = id, OrgUnitId = unit.Id, OrgPath = unit.Path, OwnScore = (double)request.OwnScore!.Value, Now = clock.GetUtcNow() };
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(CycleSql.UpsertUnitScoreUpdate, args, ct) == 0)
        {
            await db.ExecuteAsync(CycleSql.UpsertUnitScoreInsert, args, ct);
        }
        await audit.WriteAsync(new AuditEntry("performance.department-score.entered", "appraisal-cycle", id, unit.Path,
            new { unitId = unit.Id, request.OwnScore }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new CalibrationBoard(id, cycle.Status, cycle.ExcellentQuotaPercent, await engine.BoardAsync(cycle, user.ScopePattern, ct)));
    }
}
