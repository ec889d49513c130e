namespace CommunityWorkforce.Training.Sessions;

/// <summary>培训评价 — an attendee rates the session 1–5 with an optional comment.</summary>
internal static class GiveFeedback
{
    public static async Task<Results<Ok<EnrollmentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, FeedbackRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator().Required("rating", request.Rating).Range("rating", request.Rating, 1, 5)
            .Optional("comment", request.Comment, 1000);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var enrollment = await SessionLookup.FindEnrollment(db, user, id, ct);
        if (enrollment is null)
        {
            return TypedResults.NotFound();
        }
        if (user.OnlyWorkerId != enrollment.WorkerId)
        {
            return Problems.Forbidden(Text.Of("只有参训人员本人可以评价。", "Only the attendee rates a session."));
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(EnrollmentSql.Feedback, new { Id = id, request.Rating, Comment = request.Comment?.Trim(), Now = clock.GetUtcNow() }, ct) == 0)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("未出勤不能评价", "Not attended"),
                Text.Of("出勤后才能评价。", "Only attendees rate a session."));
        }
        await audit.WriteAsync(new AuditEntry("training.feedback.given", "training-enrollment", id, enrollment.OrgPath,
            new { request.Rating }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await SessionLookup.FindEnrollment(db, user, id, ct))!.ToResponse());
    }
}
