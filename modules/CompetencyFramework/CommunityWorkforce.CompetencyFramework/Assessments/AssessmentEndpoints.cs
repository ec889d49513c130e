using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.CompetencyFramework.Frameworks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CompetencyFramework.Assessments;

/// <summary>
/// 测评 — the worker's self-assessment (only the worker themself), the supervisor's assessment (hr or leader in scope),
/// finalisation (locks; sets the final levels and the worker's current levels, gaps and fit). The list with
/// <c>workerId</c> is a worker's history.
/// </summary>
internal static class AssessmentEndpoints
{
    public const string LockedProblem = "urn:cw:problem:assessment-finalised";

    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["staffNo"] = "ws.staff_no",
        ["deadline"] = "c.deadline",
        ["status"] = "a.status",
        ["fitScore"] = "a.fit_score",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/competency/assessments").WithTags("Competency assessments");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListCompetencyAssessments");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetCompetencyAssessment");
        group.MapPut("/{id:guid}/self", SubmitSelf).RequireAuthorization(Policies.AnyRole).WithName("SubmitSelfAssessment")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPut("/{id:guid}/supervisor", SubmitSupervisor).RequireAuthorization(Policies.Staff).WithName("SubmitSupervisorAssessment")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/finalise", Finalise).RequireAuthorization(Policies.Staff).WithName("FinaliseCompetencyAssessment")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static Task<AssessmentRow?> FindAsync(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<AssessmentRow>(AssessmentSql.Get, new { Id = id, Scope = user.ScopePattern, user.OnlyWorkerId }, ct);

    private static async Task<AssessmentResponse> ResponseAsync(DbSession db, CurrentUser user, AssessmentRow row, CancellationToken ct)
    {
        var scores = await db.QueryAsync<ScoreRow>(AssessmentSql.Scores, new { row.Id }, ct);
        var levels = (await db.QueryAsync<LevelRow>(FrameworkSql.Levels, new { Id = row.FrameworkId }, ct)).ToLookup(l => l.CompetencyId);
        // A worker sees the supervisor's view of them once the result is final, not while it is being made.
        var hideSupervisor = user.OnlyWorkerId is not null && row.Status != "finalised";
        return new AssessmentResponse
        {
            Assessment = row.ToSummary(), SupervisorWeight = row.SupervisorWeight,
            Scores = scores.Select(s => new AssessmentScore
            {
                CompetencyId = s.CompetencyId, Code = s.Code, NameZh = s.NameZh, NameEn = s.NameEn, DimensionNameZh = s.DimensionNameZh,
                DimensionNameEn = s.DimensionNameEn, RequiredLevel = s.RequiredLevel, SelfLevel = s.SelfLevel, SelfEvidence = s.SelfEvidence,
                SupervisorLevel = hideSupervisor ? null : s.SupervisorLevel, SupervisorEvidence = hideSupervisor ? null : s.SupervisorEvidence,
                FinalLevel = s.FinalLevel,
                Levels = levels[s.CompetencyId].Select(l => new LevelResponse { Level = l.Level, IndicatorZh = l.IndicatorZh, IndicatorEn = l.IndicatorEn }).ToList(),
            }).ToList(),
        };
    }

    private static async Task<Results<Ok<PagedResult<AssessmentSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] AssessmentListQuery filter, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("status", filter.Status, ["open", "finalised"]).OneOf("waiting", filter.Waiting, ["self", "supervisor"]);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = AssessmentSql.ListArgs(user, filter, page);
        var (countSql, listSql) = AssessmentSql.For(user, filter);
        var total = await db.ExecuteScalarAsync<int>(countSql, args, ct);
        var rows = await db.QueryAsync<AssessmentRow>(PagedSql.WithOrderBy(listSql, page.OrderBy(Sortable, "staffNo", "a.id")), args, ct);
        return TypedResults.Ok(new PagedResult<AssessmentSummary>(rows.Select(r => r.ToSummary()).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<AssessmentResponse>, NotFound>> Get(
        Guid id, HttpContext http, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var row = await FindAsync(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(await ResponseAsync(db, user, row, ct));
    }

    private static Task<Results<Ok<AssessmentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SubmitSelf(
        Guid id, SubmitScoresRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock,
        CancellationToken ct) => Submit(id, request, self: true, http, db, user, audit, clock, ct);

    private static Task<Results<Ok<AssessmentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SubmitSupervisor(
        Guid id, SubmitScoresRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock,
        CancellationToken ct) => Submit(id, request, self: false, http, db, user, audit, clock, ct);

    private static async Task<Results<Ok<AssessmentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Submit(
        Guid id, SubmitScoresRequest request, bool self, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit,
        TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var row = await FindAsync(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (self && row.WorkerId != user.OnlyWorkerId)
        {
            return Problems.Forbidden(Text.Of("自评只能由本人填写。", "Only the worker themself fills in the self-assessment."));
        }
        if (row.Status == "finalised")
        {
            return Locked();
        }
        var competencies = (await db.QueryAsync<ScoreRow>(AssessmentSql.Scores, new { row.Id }, ct)).Select(s => s.CompetencyId).ToHashSet();
        var validator = new Validator().Version(expected);
        var scores = request.Scores ?? [];
        var seen = new HashSet<Guid>();
        for (var i = 0; i < scores.Count; i++)
        {
            var at = $"scores[{i}]";
            if (scores[i] is null)
            {
                validator.Add(at, Text.Of("必填。", "Required."));
                continue;
            }
            validator.Required($"{at}.competencyId", scores[i].CompetencyId)
                .Required($"{at}.level", scores[i].Level).Range($"{at}.level", scores[i].Level, FrameworkRules.MinLevel, FrameworkRules.MaxLevel)
                .Optional($"{at}.evidence", scores[i].Evidence, 1000);
            if (scores[i].CompetencyId is { } competencyId && (!competencies.Contains(competencyId) || !seen.Add(competencyId)))
            {
                validator.Add($"{at}.competencyId", Text.Of("不是本次测评的能力项，或重复。", "Not a competency of this assessment, or repeated."));
            }
        }
        if (validator.IsValid && seen.Count != competencies.Count)
        {
            validator.Add("scores", Text.Of($"须为全部 {competencies.Count} 项能力评定等级，当前 {seen.Count} 项。",
                $"Rate all {competencies.Count} competencies; {seen.Count} are rated."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = self
            ? await db.ExecuteAsync(AssessmentSql.MarkSelf, new { Id = id, Version = expected.Value, Now = now }, ct)
            : await db.ExecuteAsync(AssessmentSql.MarkSupervisor, new { Id = id, Version = expected.Value, Now = now, SupervisorName = user.UserName }, ct);
        if (claimed == 0)
        {
            var current = await FindAsync(db, user, id, ct);
            return current?.Status == "finalised" ? Locked()
                : current?.CampaignStatus == "closed" ? Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("测评活动已结束", "Campaign closed"),
                    Text.Of("该测评活动已结束，不能再提交。", "The campaign is closed."))
                : Problems.StaleVersion(expected.FromIfMatch);
        }
        await db.ExecuteAsync(self ? AssessmentSql.SetSelf : AssessmentSql.SetSupervisor, scores.Select(s => new
        {
            AssessmentId = id, s.CompetencyId, s.Level, Evidence = string.IsNullOrWhiteSpace(s.Evidence) ? null : s.Evidence.Trim(),
        }).ToList(), ct);
        await audit.WriteAsync(new AuditEntry(self ? "competency.assessment.self-submitted" : "competency.assessment.supervisor-submitted",
            "competency-assessment", id, row.OrgPath, new { row.WorkerId, levels = scores.Select(s => new { s.CompetencyId, s.Level }) }), ct);
        await tx.CommitAsync(ct);
        var updated = (await FindAsync(db, user, id, ct))!;
        ExpectedVersion.SetETag(http, updated.Version);
        return TypedResults.Ok(await ResponseAsync(db, user, updated, ct));
    }

    private static async Task<Results<Ok<AssessmentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Finalise(
        Guid id, FinaliseRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock,
        CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        if (expected.Value is null)
        {
            return new Validator().Version(expected).ToProblem();
        }
        var row = await FindAsync(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.Status == "finalised")
        {
            return Locked();
        }
        if (row.SupervisorSubmittedAt is null)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("缺少上级评定", "Supervisor assessment missing"),
                Text.Of("须先完成上级评定才能定稿。", "The supervisor's assessment comes before finalising."));
        }
        var today = LocalDate.Today(clock);
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(AssessmentSql.Finalise, new { Id = id, Version = expected.Value, Now = clock.GetUtcNow(), FinalisedBy = user.UserName }, ct) == 0)
        {
            var current = await FindAsync(db, user, id, ct);
            return current?.Status == "finalised" ? Locked() : Problems.StaleVersion(expected.FromIfMatch);
        }
        var args = new { Id = id, row.WorkerId, row.ProfileId, Weight = row.SupervisorWeight, Today = today };
        await db.ExecuteAsync(AssessmentSql.SetFinalLevels, args, ct);
        await db.ExecuteAsync(AssessmentSql.DeleteWorkerLevels, args, ct);
        await db.ExecuteAsync(AssessmentSql.InsertWorkerLevels, args, ct);
        await db.ExecuteAsync(AssessmentSql.DeleteWorkerGaps, args, ct);
        double? fit = null;
        if (row.ProfileId is not null)
        {
            await db.ExecuteAsync(AssessmentSql.InsertWorkerGaps, args, ct);
            fit = Math.Round(await db.ExecuteScalarAsync<double>(AssessmentSql.FitOfWorker, args, ct), 1);
        }
        await db.ExecuteAsync(AssessmentSql.SetFit, new { Id = id, Fit = fit }, ct);
        await db.ExecuteAsync(AssessmentSql.DeleteWorkerFit, args, ct);
        await db.ExecuteAsync(AssessmentSql.InsertWorkerFit, new { Id = id, row.WorkerId, row.ProfileId, Fit = fit, Today = today }, ct);
        await audit.WriteAsync(new AuditEntry("competency.assessment.finalised", "competency-assessment", id, row.OrgPath,
            new { row.WorkerId, fit, supervisorWeight = row.SupervisorWeight }), ct);
        await tx.CommitAsync(ct);
        var finalised = (await FindAsync(db, user, id, ct))!;
        ExpectedVersion.SetETag(http, finalised.Version);
        return TypedResults.Ok(await ResponseAsync(db, user, finalised, ct));
    }

    private static ProblemHttpResult Locked() => Problems.Conflict(LockedProblem, Text.Of("测评已定稿", "Assessment finalised"),
        Text.Of("该测评已定稿锁定，不能再修改。", "The assessment is finalised and locked."));
}
