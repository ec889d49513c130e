using CommunityWorkforce.Performance.Scoring;

namespace CommunityWorkforce.Performance.Cycles;

/// <summary>
/// 校准 — the leader sets a worker's grade while the cycle is calibrating. A change from the proposal needs a reason; 优秀
/// is granted only while the unit is under its quota, checked in the writing statement so that concurrent calibrations
/// can never exceed it; a stale version (another leader got there first) is 409.
/// </summary>
internal static class CalibrateGrade
{
    public static async Task<Results<Ok<ParticipantResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, GradeRequest request, HttpContext http, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Version(expected).OneOf("grade", request.Grade, Grades.All).Optional("reason", request.Reason, 500);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await ParticipantEndpoints.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.CycleStatus != CycleStatus.Calibrating)
        {
            return CycleEndpoints.NotAllowed(row.CycleStatus, "校准");
        }
        if (request.Grade != row.ProposedGrade && string.IsNullOrWhiteSpace(request.Reason))
        {
            return new Validator().Add("reason", Text.Of("调整系统建议等次必须填写理由。", "A reason is required to change the proposed grade.")).ToProblem();
        }
        var quota = GradeProposal.Quota(await db.ExecuteScalarAsync<int>(CycleSql.ParticipantsInUnit, new { row.CycleId, row.OrgUnitId }, ct),
            row.ExcellentQuotaPercent);
        await using var tx = await db.BeginAsync(ct);
        var written = await db.ExecuteAsync(CycleSql.Calibrate, new
        {
            Id = id, row.CycleId, row.OrgUnitId, request.Grade, Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            Version = expected.Value, CycleStatus = CycleStatus.Calibrating, Quota = quota, Now = clock.GetUtcNow(),
        }, ct);
        if (written == 0)
        {
            var current = await db.QuerySingleOrDefaultAsync<ParticipantRow>(CycleSql.ParticipantById, new { Id = id }, ct);
            if (current is null || current.Version != expected.Value)
            {
                return Problems.StaleVersion(expected.FromIfMatch);
            }
            if (current.CycleStatus != CycleStatus.Calibrating)
            {
                return CycleEndpoints.NotAllowed(current.CycleStatus, "校准");
            }
            var excellent = await db.ExecuteScalarAsync<int>(CycleSql.ExcellentInUnit, new { row.CycleId, row.OrgUnitId, Id = id }, ct);
            return Problems.Conflict(CycleEndpoints.OverQuota, Text.Of("优秀名额已满", "The 优秀 quota is full"),
                Text.Of($"本单位优秀名额 {quota} 人，已有 {excellent} 人。", $"The unit's 优秀 quota is {quota}; {excellent} already hold it."),
                new Dictionary<string, object?> { ["quota"] = quota, ["excellent"] = excellent, ["orgUnitId"] = row.OrgUnitId });
        }
        await audit.WriteAsync(new AuditEntry("performance.grade.calibrated", "appraisal", id, row.OrgPath,
            new { before = row.Grade, after = request.Grade, proposed = row.ProposedGrade }, request.Reason), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await ParticipantEndpoints.ReadBack(db, id, ct));
    }
}
