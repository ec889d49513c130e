using CommunityWorkforce.Training.Courses;

namespace CommunityWorkforce.Training.Sessions;

/// <summary>结业 — HR credits hours (default the course's) and an optional score to participants who attended.</summary>
internal static class CompleteTraining
{
    public const string NotAttended = "urn:cw:problem:not-attended";

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, CompletionRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var entries = request.Entries ?? [];
        var validator = new Validator()
            .Rule(entries.Count is > 0 and <= 500, "entries", Text.Of("请提供 1 到 500 条。", "Give 1–500 entries."));
        for (var i = 0; i < entries.Count; i++)
        {
            validator.Required($"entries[{i}].workerId", entries[i].WorkerId).Range($"entries[{i}].score", entries[i].Score, 0, 100);
        }
        if (entries.Select(e => e.WorkerId).Distinct().Count() != entries.Count)
        {
            validator.Add("entries", Text.Of("同一人员出现多次。", "A worker is listed twice."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var session = await SessionLookup.FindVisible(db, user, id, ct);
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        var check = new Validator();
        var notAttended = new List<Guid>();
        for (var i = 0; i < entries.Count; i++)
        {
            var hours = entries[i].Hours ?? session.Hours;
            check.Rule(SessionRules.HoursAllowed(hours, session.Hours), $"entries[{i}].hours",
                Text.Of($"学时应在 0.5 到 {session.Hours:0.#} 之间。", $"Hours must be 0.5–{session.Hours:0.#}."));
            var holder = await db.QuerySingleOrDefaultAsync<EnrollmentKey>(EnrollmentSql.EnrolledOne, new { SessionId = id, entries[i].WorkerId }, ct);
            if (holder is null)
            {
                check.Add($"entries[{i}].workerId", Text.Of("该人员未报名此班次（或在候补中）。", "This worker holds no seat in the session."));
            }
            else if (holder.Attended != true)
            {
                notAttended.Add(entries[i].WorkerId!.Value);
            }
        }
        if (!check.IsValid)
        {
            return check.ToProblem();
        }
        if (notAttended.Count > 0)
        {
            return Refused(notAttended);
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginAsync(ct);
        foreach (var entry in entries)
        {
            var changed = await db.ExecuteAsync(EnrollmentSql.Complete, new
            {
                SessionId = id, entry.WorkerId, Hours = entry.Hours ?? session.Hours, entry.Score, CompletedOn = session.SessionDate,
                ValidUntil = CourseRules.ValidUntil(session.SessionDate, session.RecurrenceMonths), Now = now,
            }, ct);
            if (changed == 0)
            {
                return Refused([entry.WorkerId!.Value]);
            }
        }
        await audit.WriteAsync(new AuditEntry("training.completion.recorded", "training-session", id, session.OrgPath,
            new { entries = entries.Select(e => new { e.WorkerId, hours = e.Hours ?? session.Hours, e.Score }) }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await SessionLookup.FindVisible(db, user, id, ct))!.ToResponse());
    }

    private static ProblemHttpResult Refused(IReadOnlyList<Guid> workers) => Problems.Conflict(NotAttended,
        Text.Of("未出勤不能计学时", "Not attended"),
        Text.Of("未记录出勤的人员不能计入学时，请先考勤。", "Hours are credited only to participants recorded as attended."),
        new Dictionary<string, object?> { ["workerIds"] = workers });
}
