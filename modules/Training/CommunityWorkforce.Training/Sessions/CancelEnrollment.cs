namespace CommunityWorkforce.Training.Sessions;

/// <summary>
/// 取消报名 — the worker (their own) or HR cancels an enrolment before the session starts. A freed seat goes to the first
/// on the waiting list in the same transaction, so a seat is never left empty while people wait; the promoted worker
/// sees it on their workbench.
/// </summary>
internal static class CancelEnrollment
{
    public static async Task<Results<Ok<CancelEnrollmentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, CancelEnrollmentRequest? request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator().Optional("reason", request?.Reason, 500);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var enrollment = await SessionLookup.FindEnrollment(db, user, id, ct);
        if (enrollment is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        if (enrollment.Status == EnrollmentStatus.Cancelled || enrollment.Attended is not null || enrollment.StartsAt <= now)
        {
            return NotCancellable(enrollment.Status);
        }
        var promoted = new List<Guid>();
        await using var tx = await db.BeginAsync(ct);
        // The session's row first, as every change of seats does, then the conditional cancel.
        await db.ExecuteAsync(SessionSql.Claim, new { Id = enrollment.SessionId, N = 0 }, ct);
        if (await db.ExecuteAsync(EnrollmentSql.Cancel, new { Id = id, Now = now }, ct) == 0)
        {
            return NotCancellable(EnrollmentStatus.Cancelled);
        }
        var state = (await db.QuerySingleOrDefaultAsync<ClaimedSession>(SessionSql.ClaimedState, new { Id = enrollment.SessionId }, ct))!;
        var waiting = await db.QueryAsync<Guid>(EnrollmentSql.NextWaiting, new { enrollment.SessionId }, ct);
        foreach (var next in waiting.Take(SessionRules.ToPromote(state.Capacity, state.Enrolled, waiting.Count)))
        {
            await db.ExecuteAsync(EnrollmentSql.Promote, new { Id = next, Now = now }, ct);
            promoted.Add(next);
        }
        await audit.WriteAsync(new AuditEntry("training.enrollment.cancelled", "training-enrollment", id, enrollment.OrgPath,
            new { enrollment.SessionId, enrollment.WorkerId, previousStatus = enrollment.Status, promoted }, request?.Reason), ct);
        await tx.CommitAsync(ct);
        var cancelled = (await SessionLookup.FindEnrollment(db, user, id, ct))!;
        // The promoted workers may lie outside a worker's own view: read them with the session's scope of the caller, else by id only.
        var moved = new List<EnrollmentResponse>();
        foreach (var p in promoted)
        {
            if (await SessionLookup.FindEnrollment(db, user, p, ct) is { } row)
            {
                moved.Add(row.ToResponse());
            }
        }
        return TypedResults.Ok(new CancelEnrollmentResponse(cancelled.ToResponse(), moved));
    }

    private static ProblemHttpResult NotCancellable(string status) => Problems.Conflict(ProblemTypes.RuleViolation,
        Text.Of("不能取消", "Cannot cancel"),
        Text.Of("报名已取消、已考勤或班次已开始，不能取消。", "The enrolment is already cancelled, attendance is taken, or the session has started."),
        new Dictionary<string, object?> { ["currentStatus"] = status });
}
