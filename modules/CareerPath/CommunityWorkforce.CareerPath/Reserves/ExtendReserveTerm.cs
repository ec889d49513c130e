namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>延长培养期 — HR extends an active member's term to a later end date, with a reason.</summary>
internal static class ExtendReserveTerm
{
    public static async Task<Results<Ok<ReserveMemberDetailResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(Guid id,
        ExtendReserveTermRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var today = LocalDate.Today(clock);
        var validator = new Validator().Required("version", request.Version).Required("termEnd", request.TermEnd).Required("reason", request.Reason, 1000)
            .Rule(request.TermEnd is null || request.TermEnd > today, "termEnd", Text.Of("新的任期结束日期应在今天之后。", "The new end must fall after today."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await ReserveLookup.FindAsync(db, user, id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }
        if (found.Status != ReserveStatus.Active)
        {
            return ReserveLookup.InvalidTransition(found.Status);
        }
        if (found.TermEnd is { } current && request.TermEnd <= current)
        {
            return validator.Add("termEnd", Text.Of($"应晚于当前任期结束日期 {current:yyyy-MM-dd}。", $"Must be later than the current end {current:yyyy-MM-dd}.")).ToProblem();
        }
        await using (var tx = await db.BeginAsync(ct))
        {
            if (await db.ExecuteAsync(ReserveWriteSql.Extend, new { Id = id, request.TermEnd, request.Version, Now = clock.GetUtcNow() }, ct) != 1)
            {
                return Problems.StaleVersion(false);
            }
            await audit.WriteAsync(new AuditEntry("career.reserve.extended", "career-reserve-member", id, found.OrgPath,
                new { from = found.TermEnd, to = request.TermEnd, request.Reason }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await ReserveLookup.DetailAsync(db, user, id, ct))!);
    }
}
