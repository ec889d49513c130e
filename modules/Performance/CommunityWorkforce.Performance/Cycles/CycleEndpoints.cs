using CommunityWorkforce.Performance.Scoring;
using CommunityWorkforce.Performance.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Performance.Cycles;

/// <summary>
/// 考核周期 — annual or quarterly cycles per org subtree: HR creates and advances them (planning → collecting →
/// calibrating), the leader calibrates and publishes, HR closes. Reads are scoped by the cycle's unit.
/// </summary>
internal static class CycleEndpoints
{
    public const string InvalidTransition = "urn:cw:problem:invalid-transition";
    public const string MissingTemplates = "urn:cw:problem:appraisal-template-missing";
    public const string OverQuota = "urn:cw:problem:grade-quota-exceeded";
    public const string AppealClosed = "urn:cw:problem:appeal-window-closed";

    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "c.name", ["year"] = "c.year", ["periodStart"] = "c.period_start", ["status"] = "c.status",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/performance/cycles").WithTags("Performance cycles");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListAppraisalCycles");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetAppraisalCycle");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateAppraisalCycle");
        group.MapPost("/{id:guid}/advance", AdvanceCycle.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("AdvanceAppraisalCycle")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/score", AdvanceCycle.Rescore).RequireAuthorization(Policies.HrOrAdmin).WithName("ScoreAppraisalCycle")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/publish", AdvanceCycle.Publish).RequireAuthorization(Policies.Leader).WithName("PublishAppraisalCycle")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/board", Board).RequireAuthorization(Policies.Staff).WithName("GetCalibrationBoard");
        group.MapPut("/{id:guid}/unit-scores", UnitScores.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("PutDepartmentScore")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/incentives", Incentives.Handle).RequireAuthorization(Policies.Staff).WithName("AllocateIncentivePool")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/participants", ParticipantEndpoints.List).RequireAuthorization(Policies.Staff).WithName("ListAppraisalParticipants");
        group.MapGet("/{id:guid}/participants/export", ExportResults.Results).RequireAuthorization(Policies.Staff).WithName("ExportAppraisalResults")
            .Produces(StatusCodes.Status200OK, contentType: ExportResults.Xlsx);
        group.MapPost("/{id:guid}/incentives/export", ExportResults.Incentive).RequireAuthorization(Policies.Staff).WithName("ExportIncentiveAllocation")
            .Produces(StatusCodes.Status200OK, contentType: ExportResults.Xlsx).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static Task<CycleRow?> FindInScope(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<CycleRow>(CycleSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);

    internal static ProblemHttpResult NotAllowed(string from, string action) => Problems.Conflict(InvalidTransition,
        Text.Of("当前状态不允许此操作", "Not allowed in this state"),
        Text.Of($"考核周期当前为“{from}”状态，不能{action}。", $"The cycle is {from}; it cannot {action}."),
        new Dictionary<string, object?> { ["currentStatus"] = from });

    private static async Task<Results<Ok<PagedResult<CycleResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, string? status, int? year, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("status", status, CycleStatus.All);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { Scope = user.ScopePattern, Status = status, Year = year, Q = page.QPattern, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(CycleSql.Count, args, ct);
        var rows = await db.QueryAsync<CycleRow>(PagedSql.WithOrderBy(CycleSql.List, page.OrderBy(Sortable, "-periodStart", "c.id")), args, ct);
        return TypedResults.Ok(new PagedResult<CycleResponse>(rows.Select(r => r.ToResponse()).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<CycleResponse>, NotFound>> Get(Guid id, HttpContext http, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var row = await FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(row.ToResponse());
    }

    /// <summary>The period follows from kind, year and quarter; the quota and mover rule are taken from the settings now.</summary>
    private static async Task<Results<Created<CycleResponse>, ValidationProblem, NotFound>> Create(
        CreateCycleRequest request, [AsParameters] WriteContext write, IOrgUnitDirectory units, PerformanceSettingsStore settings,
        CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator().OneOf("kind", request.Kind, CycleKinds.All).Range("year", request.Year, 2000, 2100)
            .Required("orgUnitId", request.OrgUnitId).Required("entryDeadline", request.EntryDeadline)
            .Required("calibrationDeadline", request.CalibrationDeadline);
        if (request.Kind == CycleKinds.Quarterly)
        {
            validator.Required("quarter", request.Quarter).Range("quarter", request.Quarter, 1, 4);
        }
        else
        {
            validator.Rule(request.Quarter is null, "quarter", Text.Of("年度考核不填季度。", "An annual cycle has no quarter."));
        }
        validator.Rule(request.EntryDeadline is null || request.CalibrationDeadline is null || request.EntryDeadline <= request.CalibrationDeadline,
            "calibrationDeadline", Text.Of("校准截止日不能早于录入截止日。", "The calibration deadline cannot precede the entry deadline."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var unit = await units.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null || !user.CanSee(unit.Path))
        {
            return TypedResults.NotFound();
        }
        var (start, end) = request.Kind == CycleKinds.Annual
            ? (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31))
            : (new DateOnly(request.Year, (request.Quarter!.Value - 1) * 3 + 1, 1), new DateOnly(request.Year, request.Quarter.Value * 3, 1).AddMonths(1).AddDays(-1));
        var config = await settings.GetAsync(ct);
        var id = Guid.NewGuid();
        await using var tx = await db.BeginAsync(ct);
        await db.ExecuteAsync(CycleSql.Insert, new
        {
            Id = id, Name = request.Name.Trim(), request.Kind, request.Year, request.Quarter, OrgUnitId = unit.Id, OrgPath = unit.Path,
            PeriodStart = start, PeriodEnd = end, request.EntryDeadline, request.CalibrationDeadline, config.ExcellentQuotaPercent,
            config.MoverRule, Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("performance.cycle.created", "appraisal-cycle", id, unit.Path, request), ct);
        await tx.CommitAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<CycleRow>(CycleSql.ById, new { Id = id }, ct);
        return TypedResults.Created($"/api/performance/cycles/{id}", row!.ToResponse());
    }

    /// <summary>The calibration board: each unit's grade counts against its 优秀 quota, as the leader sees it live.</summary>
    private static async Task<Results<Ok<CalibrationBoard>, NotFound>> Board(Guid id, DbSession db, CurrentUser user, CycleEngine engine, CancellationToken ct)
    {
        var cycle = await FindInScope(db, user, id, ct);
        if (cycle is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new CalibrationBoard(id, cycle.Status, cycle.ExcellentQuotaPercent, await engine.BoardAsync(cycle, user.ScopePattern, ct)));
    }
}
