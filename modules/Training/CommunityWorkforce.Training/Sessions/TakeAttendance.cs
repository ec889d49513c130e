namespace CommunityWorkforce.Training.Sessions;

/// <summary>考勤 — HR records who attended, per participant or for the whole roster at once.</summary>
internal static class TakeAttendance
{
    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, AttendanceRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var entries = request.Entries ?? [];
        var validator = new Validator()
            .Rule(entries.Count is > 0 and <= 500, "entries", Text.Of("请提供 1 到 500 条考勤。", "Give 1–500 entries."));
        for (var i = 0; i < entries.Count; i++)
        {
            validator.Required($"entries[{i}].workerId", entries[i].WorkerId).Required($"entries[{i}].attended", entries[i].Attended);
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
        if (session.Status != SessionStatus.Scheduled)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("班次已取消", "Session cancelled"),
                Text.Of("已取消的班次不能考勤。", "A cancelled session takes no attendance."));
        }
        var today = LocalDate.Today(clock);
        if (!SessionRules.HasStarted(session.SessionDate, today))
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("班次尚未开始", "Session not started"),
                Text.Of($"班次于 {session.SessionDate:yyyy-MM-dd} 开始，开始当天起才能考勤。",
                    $"The session starts on {session.SessionDate:yyyy-MM-dd}; attendance is taken from that day on."),
                new Dictionary<string, object?> { ["field"] = "sessionDate", ["sessionDate"] = session.SessionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }
        var check = new Validator();
        for (var i = 0; i < entries.Count; i++)
        {
            var holder = await db.QuerySingleOrDefaultAsync<EnrollmentKey>(EnrollmentSql.EnrolledOne, new { SessionId = id, entries[i].WorkerId }, ct);
            check.Rule(holder is not null, $"entries[{i}].workerId", Text.Of("该人员未报名此班次（或在候补中）。", "This worker holds no seat in the session."));
        }
        if (!check.IsValid)
        {
            return check.ToProblem();
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginAsync(ct);
        foreach (var entry in entries)
        {
            if (await db.ExecuteAsync(EnrollmentSql.Attend, new { SessionId = id, entry.WorkerId, entry.Attended, Now = now }, ct) == 0)
            {
                return Problems.Conflict(ProblemTypes.VersionConflict, Text.Of("报名已变化", "Enrolment changed"),
                    Text.Of("有人员已取消报名，请刷新后重试。", "A participant cancelled meanwhile; reload and retry."));
            }
        }
        await audit.WriteAsync(new AuditEntry("training.attendance.taken", "training-session", id, session.OrgPath,
            new { entries = entries.Select(e => new { e.WorkerId, e.Attended }) }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await SessionLookup.FindVisible(db, user, id, ct))!.ToResponse());
    }
}
