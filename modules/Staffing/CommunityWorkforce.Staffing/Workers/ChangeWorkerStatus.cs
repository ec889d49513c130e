using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>在岗 / 休假 / 离职 — a worker's status; leaving ends their postings in the same transaction.</summary>
internal static class ChangeWorkerStatus
{
    /// <summary>On leave, back to active, or left (which ends every active posting on that date).</summary>
    public static async Task<Results<Ok<WorkerResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, ChangeWorkerStatusRequest request, HttpContext http, [AsParameters] WriteContext write, RosterIndex index, IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("status", request.Status, 20).OneOf("status", request.Status, WorkerRules.Statuses)
            .Required("effectiveOn", request.EffectiveOn)
            .Rule(request.Status != WorkerRules.Left || !string.IsNullOrWhiteSpace(request.Reason), "reason",
                Text.Of("离职须填写原因。", "A reason is required when a worker leaves."))
            .Optional("reason", request.Reason, 500)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await WorkerLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        if (row.Status == WorkerRules.Left)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("已离职", "Already left"),
                Text.Of("已离职人员不能再变更状态，请重新录用。", "A worker who left cannot change status; hire again instead."));
        }
        var leaving = request.Status == WorkerRules.Left;
        var latestStart = await db.QuerySingleOrDefaultAsync<DateOnly?>(Postings.PostingSql.LatestActiveStart, new { WorkerId = id }, ct);
        if (request.EffectiveOn < row.HireDate || (leaving && latestStart is { } started && request.EffectiveOn < started))
        {
            return new Validator().Add("effectiveOn", Text.Of("生效日期不能早于入职日期或现任职的开始日期。",
                "The effective date cannot precede the hire date or the start of a current posting.")).ToProblem();
        }
        var now = clock.GetUtcNow();
        if (await db.ExecuteAsync(WorkerSql.SetStatus, new
            {
                Id = id, request.Status, LeftOn = leaving ? request.EffectiveOn : null,
                LeftReason = leaving ? request.Reason!.Trim() : null, Version = expected.Value, Now = now,
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await index.SetStatusAsync(id, request.Status!, ct);
        if (leaving)
        {
            await db.ExecuteAsync(Postings.PostingSql.EndAllForWorker, new { WorkerId = id, EndedOn = request.EffectiveOn, EndReason = "left", Now = now }, ct);
            await index.RefreshPostTypesAsync(id, ct);
            await db.ExecuteAsync(Rotations.RotationSql.WithdrawOpenForWorker, new { WorkerId = id, Now = now }, ct);
        }
        await audit.WriteAsync(new AuditEntry("staffing.worker.status-changed", "worker", id, row.OrgPath,
            new { from = row.Status, to = request.Status, request.EffectiveOn }, request.Reason), ct);
        await tx.CommitAsync(ct);
        var updated = await WorkerLookup.FindInScope(db, user, id, ct);
        ExpectedVersion.SetETag(http, updated!.Version);
        return TypedResults.Ok(mapper.Map<WorkerResponse>(updated));
    }
}
