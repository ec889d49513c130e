namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>HR moves a plan item's due date, marks it done or cancelled, or changes its note.</summary>
internal static class UpdatePlanItem
{
    public static async Task<Results<Ok<PlanItemResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(Guid id, UpdatePlanItemRequest request,
        [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var today = LocalDate.Today(clock);
        var validator = new Validator().Required("version", request.Version).Required("status", request.Status, 20).OneOf("status", request.Status, PlanItemStatus.All)
            .Required("dueOn", request.DueOn).Optional("note", request.Note, 1000)
            .Rule(request.DueOn is null || (request.DueOn >= today.AddYears(-2) && request.DueOn <= today.AddYears(5)), "dueOn",
                Text.Of("完成期限应在过去两年到未来五年之内。", "The due date must lie between two years ago and five years ahead."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var scope = new { Id = id, Scope = user.ScopePattern };
        if (await db.QuerySingleOrDefaultAsync<PlanItemResponse>(ReserveWriteSql.PlanItem, scope, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        await using (var tx = await db.BeginAsync(ct))
        {
            if (await db.ExecuteAsync(ReserveWriteSql.UpdatePlanItem, new { Id = id, request.DueOn, request.Status, Note = note, request.Version, Now = clock.GetUtcNow() }, ct) != 1)
            {
                return Problems.StaleVersion(false);
            }
            await audit.WriteAsync(new AuditEntry("career.reserve.plan-item-updated", "career-reserve-plan-item", id, null,
                new { found.MemberId, from = found.Status, to = request.Status, request.DueOn, note }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await db.QuerySingleOrDefaultAsync<PlanItemResponse>(ReserveWriteSql.PlanItem, scope, ct))!);
    }
}
