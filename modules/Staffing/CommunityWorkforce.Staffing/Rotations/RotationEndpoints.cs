using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Settings;
using CommunityWorkforce.Staffing.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>
/// 轮岗 — HR (or the worker, for themself) proposes; the street-office leader approves or rejects. Approval ends the
/// old posting and starts the new one in one transaction, with the target post's quota checked at that moment.
/// </summary>
internal static class RotationEndpoints
{
    public const string InvalidTransition = "urn:cw:problem:invalid-transition";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/rotation-requests").WithTags("Rotations");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListRotationRequests");
        group.MapGet("/export", ExportRotations.Handle).RequireAuthorization(Policies.Staff).WithName("ExportRotationRequests")
            .Produces(StatusCodes.Status200OK, contentType: ExportRotations.Xlsx);
        group.MapGet("/counts", Counts).RequireAuthorization(Policies.AnyRole).WithName("CountRotationRequests");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetRotationRequest");
        group.MapPost("/", FileRotation.Handle).RequireAuthorization(Policies.HrAdminOrWorker).WithName("CreateRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/submit", RequesterRotationActions.Submit).RequireAuthorization(Policies.HrAdminOrWorker).WithName("SubmitRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/withdraw", RequesterRotationActions.Withdraw).RequireAuthorization(Policies.HrAdminOrWorker).WithName("WithdrawRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/approve", DecideRotation.Approve).RequireAuthorization(Policies.Leader).WithName("ApproveRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/reject", DecideRotation.Reject).RequireAuthorization(Policies.Leader).WithName("RejectRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapGet("/staffing/rotations/due", Due).RequireAuthorization(Policies.Staff).WithTags("Rotations").WithName("ListDueForRotation");
    }

    private static object Scope(CurrentUser user, Guid id) => new { Id = id, Scope = user.ScopePattern, WorkerScope = WorkerScope(user), user.OnlyWorkerId };

    /// <summary>The org-path pattern of the workers whose requests the caller sees; none for a worker (only themself).</summary>
    internal static string WorkerScope(CurrentUser user) => user.WorkerPathScope;

    internal static Task<RotationRow?> FindInScope(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<RotationRow>(RotationSql.Get, Scope(user, id), ct);

    private static async Task<Results<Ok<PagedResult<RotationRequestResponse>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, [AsParameters] RotationListQuery filter, DbSession db, CurrentUser user,
        IMapper mapper, CancellationToken ct)
    {
        var validator = RotationListRequest.Check(new Validator(), page, filter);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await RotationListRequest.ResolveAsync(db, user, page, filter, ct) is not { } request)
        {
            return TypedResults.NotFound();
        }
        var total = await db.ExecuteScalarAsync<int>(request.CountSql, request.Args, ct);
        var rows = await db.QueryAsync<RotationRow>(request.PageSql, request.Args, ct);
        return TypedResults.Ok(new PagedResult<RotationRequestResponse>(mapper.Map<List<RotationRequestResponse>>(rows), total, page.PageNumber, page.Size));
    }

    /// <summary>How many requests are in each state: the leader's inbox badge.</summary>
    private static async Task<Ok<RotationCounts>> Counts(DbSession db, CurrentUser user, CancellationToken ct)
    {
        var rows = await db.QueryAsync<StatusCount>(RotationSql.CountsByStatus, new { Scope = user.ScopePattern, WorkerScope = WorkerScope(user), user.OnlyWorkerId, HideDrafts = RotationScope.HideDrafts(user) }, ct);
        int Of(string status) => rows.FirstOrDefault(r => r.Status == status)?.N ?? 0;
        return TypedResults.Ok(new RotationCounts(Of(RotationStatus.Draft), Of(RotationStatus.Submitted), Of(RotationStatus.Approved),
            Of(RotationStatus.Rejected), Of(RotationStatus.Withdrawn)));
    }

    private static async Task<Results<Ok<RotationRequestResponse>, NotFound>> Get(
        Guid id, HttpContext http, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        var row = await FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(mapper.Map<RotationRequestResponse>(row));
    }







    private static async Task<Results<Ok<PagedResult<DueForRotationResponse>>, ValidationProblem, NotFound>> Due(
        [AsParameters] PageQuery page, Guid? orgUnitId, DbSession db, CurrentUser user, StaffingSettingsStore settings,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string> { ["startedOn"] = "g.started_on" });
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (visible, unitPath) = await OrgUnitLookup.ResolveFilter(db, user, orgUnitId, ct);
        if (!visible)
        {
            return TypedResults.NotFound();
        }
        var today = LocalDate.Today(clock);
        var threshold = (await settings.GetAsync(ct)).RotationThresholdYears;
        var args = new
        {
            Scope = user.ScopePattern, UnitPath = unitPath is null ? null : unitPath + "%", Q = page.QPattern,
            StartedOnOrBefore = today.AddYears(-threshold), page.Skip, Take = page.Size,
        };
        var total = await db.ExecuteScalarAsync<int>(RotationSql.DueCount, args, ct);
        var rows = await db.QueryAsync<DueRow>(RotationSql.Due, args, ct);
        return TypedResults.Ok(new PagedResult<DueForRotationResponse>(rows.Select(r => new DueForRotationResponse
        {
            WorkerId = r.WorkerId, WorkerName = r.WorkerName, StaffNo = r.StaffNo, PostingId = r.PostingId, PostId = r.PostId,
            PostTitle = r.PostTitle, OrgUnitName = r.OrgUnitName, StartedOn = r.StartedOn,
            YearsInPost = WorkerRules.Years(r.StartedOn, today), HasOpenRequest = r.OpenRequests > 0,
        }).ToList(), total, page.PageNumber, page.Size));
    }



    internal static ProblemHttpResult NotAllowed(string from, string to) => Problems.Conflict(InvalidTransition,
        Text.Of("当前状态不允许此操作", "Not allowed in this state"),
        Text.Of($"申请当前为“{from}”状态，不能变为“{to}”。", $"The request is {from}; it cannot become {to}."),
        new Dictionary<string, object?> { ["currentStatus"] = from });

    private sealed class StatusCount
    {
        public string Status { get; init; } = "";
        public int N { get; init; }
    }

    private sealed class DueRow
    {
        public Guid WorkerId { get; init; }
        public string WorkerName { get; init; } = "";
        public string StaffNo { get; init; } = "";
        public Guid PostingId { get; init; }
        public Guid PostId { get; init; }
        public string PostTitle { get; init; } = "";
        public string OrgUnitName { get; init; } = "";
        public DateOnly StartedOn { get; init; }
        public int OpenRequests { get; init; }
    }
}

/// <summary>What <see cref="RotationSql.FilingChecks"/> reads.</summary>
internal sealed class FilingCheck
{
    public int OpenRequests { get; init; }
    public int ActivePostings { get; init; }
}
