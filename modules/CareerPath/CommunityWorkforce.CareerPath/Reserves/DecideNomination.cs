namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>
/// 提名审核 — HR or the street leader accepts a nomination (membership with a term of the configured years and a first
/// review date) or rejects it with a reason. Of two decisions on the same version, one wins.
/// </summary>
internal static class DecideNomination
{
    public static async Task<Results<Ok<ReserveMemberDetailResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(Guid id,
        DecideNominationRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var today = LocalDate.Today(clock);
        var termStart = request.TermStart ?? today;
        var validator = new Validator().Required("version", request.Version).Optional("note", request.Note, 1000)
            .Rule(request.Accept || !string.IsNullOrWhiteSpace(request.Note), "note", Text.Of("不予入库时请说明理由。", "Give the reason for rejecting."))
            .Rule(termStart >= today.AddYears(-1) && termStart <= today.AddYears(1), "termStart",
                Text.Of("任期开始日期应在一年之内。", "The term must start within a year of today."));
        if (request.ReviewOn is { } reviewOn)
        {
            validator.Rule(reviewOn > termStart && reviewOn <= termStart.AddYears(2), "reviewOn",
                Text.Of("考察日期应在任期开始后两年之内。", "The review date must fall within two years after the term starts."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await ReserveLookup.FindAsync(db, user, id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }
        if (found.Status != ReserveStatus.Nominated)
        {
            return ReserveLookup.InvalidTransition(found.Status);
        }
        var (termYears, reviewMonths) = await ReserveLookup.SettingsAsync(db, ct);
        var termEnd = termStart.AddYears(termYears).AddDays(-1);
        var review = request.ReviewOn ?? termStart.AddMonths(reviewMonths);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        await using (var tx = await db.BeginAsync(ct))
        {
            var changed = await db.ExecuteAsync(request.Accept ? ReserveWriteSql.Accept : ReserveWriteSql.Reject, new
            {
                Id = id, TermStart = termStart, TermEnd = termEnd, ReviewOn = review, Note = note, request.Version, By = user.UserName, Now = clock.GetUtcNow(),
            }, ct);
            if (changed != 1)
            {
                return Problems.StaleVersion(false);
            }
            await audit.WriteAsync(new AuditEntry(request.Accept ? "career.reserve.accepted" : "career.reserve.rejected", "career-reserve-member", id, found.OrgPath,
                request.Accept ? new { termStart, termEnd, reviewOn = review, note } : new { note }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await ReserveLookup.DetailAsync(db, user, id, ct))!);
    }
}
