namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>出库 — HR ends an active membership (promoted, left, no longer suitable...) with a reason.</summary>
internal static class EndReserveMembership
{
    public static async Task<Results<Ok<ReserveMemberDetailResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(Guid id,
        EndReserveMembershipRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var today = LocalDate.Today(clock);
        var endedOn = request.EndedOn ?? today;
        var validator = new Validator().Required("version", request.Version).Required("reason", request.Reason, 1000)
            .Rule(endedOn <= today.AddDays(366) && endedOn >= today.AddYears(-1), "endedOn", Text.Of("出库日期应在一年之内。", "The end date must lie within a year of today."));
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
        if (found.TermStart is { } start && endedOn < start)
        {
            return validator.Add("endedOn", Text.Of($"不能早于任期开始日期 {start:yyyy-MM-dd}。", $"Cannot precede the term start {start:yyyy-MM-dd}.")).ToProblem();
        }
        await using (var tx = await db.BeginAsync(ct))
        {
            if (await db.ExecuteAsync(ReserveWriteSql.End, new { Id = id, EndedOn = endedOn, Reason = request.Reason.Trim(), request.Version, Now = clock.GetUtcNow() }, ct) != 1)
            {
                return Problems.StaleVersion(false);
            }
            await audit.WriteAsync(new AuditEntry("career.reserve.ended", "career-reserve-member", id, found.OrgPath, new { endedOn, request.Reason }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await ReserveLookup.DetailAsync(db, user, id, ct))!);
    }
}
