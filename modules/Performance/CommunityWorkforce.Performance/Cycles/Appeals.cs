using System.Text.Json;
using CommunityWorkforce.Performance.Scoring;
using CommunityWorkforce.Performance.Settings;
using CommunityWorkforce.Performance.Templates;

namespace CommunityWorkforce.Performance.Cycles;

/// <summary>
/// 申诉 — a worker appeals their published result within the window (working days after publication); HR resolves it
/// with a reason: upheld → rescored from the corrected assessments (and regraded, under the same quota), or rejected.
/// </summary>
internal static class Appeals
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Ok<ParticipantResponse>, ValidationProblem, NotFound, ProblemHttpResult>> File(
        Guid id, AppealRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var row = await ParticipantEndpoints.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (user.WorkerId != row.WorkerId)
        {
            return Problems.Forbidden(Text.Of("只有本人可以对考核结果提出申诉。", "Only the worker may appeal their own result."));
        }
        var today = LocalDate.Today(clock);
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(CycleSql.FileAppeal, new { Id = id, row.CycleId, Reason = request.Reason.Trim(), Today = today, Now = clock.GetUtcNow() }, ct) == 0)
        {
            var current = (await db.QuerySingleOrDefaultAsync<ParticipantRow>(CycleSql.ParticipantById, new { Id = id }, ct))!;
            return current.AppealStatus is not null
                ? Problems.Conflict(ProblemTypes.Duplicate, Text.Of("已提出申诉", "Already appealed"),
                    Text.Of("本次考核结果已提出过申诉。", "This result has already been appealed."))
                : Problems.Conflict(CycleEndpoints.AppealClosed, Text.Of("申诉期已过", "The appeal window has closed"),
                    Text.Of($"申诉截止日为 {current.AppealDeadline:yyyy-MM-dd}，已不能申诉。", $"Appeals closed on {current.AppealDeadline:yyyy-MM-dd}."),
                    new Dictionary<string, object?> { ["appealDeadline"] = current.AppealDeadline, ["cycleStatus"] = current.CycleStatus });
        }
        await audit.WriteAsync(new AuditEntry("performance.appeal.filed", "appraisal", id, row.OrgPath, null, request.Reason), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await ParticipantEndpoints.ReadBack(db, id, ct));
    }

    public static async Task<Results<Ok<ParticipantResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Resolve(
        Guid id, ResolveAppealRequest request, HttpContext http, [AsParameters] WriteContext write, PerformanceSettingsStore settings,
        CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Version(expected).OneOf("outcome", request.Outcome, AppealOutcomes.All).OneOf("grade", request.Grade, Grades.All);
        validator.Rule(request.StreetScore is null or (>= 0 and <= 100), "streetScore", Text.Of("应在 0 到 100 之间。", "Must be between 0 and 100."));
        validator.Rule(request.PeerScore is null or (>= 0 and <= 100), "peerScore", Text.Of("应在 0 到 100 之间。", "Must be between 0 and 100."));
        validator.Rule(request.Outcome == AppealOutcomes.Upheld || (request.StreetScore is null && request.PeerScore is null && request.Grade is null),
            "outcome", Text.Of("驳回申诉时不能修改分数或等次。", "A rejected appeal changes no score or grade."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await ParticipantEndpoints.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.AppealStatus != "filed")
        {
            return Problems.Conflict(CycleEndpoints.InvalidTransition, Text.Of("没有待处理的申诉", "No appeal to resolve"),
                Text.Of("该考核结果没有待处理的申诉。", "This result has no pending appeal."));
        }
        var street = request.StreetScore ?? (decimal?)row.StreetScore;
        var peer = request.PeerScore ?? (decimal?)row.PeerScore;
        var score = (decimal?)row.Score;
        var explanation = row.Explanation;
        var grade = row.Grade;
        if (request.Outcome == AppealOutcomes.Upheld)
        {
            var template = (await db.QuerySingleOrDefaultAsync<TemplateRow>(TemplateSql.ById, new { Id = row.TemplateId }, ct))!;
            var stat = await db.QuerySingleOrDefaultAsync<CycleEngine.RatingStat>(CycleSql.RatingStatsOfWorker,
                new { row.WorkerId, Start = row.PeriodStart, End = row.PeriodEnd }, ct);
            var result = CompositeScore.Compute(new ScoreInputs(TemplateLookup.Indicators(template.Indicators), template.DepartmentShare,
                street, peer, CycleEngine.Kpis(row.KpiActuals), stat?.N ?? 0, stat is null ? null : (decimal)stat.Average,
                (await settings.GetAsync(ct)).MinRatings, (decimal?)row.DepartmentScore));
            score = result.Score;
            explanation = JsonSerializer.Serialize(result.Parts, Json);
            grade = request.Grade ?? grade;
        }
        await using var tx = await db.BeginAsync(ct);
        if (grade == Grades.Excellent && row.Grade != Grades.Excellent)
        {
            var quota = GradeProposal.Quota(await db.ExecuteScalarAsync<int>(CycleSql.ParticipantsInUnit, new { row.CycleId, row.OrgUnitId }, ct),
                row.ExcellentQuotaPercent);
            var excellent = await db.ExecuteScalarAsync<int>(CycleSql.ExcellentInUnit, new { row.CycleId, row.OrgUnitId, Id = id }, ct);
            if (excellent >= quota)
            {
                return Problems.Conflict(CycleEndpoints.OverQuota, Text.Of("优秀名额已满", "The 优秀 quota is full"),
                    Text.Of($"本单位优秀名额 {quota} 人，已有 {excellent} 人。", $"The unit's 优秀 quota is {quota}; {excellent} already hold it."),
                    new Dictionary<string, object?> { ["quota"] = quota, ["excellent"] = excellent });
            }
        }
        if (await db.ExecuteAsync(CycleSql.ResolveAppeal, new
            {
                Id = id, request.Outcome, Reason = request.Reason.Trim(), StreetScore = (double?)street, PeerScore = (double?)peer,
                Score = (double?)score, Explanation = explanation, Grade = grade,
                GradeReason = grade != row.Grade ? "申诉成立：" + request.Reason.Trim() : row.GradeReason,
                Version = expected.Value, Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("performance.appeal." + request.Outcome, "appraisal", id, row.OrgPath,
            new { before = new { row.Score, row.Grade }, after = new { score, grade } }, request.Reason), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await ParticipantEndpoints.ReadBack(db, id, ct));
    }

    /// <summary>Appeals in scope, by status (<c>filed</c> waits for HR).</summary>
    public static async Task<Results<Ok<PagedResult<ParticipantResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, string? status, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        validator.OneOf("status", status, ["filed", .. AppealOutcomes.All]);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { Scope = user.ScopePattern, Status = status, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(CycleSql.CountAppeals, args, ct);
        var rows = await db.QueryAsync<ParticipantRow>(CycleSql.ListAppeals, args, ct);
        return TypedResults.Ok(new PagedResult<ParticipantResponse>(rows.Select(CycleEngine.ToResponse).ToList(), total, page.PageNumber, page.Size));
    }
}
