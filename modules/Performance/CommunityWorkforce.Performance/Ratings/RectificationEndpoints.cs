using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Performance.Ratings;

/// <summary>差评整改 — the cases bad ratings open: return visit, outcome, closing; overdue ones flagged.</summary>
internal static class RectificationEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["dueOn"] = "c.due_on", ["openedOn"] = "c.opened_on", ["status"] = "c.status",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/performance/rectifications").WithTags("Rectifications");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListRectifications");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetRectification");
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateRectification")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PagedResult<RectificationResponse>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, string? status, Guid? workerId, Guid? orgUnitId, DbSession db, CurrentUser user,
        IOrgUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().OneOf("status", status, [RectificationStatus.Open, RectificationStatus.Closed, RectificationStatus.Overdue]);
        page.Validate(validator, Sortable);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        string? unitPath = null;
        if (orgUnitId is { } id)
        {
            var unit = await units.FindAsync(id, ct);
            if (unit is null || !user.CanSee(unit.Path))
            {
                return TypedResults.NotFound();
            }
            unitPath = unit.Path + "%";
        }
        var today = LocalDate.Today(clock);
        var args = RectificationList.Args(user, status, today, workerId, unitPath, page);
        var oneWorker = workerId is not null;
        var total = await db.ExecuteScalarAsync<int>(oneWorker ? RatingSql.CountCasesOfWorker : RatingSql.CountCases, args, ct);
        var rows = await db.QueryAsync<RectificationRow>(PagedSql.WithOrderBy(oneWorker ? RatingSql.ListCasesOfWorker : RatingSql.ListCases,
            page.OrderBy(Sortable, "dueOn", "c.id")), args, ct);
        return TypedResults.Ok(new PagedResult<RectificationResponse>(rows.Select(r => r.ToResponse(today)).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<RectificationResponse>, NotFound>> Get(Guid id, HttpContext http, DbSession db, CurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<RectificationRow>(RatingSql.GetCase, new { Id = id, Scope = user.ScopePattern }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(row.ToResponse(LocalDate.Today(clock)));
    }

    private static async Task<Results<Ok<RectificationResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, UpdateRectificationRequest request, HttpContext http, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Version(expected);
        if (request.Close)
        {
            validator.Required("returnVisit", request.ReturnVisit, 1000).Required("outcome", request.Outcome, 1000);
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await db.QuerySingleOrDefaultAsync<RectificationRow>(RatingSql.GetCase, new { Id = id, Scope = user.ScopePattern }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.Status != RectificationStatus.Open)
        {
            return Problems.Conflict("urn:cw:problem:invalid-transition", Text.Of("整改单已办结", "The case is closed"),
                Text.Of("已办结的整改单不能再修改。", "A closed case cannot be changed."));
        }
        var today = LocalDate.Today(clock);
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(RatingSql.UpdateCase, new
            {
                Id = id, ReturnVisit = request.ReturnVisit?.Trim(), Outcome = request.Outcome?.Trim(),
                Status = request.Close ? RectificationStatus.Closed : RectificationStatus.Open, ClosedOn = request.Close ? today : (DateOnly?)null,
                Version = expected.Value, Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry(request.Close ? "performance.rectification.closed" : "performance.rectification.updated",
            "rectification", id, row.OrgPath, new { request.ReturnVisit, request.Outcome, onTime = !request.Close || today <= row.DueOn }), ct);
        await tx.CommitAsync(ct);
        var back = await db.QuerySingleOrDefaultAsync<RectificationRow>(RatingSql.GetCase, new { Id = id, Scope = "/%" }, ct);
        return TypedResults.Ok(back!.ToResponse(today));
    }
}
