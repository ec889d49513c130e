using CommunityWorkforce.Performance.Calendar;
using CommunityWorkforce.Performance.Settings;

namespace CommunityWorkforce.Performance.Cycles;

/// <summary>Moving a cycle on: HR starts collection (participants), calibration (scores and proposed grades) and closes; the leader publishes.</summary>
internal static class AdvanceCycle
{
    public static async Task<Results<Ok<CycleResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, VersionRequest request, HttpContext http, [AsParameters] WriteContext write, CycleEngine engine, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var cycle = await CycleEndpoints.FindInScope(db, user, id, ct);
        if (cycle is null)
        {
            return TypedResults.NotFound();
        }
        var to = CycleStatus.Next(cycle.Status);
        if (to is null || to == CycleStatus.Published)
        {
            return CycleEndpoints.NotAllowed(cycle.Status, to == CycleStatus.Published ? "由人事推进（发布由领导完成）" : "再推进");
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(CycleSql.Advance, new { Id = id, From = cycle.Status, To = to, Version = expected.Value, Now = clock.GetUtcNow() }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        object? details = null;
        if (to == CycleStatus.Collecting)
        {
            var (count, missing) = await engine.BuildParticipantsAsync(cycle, ct);
            if (missing.Count > 0)
            {
                return Problems.Conflict(CycleEndpoints.MissingTemplates, Text.Of("缺少考核模板", "Templates missing"),
                    Text.Of($"以下岗位类别没有考核模板：{string.Join("、", missing)}。请先建立模板。",
                        $"No appraisal template for post types: {string.Join(", ", missing)}. Create them first."),
                    new Dictionary<string, object?> { ["postTypes"] = missing });
            }
            details = new { participants = count };
        }
        else if (to == CycleStatus.Calibrating)
        {
            details = new { scored = await engine.ScoreAsync(cycle, propose: true, ct) };
        }
        await audit.WriteAsync(new AuditEntry("performance.cycle." + to, "appraisal-cycle", id, cycle.OrgPath, details), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await db.QuerySingleOrDefaultAsync<CycleRow>(CycleSql.ById, new { Id = id }, ct))!.ToResponse());
    }

    /// <summary>Recomputes every score from the inputs as they stand; allowed until publication. The same inputs give the same scores.</summary>
    public static async Task<Results<Ok<CycleResponse>, NotFound, ProblemHttpResult>> Rescore(
        Guid id, [AsParameters] WriteContext write, CycleEngine engine, CancellationToken ct)
    {
        var (db, user, audit, _) = write;
        var cycle = await CycleEndpoints.FindInScope(db, user, id, ct);
        if (cycle is null)
        {
            return TypedResults.NotFound();
        }
        if (cycle.Status is not (CycleStatus.Collecting or CycleStatus.Calibrating))
        {
            return CycleEndpoints.NotAllowed(cycle.Status, "重新计分");
        }
        await using var tx = await db.BeginAsync(ct);
        var current = await db.QuerySingleOrDefaultAsync<CycleRow>(CycleSql.ById, new { Id = id }, ct);
        if (current is null || current.Status is not (CycleStatus.Collecting or CycleStatus.Calibrating))
        {
            return CycleEndpoints.NotAllowed(current?.Status ?? cycle.Status, "重新计分");
        }
        var scored = await engine.ScoreAsync(current, propose: false, ct);
        await audit.WriteAsync(new AuditEntry("performance.cycle.scored", "appraisal-cycle", id, cycle.OrgPath, new { scored }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await db.QuerySingleOrDefaultAsync<CycleRow>(CycleSql.ById, new { Id = id }, ct))!.ToResponse());
    }

    /// <summary>
    /// The leader publishes a calibrated cycle: refused with 409 and the counts while any unit is over its 优秀 quota. The
    /// appeal window (working days) starts on the day of publication.
    /// </summary>
    public static async Task<Results<Ok<CycleResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Publish(
        Guid id, VersionRequest request, HttpContext http, [AsParameters] WriteContext write, CycleEngine engine,
        CalendarStore calendar, PerformanceSettingsStore settings, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var cycle = await CycleEndpoints.FindInScope(db, user, id, ct);
        if (cycle is null)
        {
            return TypedResults.NotFound();
        }
        if (cycle.Status != CycleStatus.Calibrating)
        {
            return CycleEndpoints.NotAllowed(cycle.Status, "发布");
        }
        var today = LocalDate.Today(clock);
        var (appealDeadline, _) = (await calendar.LoadAsync(ct)).AddWorkingDays(today, (await settings.GetAsync(ct)).AppealWorkingDays);
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(CycleSql.Publish, new { Id = id, Version = expected.Value, Today = today, AppealDeadline = appealDeadline, Now = clock.GetUtcNow() }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        var over = await engine.OverQuotaAsync(cycle, ct);
        if (over.Count > 0)
        {
            return Problems.Conflict(CycleEndpoints.OverQuota, Text.Of("优秀超出名额", "Over the 优秀 quota"),
                Text.Of($"以下单位优秀人数超出名额，不能发布：{CycleEngine.Describe(over)}。", $"Units over their 优秀 quota: {CycleEngine.Describe(over)}."),
                new Dictionary<string, object?> { ["units"] = over });
        }
        await audit.WriteAsync(new AuditEntry("performance.cycle.published", "appraisal-cycle", id, cycle.OrgPath, new { appealDeadline }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await db.QuerySingleOrDefaultAsync<CycleRow>(CycleSql.ById, new { Id = id }, ct))!.ToResponse());
    }
}
