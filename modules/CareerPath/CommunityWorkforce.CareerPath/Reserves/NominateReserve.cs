using CommunityWorkforce.CareerPath.Levels;

namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>后备干部提名 — HR nominates a worker of their scope; a worker already nominated or in the pool → 409.</summary>
internal static class NominateReserve
{
    public static readonly IReadOnlyList<string> Stages = ["deputy", "head"];

    public static async Task<Results<Created<ReserveMemberDetailResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(NominateReserveRequest request,
        [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator().Rule(request.WorkerId != Guid.Empty, "workerId", Text.Of("必填。", "Required."))
            .OneOf("targetStage", request.TargetStage, Stages).Required("reason", request.Reason, 1000);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await CareerWorkerLookup.FindInScope(db, user, request.WorkerId, ct) is not { } worker)
        {
            return TypedResults.NotFound();
        }
        if (worker.HasLeft)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("该人员已离职。", "The worker has left."));
        }
        var id = Guid.NewGuid();
        await using (var tx = await db.BeginAsync(ct))
        {
            var inserted = await db.ExecuteAsync(ReserveWriteSql.Nominate, new
            {
                Id = id, WorkerId = worker.Id, worker.OrgUnitId, worker.OrgPath, request.TargetStage, Today = LocalDate.Today(clock), Reason = request.Reason.Trim(),
                By = user.UserName, Now = clock.GetUtcNow(),
            }, ct);
            if (inserted == 0)
            {
                return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("该人员已被提名或已在后备干部库中", "Already nominated or in the pool"),
                    Text.Of($"{worker.Name}已被提名或已在后备干部库中。", $"{worker.Name} is already nominated or in the reserve pool."));
            }
            await audit.WriteAsync(new AuditEntry("career.reserve.nominated", "career-reserve-member", id, worker.OrgPath,
                new { request.WorkerId, request.TargetStage, request.Reason }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Created($"/api/career/reserve-members/{id}", (await ReserveLookup.DetailAsync(db, user, id, ct))!);
    }
}
