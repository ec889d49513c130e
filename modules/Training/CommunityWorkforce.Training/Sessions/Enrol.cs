using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Training.Workers;

namespace CommunityWorkforce.Training.Sessions;

/// <summary>
/// 报名 — HR enrols individuals or a whole filtered group in one action; a worker enrols themself in an open course.
/// Seats go in arrival order; when the session is full the rest join the waiting list (候补). The seat count is taken
/// under the session's row lock inside the transaction, so concurrent enrolments can never over-book.
/// </summary>
internal static class Enrol
{
    public const string EnrolmentClosed = "urn:cw:problem:enrolment-closed";

    private const int MaxGroup = 500;

    public static async Task<Results<Ok<EnrolResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, EnrolRequest request, [AsParameters] WriteContext write, IOrgUnitDirectory units, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var ids = request.WorkerIds ?? [];
        var validator = new Validator()
            .OneOf("groupPostType", request.GroupPostType, PostTypes.All)
            .Rule(ids.Count <= MaxGroup, "workerIds", Text.Of($"一次最多 {MaxGroup} 人。", $"At most {MaxGroup} workers at once."))
            .Rule(request.GroupPostType is null || request.GroupOrgUnitId is not null, "groupOrgUnitId",
                Text.Of("按岗位类型报名须同时选择单位。", "A post-type filter needs a unit."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        // Out of scope is 404 before any rule about the body.
        var session = await SessionLookup.FindVisible(db, user, id, ct);
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        if (user.OnlyWorkerId is { } self)
        {
            validator
                .Rule(ids.All(w => w == self), "workerIds", Text.Of("只能为本人报名。", "You can enrol only yourself."))
                .Rule(request.GroupOrgUnitId is null, "groupOrgUnitId", Text.Of("只能为本人报名。", "You can enrol only yourself."));
            ids = [self];
        }
        else
        {
            validator.Rule(ids.Count > 0 || request.GroupOrgUnitId is not null, "workerIds",
                Text.Of("请选择人员或单位。", "Choose workers or a unit."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var workers = await TrainingWorkerLookup.FindManyInScope(db, user, ids, ct);
        if (workers is null)
        {
            return TypedResults.NotFound();
        }
        if (request.GroupOrgUnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, ct);
            if (unit is null || !user.CanSee(unit.Path))
            {
                return TypedResults.NotFound();
            }
            var group = await TrainingWorkerLookup.Group(db, user, unit.Path, request.GroupPostType, ct);
            workers = [.. workers, .. group.Where(g => workers.All(w => w.Id != g.Id))];
            if (workers.Count > MaxGroup)
            {
                return new Validator().Add("groupOrgUnitId", Text.Of($"一次最多 {MaxGroup} 人，请缩小范围。", $"At most {MaxGroup} workers at once; narrow the group.")).ToProblem();
            }
        }
        if (user.OnlyWorkerId is not null && !session.OpenEnrolment)
        {
            return Problems.Forbidden(Text.Of("该课程由人事统一安排，不能自行报名。", "This course is assigned by HR; workers cannot enrol themselves."));
        }
        if (session.Status != SessionStatus.Scheduled || !SessionRules.EnrolmentOpen(session.EnrolDeadline, LocalDate.Today(clock)))
        {
            return Closed(session);
        }
        var outcomes = new List<EnrolOutcome>();
        var newcomers = new List<TrainingWorker>();
        foreach (var worker in workers)
        {
            if (worker.HasLeft)
            {
                outcomes.Add(new EnrolOutcome { WorkerId = worker.Id, WorkerName = worker.Name, Outcome = "refused" });
            }
            else
            {
                newcomers.Add(worker);
            }
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(SessionSql.Claim, new { Id = session.Id, N = newcomers.Count }, ct) == 0)
        {
            return Closed(session);
        }
        var state = (await db.QuerySingleOrDefaultAsync<ClaimedSession>(SessionSql.ClaimedState, new { Id = session.Id }, ct))!;
        var enrolled = state.Enrolled;
        var queueNo = state.NextQueueNo - newcomers.Count;
        var now = clock.GetUtcNow();
        var written = new List<(TrainingWorker Worker, Guid EnrollmentId, string Status)>();
        foreach (var worker in newcomers)
        {
            var existing = await db.QuerySingleOrDefaultAsync<EnrollmentKey>(EnrollmentSql.OfWorkers, new { SessionId = session.Id, WorkerId = worker.Id }, ct);
            if (existing is not null && existing.Status != EnrollmentStatus.Cancelled)
            {
                outcomes.Add(new EnrolOutcome { WorkerId = worker.Id, WorkerName = worker.Name, Outcome = "already", EnrollmentId = existing.Id });
                continue;
            }
            queueNo++;
            var status = SessionRules.Seats(state.Capacity, enrolled, 1)[0] ? EnrollmentStatus.Enrolled : EnrollmentStatus.Waiting;
            if (status == EnrollmentStatus.Enrolled)
            {
                enrolled++;
            }
            var enrollmentId = existing?.Id ?? Guid.NewGuid();
            var args = new { Id = enrollmentId, SessionId = session.Id, WorkerId = worker.Id, Status = status, QueueNo = queueNo, EnrolledBy = user.Role, Now = now };
            await db.ExecuteAsync(existing is null ? EnrollmentSql.Insert : EnrollmentSql.Reenrol, args, ct);
            written.Add((worker, enrollmentId, status));
        }
        if (written.Count > 0)
        {
            await audit.WriteAsync(new AuditEntry("training.enrollment.created", "training-session", session.Id, session.OrgPath,
                new { enrolments = written.Select(w => new { workerId = w.Worker.Id, enrollmentId = w.EnrollmentId, status = w.Status }) }), ct);
        }
        await tx.CommitAsync(ct);
        foreach (var (worker, enrollmentId, status) in written)
        {
            var row = await SessionLookup.FindEnrollment(db, user, enrollmentId, ct);
            outcomes.Add(new EnrolOutcome
            {
                WorkerId = worker.Id, WorkerName = worker.Name, Outcome = status, EnrollmentId = enrollmentId,
                WaitingPosition = status == EnrollmentStatus.Waiting ? row?.WaitingPosition : null,
            });
        }
        return TypedResults.Ok(new EnrolResponse(outcomes, outcomes.Count(o => o.Outcome == EnrollmentStatus.Enrolled),
            outcomes.Count(o => o.Outcome == EnrollmentStatus.Waiting)));
    }

    private static ProblemHttpResult Closed(SessionRow session) => Problems.Conflict(EnrolmentClosed,
        Text.Of("报名已截止", "Enrolment closed"),
        Text.Of($"该班次报名已于 {session.EnrolDeadline:yyyy-MM-dd} 截止或班次已取消。",
            $"Enrolment closed on {session.EnrolDeadline:yyyy-MM-dd} or the session was cancelled."),
        new Dictionary<string, object?> { ["enrolDeadline"] = session.EnrolDeadline.ToString("yyyy-MM-dd") });
}
