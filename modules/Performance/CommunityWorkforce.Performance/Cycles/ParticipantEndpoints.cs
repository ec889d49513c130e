using CommunityWorkforce.Performance.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Performance.Cycles;

/// <summary>
/// One worker's appraisal in a cycle: HR enters the assessments, the leader calibrates the grade, the worker reads their
/// published result with its explanation and may appeal; HR resolves appeals. A worker sees only their own published results.
/// </summary>
internal static class ParticipantEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/performance/participants").WithTags("Performance participants");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetAppraisal");
        group.MapPut("/{id:guid}/assessment", EnterAssessment).RequireAuthorization(Policies.HrOrAdmin).WithName("EnterAssessment")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}/grade", CalibrateGrade.Handle).RequireAuthorization(Policies.Leader).WithName("CalibrateGrade")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/appeal", Appeals.File).RequireAuthorization(Policies.HrAdminOrWorker).WithName("FileAppeal")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/appeal/resolve", Appeals.Resolve).RequireAuthorization(Policies.HrOrAdmin).WithName("ResolveAppeal")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/performance/assessments/pending", Pending).RequireAuthorization(Policies.HrOrAdmin).WithTags("Performance participants")
            .WithName("ListPendingAssessments");
        api.MapGet("/performance/appeals", Appeals.List).RequireAuthorization(Policies.Staff).WithTags("Performance participants")
            .WithName("ListAppeals");
        api.MapGet("/performance/workers/{id:guid}/appraisals", OfWorker).RequireAuthorization(Policies.AnyRole).WithTags("Performance participants")
            .WithName("ListWorkerAppraisals");
        api.MapGet("/performance/my/results", Mine).RequireAuthorization(Policies.AnyRole).WithTags("Performance participants")
            .WithName("ListMyAppraisals");
    }

    internal static Task<ParticipantRow?> FindInScope(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ParticipantRow>(CycleSql.GetParticipant, new { Id = id, Scope = user.ScopePattern, user.OnlyWorkerId }, ct);

    internal static async Task<ParticipantResponse> ReadBack(DbSession db, Guid id, CancellationToken ct) =>
        CycleEngine.ToResponse((await db.QuerySingleOrDefaultAsync<ParticipantRow>(CycleSql.ParticipantById, new { Id = id }, ct))!);

    internal static async Task<Results<Ok<PagedResult<ParticipantResponse>>, ValidationProblem, NotFound>> List(
        Guid id, [AsParameters] PageQuery page, [AsParameters] ParticipantListQuery filter, DbSession db, CurrentUser user,
        IOrgUnitDirectory units, CancellationToken ct)
    {
        var validator = ParticipantListRequest.Check(new Validator(), page, filter);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await ParticipantListRequest.ResolveAsync(id, db, user, units, page, filter, ct) is not { } request)
        {
            return TypedResults.NotFound();
        }
        var total = await db.ExecuteScalarAsync<int>(CycleSql.CountParticipants, request.Args, ct);
        var rows = await db.QueryAsync<ParticipantRow>(request.PageSql, request.Args, ct);
        return TypedResults.Ok(new PagedResult<ParticipantResponse>(rows.Select(CycleEngine.ToResponse).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<ParticipantResponse>, NotFound>> Get(Guid id, HttpContext http, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var row = await FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(CycleEngine.ToResponse(row));
    }

    /// <summary>Participants whose 德能勤绩廉 or peer-review score is still to be entered, in cycles collecting inputs.</summary>
    private static async Task<Results<Ok<PagedResult<ParticipantResponse>>, ValidationProblem>> Pending(
        [AsParameters] PageQuery page, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { Scope = user.ScopePattern, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(CycleSql.CountPending, args, ct);
        var rows = await db.QueryAsync<ParticipantRow>(CycleSql.ListPending, args, ct);
        return TypedResults.Ok(new PagedResult<ParticipantResponse>(rows.Select(CycleEngine.ToResponse).ToList(), total, page.PageNumber, page.Size));
    }

    /// <summary>The caller's own published results over the years (a worker's 考核 tab); <paramref name="appealOpen"/>: only those still open to appeal.</summary>
    private static async Task<Ok<PagedResult<ParticipantResponse>>> Mine(
        [AsParameters] PageQuery page, bool? appealOpen, DbSession db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var args = new { WorkerId = user.WorkerId ?? Guid.Empty, AppealOpen = appealOpen == true ? 1 : 0, Today = LocalDate.Today(clock), page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(CycleSql.CountMine, args, ct);
        var rows = await db.QueryAsync<ParticipantRow>(CycleSql.ListMine, args, ct);
        return TypedResults.Ok(new PagedResult<ParticipantResponse>(rows.Select(CycleEngine.ToResponse).ToList(), total, page.PageNumber, page.Size));
    }

    /// <summary>A worker's published results over the years; a worker reads only their own (another's id is 404).</summary>
    private static async Task<Results<Ok<PagedResult<ParticipantResponse>>, NotFound>> OfWorker(
        Guid id, [AsParameters] PageQuery page, DbSession db, CurrentUser user, IWorkerDirectory workers, IOrgUnitDirectory units, CancellationToken ct)
    {
        if (user.OnlyWorkerId is { } self ? self != id : !await VisibleWorker(id, user, workers, units, ct))
        {
            return TypedResults.NotFound();
        }
        var args = new { WorkerId = id, Scope = user.ScopePattern, user.OnlyWorkerId, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(CycleSql.CountOfWorker, args, ct);
        var rows = await db.QueryAsync<ParticipantRow>(CycleSql.ListOfWorker, args, ct);
        return TypedResults.Ok(new PagedResult<ParticipantResponse>(rows.Select(CycleEngine.ToResponse).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<bool> VisibleWorker(Guid id, CurrentUser user, IWorkerDirectory workers, IOrgUnitDirectory units, CancellationToken ct)
    {
        var worker = await workers.FindAsync(id, ct);
        var unit = worker is null ? null : await units.FindAsync(worker.OrgUnitId, ct);
        return unit is not null && user.CanSee(unit.Path);
    }

    private static async Task<Results<Ok<ParticipantResponse>, ValidationProblem, NotFound, ProblemHttpResult>> EnterAssessment(
        Guid id, AssessmentRequest request, HttpContext http, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Version(expected);
        validator.Rule(request.StreetScore is null or (>= 0 and <= 100), "streetScore", Text.Of("应在 0 到 100 之间。", "Must be between 0 and 100."));
        validator.Rule(request.PeerScore is null or (>= 0 and <= 100), "peerScore", Text.Of("应在 0 到 100 之间。", "Must be between 0 and 100."));
        foreach (var (code, actual) in request.KpiActuals ?? new Dictionary<string, decimal>())
        {
            validator.Rule(actual >= 0, $"kpiActuals.{code}", Text.Of("实际值不能为负。", "An actual value cannot be negative."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.CycleStatus != CycleStatus.Collecting)
        {
            return CycleEndpoints.NotAllowed(row.CycleStatus, "录入考核");
        }
        var template = await db.QuerySingleOrDefaultAsync<TemplateRow>(TemplateSql.ById, new { Id = row.TemplateId }, ct);
        var kpiCodes = TemplateLookup.Indicators(template!.Indicators).Where(i => i.Kind == IndicatorKinds.Kpi).Select(i => i.Code).ToHashSet();
        foreach (var code in (request.KpiActuals ?? new Dictionary<string, decimal>()).Keys.Where(c => !kpiCodes.Contains(c)))
        {
            validator.Add($"kpiActuals.{code}", Text.Of("模板中没有这项个人业绩指标。", "The template has no such KPI."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(CycleSql.SaveAssessment, new
            {
                Id = id, row.CycleId, StreetScore = (double?)request.StreetScore, PeerScore = (double?)request.PeerScore,
                KpiActuals = CycleEngine.KpiJson(request.KpiActuals), Version = expected.Value, Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("performance.assessment.entered", "appraisal", id, row.OrgPath,
            new { before = new { row.StreetScore, row.PeerScore, row.KpiActuals }, after = request }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await ReadBack(db, id, ct));
    }
}
