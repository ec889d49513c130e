using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.OrgUnits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>花名册 — the roster. HR keeps it; leaders read it; a worker reads only their own record.</summary>
internal static class WorkerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/workers").WithTags("Workers");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListWorkers");
        group.MapGet("/me", Me).RequireAuthorization(Policies.AnyRole).WithName("GetMyWorkerRecord");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetWorker");
        group.MapPost("/", CreateWorker.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateWorker")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateWorker.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateWorker")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/status", ChangeWorkerStatus.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("ChangeWorkerStatus")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/reveal-id", RevealWorkerIdNumber.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("RevealWorkerIdNumber");

        api.MapGet("/staffing/codes", Codes).RequireAuthorization(Policies.AnyRole).WithTags("Workers").WithName("GetNationalCodes");
    }

    private static async Task<Results<Ok<PagedResult<WorkerResponse>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, [AsParameters] WorkerListQuery filter, DbSession db, CurrentUser user,
        RosterTotals totals, IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var validator = RosterRequest.Check(new Validator(), page, filter);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await RosterRequest.ResolveAsync(db, user, page, filter, LocalDate.Today(clock), ct) is not { } roster)
        {
            return TypedResults.NotFound();
        }
        var countSql = roster.CountSql;
        var total = await totals.GetAsync(countSql + "\n" + (roster.Args with { Skip = 0, Take = 0 }),
            () => db.ExecuteScalarAsync<int>(countSql, roster.Args, ct));
        var rows = await db.QueryAsync<WorkerRow>(roster.PageSql, roster.Args, ct);
        return TypedResults.Ok(new PagedResult<WorkerResponse>(mapper.Map<List<WorkerResponse>>(rows), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<WorkerResponse>, NotFound>> Get(
        Guid id, HttpContext http, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        var row = await WorkerLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(mapper.Map<WorkerResponse>(row));
    }

    /// <summary>The caller's own roster record (accounts linked to a worker).</summary>
    private static async Task<Results<Ok<WorkerResponse>, NotFound>> Me(
        HttpContext http, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        if (user.WorkerId is not { } workerId)
        {
            return TypedResults.NotFound();
        }
        var row = await WorkerLookup.FindSelf(db, workerId, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(mapper.Map<WorkerResponse>(row));
    }





    private static Ok<NationalCodeTables> Codes() => TypedResults.Ok(new NationalCodeTables(
        NationalCodes.Gender, NationalCodes.EthnicGroup, NationalCodes.PoliticalStatus, NationalCodes.Education));

    internal static ProblemHttpResult Duplicate(string field, string detail) =>
        Problems.Conflict(ProblemTypes.Duplicate, Text.Of("记录重复", "Duplicate"), detail,
            new Dictionary<string, object?> { ["field"] = field });
}

public sealed record NationalCodeTables(
    IReadOnlyList<CodeValue> Gender,
    IReadOnlyList<CodeValue> EthnicGroup,
    IReadOnlyList<CodeValue> PoliticalStatus,
    IReadOnlyList<CodeValue> Education);
