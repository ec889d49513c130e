using System.Text.RegularExpressions;
using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.CareerPath.Levels;
using CommunityWorkforce.CareerPath.Progression;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;

namespace CommunityWorkforce.CareerPath.Tracks;

/// <summary>职业发展通道 — stages and their criteria (HR edits them), eligibility of one worker and of a subtree, its export.</summary>
internal static partial class TrackEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api)
    {
        var stages = api.MapGroup("/career/stages").WithTags("Career tracks");
        stages.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListCareerStages");
        stages.MapPut("/{code}", Save).RequireAuthorization(Policies.HrOrAdmin).WithName("SaveCareerStage")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/career/workers/{id:guid}/eligibility", ForWorker).RequireAuthorization(Policies.AnyRole)
            .WithTags("Career tracks").WithName("GetWorkerEligibility");
        var scope = api.MapGroup("/career/eligibility").WithTags("Career tracks");
        scope.MapGet("/", ForScope).RequireAuthorization(Policies.Staff).WithName("ListEligibleWorkers");
        scope.MapGet("/export", Export).RequireAuthorization(Policies.Staff).WithName("ExportEligibleWorkers")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    private static async Task<Ok<IReadOnlyList<StageResponse>>> List(StageStore store, CancellationToken ct) => TypedResults.Ok(await store.AllAsync(ct));

    private static async Task<Results<Ok<StageResponse>, ValidationProblem, ProblemHttpResult>> Save(string code, SaveStageRequest request, StageStore store,
        [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, _, audit, _) = write;
        var validator = new Validator()
            .Matches("code", code, CodePattern(), "编码为小写字母、数字和连字符。", "Lower-case letters, digits and hyphens.")
            .OneOf("track", request.Track, TrackCodes.All).OneOf("postType", request.PostType, PostTypes.All)
            .Range("sortOrder", request.SortOrder, 0, 1000);
        request.Criteria.Validate(validator, "criteria.");
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using (var tx = await db.BeginAsync(ct))
        {
            if (!await store.SaveAsync(code, request, ct))
            {
                return Problems.StaleVersion(false);
            }
            await audit.WriteAsync(new AuditEntry("career.stage.saved", "career-stage", null, "/", new { code, request.Track, request.Criteria }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindAsync(code, ct))!);
    }

    /// <summary>One worker against one stage, or against every stage when none is named.</summary>
    private static async Task<Results<Ok<IReadOnlyList<EligibilityResponse>>, ValidationProblem, NotFound>> ForWorker(Guid id, string? stage,
        StageStore stages, Eligibility eligibility, DbSession db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var workerId = id;
        if (await CareerWorkerLookup.FindInScope(db, user, workerId, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var all = await stages.AllAsync(ct);
        var chosen = stage is null ? all : all.Where(s => s.Code == stage).ToList();
        if (chosen.Count == 0)
        {
            return new Validator().Add("stage", Text.Of("没有该发展阶段。", "No such stage.")).ToProblem();
        }
        return TypedResults.Ok(await eligibility.ForWorkerAsync(workerId, chosen, LocalDate.Today(clock), ct));
    }

    private static async Task<(StageResponse? Stage, string? Path, ValidationProblem? Problem)> Resolve(EligibilityListQuery query, StageStore stages,
        IOrgUnitDirectory units, CurrentUser user, CancellationToken ct)
    {
        var stage = await stages.FindAsync(query.Stage, ct);
        if (stage is null)
        {
            return (null, null, new Validator().Add("stage", Text.Of("没有该发展阶段。", "No such stage.")).ToProblem());
        }
        var (_, path) = await PreviewRun.ScopeOf(query.OrgUnitId, units, user, ct);
        return (stage, path, null);
    }

    private static async Task<Results<Ok<PagedResult<EligibleWorkerResponse>>, ValidationProblem, NotFound>> ForScope([AsParameters] PageQuery page,
        [AsParameters] EligibilityListQuery query, StageStore stages, Eligibility eligibility, IOrgUnitDirectory units, CurrentUser user, TimeProvider clock,
        CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (stage, path, problem) = await Resolve(query, stages, units, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (path is null)
        {
            return TypedResults.NotFound();
        }
        var rows = Filter(await eligibility.ForScopeAsync(path + "%", stage!, LocalDate.Today(clock), ct), query, page.Q);
        return TypedResults.Ok(new PagedResult<EligibleWorkerResponse>(rows.Skip(page.Skip).Take(page.Size).ToList(), rows.Count, page.PageNumber, page.Size));
    }

    private static List<EligibleWorkerResponse> Filter(IReadOnlyList<EligibleWorkerResponse> rows, EligibilityListQuery query, string? q) =>
        rows.Where(r => query.Eligible is null || r.Eligible == query.Eligible)
            .Where(r => string.IsNullOrWhiteSpace(q) || r.Name.Contains(q.Trim(), StringComparison.Ordinal) || r.StaffNo.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(r => r.Eligible).ThenByDescending(r => r.MetCount).ThenBy(r => r.StaffNo, StringComparer.Ordinal).ToList();

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> Export([AsParameters] EligibilityListQuery query, StageStore stages,
        Eligibility eligibility, IOrgUnitDirectory units, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var (stage, path, problem) = await Resolve(query, stages, units, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (path is null)
        {
            return TypedResults.NotFound();
        }
        var rows = Filter(await eligibility.ForScopeAsync(path + "%", stage!, LocalDate.Today(clock), ct), query, null);
        var lines = rows.Select(r => new Dictionary<string, object?>
        {
            ["工号"] = r.StaffNo, ["姓名"] = r.Name, ["岗位类型"] = r.PostType, ["等级"] = r.Level, ["是否符合"] = r.Eligible ? "符合" : "不符合",
            ["满足条件"] = $"{r.MetCount}/{r.CriteriaCount}", ["尚缺"] = r.Missing,
        }).ToList();
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, lines, sheetName: stage!.NameZh.Length > 30 ? stage.NameZh[..30] : stage.NameZh, cancellationToken: ct);
        await using (var tx = await db.BeginAsync(ct))
        {
            await audit.WriteAsync(new AuditEntry("career.eligibility.exported", "career-eligibility", query.OrgUnitId, path,
                new { query.Stage, query.Eligible, rows = lines.Count }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.File(buffer.ToArray(), Xlsx, $"晋升资格-{stage.Code}.xlsx");
    }
}
