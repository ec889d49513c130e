using AutoMapper;
using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Staffing.OrgUnits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateWorker")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateWorker")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/status", ChangeStatus).RequireAuthorization(Policies.HrOrAdmin).WithName("ChangeWorkerStatus")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/reveal-id", RevealId).RequireAuthorization(Policies.HrOrAdmin).WithName("RevealWorkerIdNumber");

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

    private static async Task<Results<Created<WorkerResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CreateWorkerRequest request, DbSession db, CurrentUser user, WorkerWriter writer, IMapper mapper,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = WorkerRules.CheckNew(new Validator(), request, LocalDate.Today(clock), out var worker);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var unit = await OrgUnitLookup.FindInScope(db, user, worker!.OrgUnitId, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        if (unit.Status != OrgUnitRules.Active)
        {
            return new Validator().Add("orgUnitId", Text.Of("单位已撤销。", "The unit is closed.")).ToProblem();
        }
        if (await writer.IdNumberExistsAsync(worker.IdNumber, ct))
        {
            return Duplicate("idNumber", Text.Of("该身份证号已在花名册中。", "This ID number is already on the roster."));
        }
        if (worker.StaffNo is { } staffNo && await writer.StaffNoExistsAsync(staffNo, ct))
        {
            return Duplicate("staffNo", Text.Of($"工号 {staffNo} 已被使用。", $"Staff number {staffNo} is taken."));
        }
        var id = await writer.InsertAsync(worker, unit.Path, ct);
        var row = await WorkerLookup.FindInScope(db, user, id, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/staffing/workers/{id}", mapper.Map<WorkerResponse>(row));
    }

    private static async Task<Results<Ok<WorkerResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, UpdateWorkerRequest request, HttpContext http, DbSession db, CurrentUser user, RosterIndex index, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = WorkerRules.CheckEditable(new Validator(), request.Name, request.EthnicGroup, request.PoliticalStatus,
            request.Education, request.Phone, request.HireDate, request.ServiceStartDate, LocalDate.Today(clock),
            out var ethnic, out var political, out var education);
        validator.Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var row = await WorkerLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var after = new
        {
            Name = request.Name!.Trim(), EthnicGroup = ethnic, PoliticalStatus = political, Education = education,
            Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
            request.HireDate, request.ServiceStartDate,
        };
        if (await db.ExecuteAsync(WorkerSql.Update, new
            {
                Id = id, after.Name, after.EthnicGroup, after.PoliticalStatus, after.Education, after.Phone,
                PhoneLast4 = WorkerWriter.Last4(after.Phone), after.HireDate, after.ServiceStartDate, Version = expected.Value,
                Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        if (after.Name != row.Name)
        {
            await index.IndexNameAsync(id, after.Name, ct);
        }
        await audit.WriteAsync(new AuditEntry("staffing.worker.updated", "worker", id, row.OrgPath, new
        {
            before = new { row.Name, row.EthnicGroup, row.PoliticalStatus, row.Education, row.Phone, row.HireDate, row.ServiceStartDate },
            after,
        }), ct);
        var updated = await WorkerLookup.FindInScope(db, user, id, ct);
        await tx.CommitAsync(ct);
        ExpectedVersion.SetETag(http, updated!.Version);
        return TypedResults.Ok(mapper.Map<WorkerResponse>(updated));
    }

    /// <summary>On leave, back to active, or left (which ends every active posting on that date).</summary>
    private static async Task<Results<Ok<WorkerResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeStatus(
        Guid id, ChangeWorkerStatusRequest request, HttpContext http, DbSession db, CurrentUser user, RosterIndex index,
        AuditWriter audit, IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
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
        await using var tx = await db.BeginAsync(ct);
        var row = await WorkerLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
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
        var updated = await WorkerLookup.FindInScope(db, user, id, ct);
        await tx.CommitAsync(ct);
        ExpectedVersion.SetETag(http, updated!.Version);
        return TypedResults.Ok(mapper.Map<WorkerResponse>(updated));
    }

    /// <summary>Returns the full ID number to HR or admin, and writes who, when and why to the audit log.</summary>
    private static async Task<Results<Ok<RevealIdResponse>, ValidationProblem, NotFound>> RevealId(
        Guid id, RevealIdRequest request, DbSession db, CurrentUser user, WorkerWriter writer, AuditWriter audit,
        CancellationToken ct)
    {
        var validator = new Validator().Required("reason", request.Reason, 500, minLength: 2);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var row = await WorkerLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var number = writer.Reveal(row);
        await audit.WriteAsync(new AuditEntry("staffing.worker.id-revealed", "worker", id, row.OrgPath, null, request.Reason!.Trim()), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new RevealIdResponse(id, number));
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
