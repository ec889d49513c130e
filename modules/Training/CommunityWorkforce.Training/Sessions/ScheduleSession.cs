using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Training.Courses;

namespace CommunityWorkforce.Training.Sessions;

/// <summary>排班 — HR schedules a dated session of a course for their unit (its subtree may attend).</summary>
internal static class ScheduleSession
{
    public static async Task<Results<Created<SessionResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        ScheduleSessionRequest request, [AsParameters] WriteContext write, IOrgUnitDirectory units, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator()
            .Required("courseId", request.CourseId)
            .Required("startsAt", request.StartsAt)
            .Required("endsAt", request.EndsAt)
            .Required("place", request.Place, 200)
            .Required("trainer", request.Trainer, 100)
            .Required("capacity", request.Capacity).Range("capacity", request.Capacity, 1, 500)
            .Required("enrolDeadline", request.EnrolDeadline);
        if (validator.IsValid)
        {
            var startsAt = request.StartsAt!.Value;
            var sessionDate = SessionRules.LocalDay(startsAt);
            validator
                .Rule(request.EndsAt > startsAt, "endsAt", Text.Of("结束时间须晚于开始时间。", "The end must follow the start."))
                .Rule(request.EndsAt!.Value - startsAt <= TimeSpan.FromDays(31), "endsAt", Text.Of("一个班次最长 31 天。", "A session lasts at most 31 days."))
                .Rule(request.EnrolDeadline <= sessionDate, "enrolDeadline", Text.Of("报名截止日期不能晚于开班日期。", "The enrolment deadline must be on or before the session's day."))
                .Rule(sessionDate >= LocalDate.Today(clock).AddYears(-5) && sessionDate <= LocalDate.Today(clock).AddYears(2), "startsAt",
                    Text.Of("开班日期应在五年前到两年后之间。", "The session must lie between five years ago and two years ahead."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var course = await CourseLookup.FindVisible(db, user, request.CourseId!.Value, ct);
        var unitId = request.OrgUnitId ?? user.OrgUnitId;
        var unit = unitId is null ? null : await units.FindAsync(unitId.Value, ct);
        if (course is null || unit is null || !user.CanSee(unit.Path))
        {
            return unitId is null && course is not null
                ? new Validator().Add("orgUnitId", Text.Of("必填。", "Required.")).ToProblem()
                : TypedResults.NotFound();
        }
        if (course.Status != "active")
        {
            return new Validator().Add("courseId", Text.Of("课程已停用。", "The course is retired.")).ToProblem();
        }
        var id = Guid.NewGuid();
        var starts = request.StartsAt!.Value.ToUniversalTime();
        await using var tx = await db.BeginAsync(ct);
        await db.ExecuteAsync(SessionSql.Insert, new
        {
            Id = id, CourseId = course.Id, OrgUnitId = unit.Id, OrgPath = unit.Path, SessionDate = SessionRules.LocalDay(starts),
            StartsAt = starts, EndsAt = request.EndsAt!.Value.ToUniversalTime(), Place = request.Place!.Trim(), Trainer = request.Trainer!.Trim(),
            request.Capacity, request.EnrolDeadline, Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("training.session.scheduled", "training-session", id, unit.Path,
            new { courseId = course.Id, startsAt = starts, request.Capacity, request.EnrolDeadline, request.Place }), ct);
        await tx.CommitAsync(ct);
        var row = (await SessionLookup.FindVisible(db, user, id, ct))!;
        return TypedResults.Created($"/api/training/sessions/{id}", row.ToResponse());
    }
}
