namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>定期考察 — HR records a periodic review of an active member (outcome, note) and sets the next review date.</summary>
internal static class RecordReserveReview
{
    public static async Task<Results<Ok<ReserveMemberDetailResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(Guid id,
        RecordReserveReviewRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var today = LocalDate.Today(clock);
        var reviewedOn = request.ReviewedOn ?? today;
        var validator = new Validator().Required("version", request.Version).OneOf("outcome", request.Outcome, ReserveReviewOutcomes.All)
            .Required("outcome", request.Outcome, 40).Optional("note", request.Note, 1000).Required("nextReviewOn", request.NextReviewOn)
            .Rule(reviewedOn <= today && reviewedOn >= today.AddYears(-1), "reviewedOn", Text.Of("考察日期应在过去一年之内。", "The review date must lie within the past year."))
            .Rule(request.NextReviewOn is null || request.NextReviewOn > today, "nextReviewOn",
                Text.Of("下次考察日期应在今天之后。", "The next review must fall after today."));
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
        var reviewId = Guid.NewGuid();
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        await using (var tx = await db.BeginAsync(ct))
        {
            var args = new
            {
                Id = id, ReviewId = reviewId, ReviewedOn = reviewedOn, request.Outcome, Note = note, request.NextReviewOn, request.Version,
                By = user.UserName, Now = clock.GetUtcNow(),
            };
            if (await db.ExecuteAsync(ReserveWriteSql.SetReviewOn, args, ct) != 1)
            {
                return Problems.StaleVersion(false);
            }
            await db.ExecuteAsync(ReserveWriteSql.InsertReview, args, ct);
            await audit.WriteAsync(new AuditEntry("career.reserve.reviewed", "career-reserve-member", id, found.OrgPath,
                new { reviewedOn, request.Outcome, note, request.NextReviewOn }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await ReserveLookup.DetailAsync(db, user, id, ct))!);
    }
}
