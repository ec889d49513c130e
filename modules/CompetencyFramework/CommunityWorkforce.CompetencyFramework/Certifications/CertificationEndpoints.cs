using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.CompetencyFramework.Frameworks;
using CommunityWorkforce.CompetencyFramework.Scope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CompetencyFramework.Certifications;

/// <summary>
/// 全岗通 — service lines as data, a certification per worker × line, a unit's coverage matrix (uncovered lines and
/// single points of failure), certifications expiring soon.
/// </summary>
internal static class CertificationEndpoints
{

    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["staffNo"] = "ws.staff_no",
        ["expiresOn"] = "c.expires_on",
        ["line"] = "l.sort_order",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var lines = api.MapGroup("/competency/service-lines").WithTags("全岗通");
        lines.MapGet("/", ListLines).RequireAuthorization(Policies.AnyRole).WithName("ListServiceLines");
        lines.MapPost("/", CreateLine).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateServiceLine")
            .ProducesProblem(StatusCodes.Status409Conflict);
        var group = api.MapGroup("/competency/certifications").WithTags("全岗通");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListCertifications");
        group.MapGet("/expiring", Expiring).RequireAuthorization(Policies.Staff).WithName("ListExpiringCertifications");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateCertification")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateCertification")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapGet("/competency/coverage", Coverage).RequireAuthorization(Policies.Staff).WithTags("全岗通").WithName("GetServiceLineCoverage");
    }

    private static async Task<Ok<IReadOnlyList<ServiceLineResponse>>> ListLines(DbSession db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ServiceLineResponse>>(await db.QueryAsync<ServiceLineResponse>(CertificationSql.Lines, null, ct));

    private static async Task<Results<Created<ServiceLineResponse>, ValidationProblem, ProblemHttpResult>> CreateLine(
        CreateServiceLineRequest request, DbSession db, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var code = request.Code!.Trim();
        var validator = new Validator().Matches("code", code, FrameworkRules.CodePattern(), "编码只能包含小写字母、数字和连字符。",
            "Codes use lower-case letters, digits and hyphens.");
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var id = Guid.NewGuid();
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(CertificationSql.LineCodeExists, new { Code = code }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("条线编码重复", "Duplicate line"),
                Text.Of($"已有编码为“{code}”的业务条线。", $"A line with code '{code}' exists."), new Dictionary<string, object?> { ["field"] = "code" });
        }
        var order = await db.ExecuteScalarAsync<int>(CertificationSql.NextLineOrder, null, ct);
        await db.ExecuteAsync(CertificationSql.InsertLine, new
        {
            Id = id, Code = code, NameZh = request.NameZh!.Trim(), NameEn = request.NameEn!.Trim(), SortOrder = order, Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("competency.service-line.created", "competency-service-line", id, null, new { code, request.NameZh }), ct);
        await tx.CommitAsync(ct);
        var line = (await db.QueryAsync<ServiceLineResponse>(CertificationSql.Lines, null, ct)).Single(l => l.Id == id);
        return TypedResults.Created($"/api/competency/service-lines/{id}", line);
    }

    private static async Task<Results<Ok<PagedResult<CertificationResponse>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, [AsParameters] CertificationListQuery filter, DbSession db, CurrentUser user, TimeProvider clock,
        CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        string? unitPath = null;
        if (filter.OrgUnitId is { } unitId)
        {
            var unit = await ScopeLookup.UnitAsync(db, user, unitId, ct);
            if (unit is null)
            {
                return TypedResults.NotFound();
            }
            unitPath = unit.Path + "%";
        }
        var args = new
        {
            Scope = user.ScopePattern, user.OnlyWorkerId, filter.WorkerId, UnitPath = unitPath, filter.LineId, Q = page.QPattern,
            page.Skip, Take = page.Size,
        };
        var oneWorker = filter.WorkerId is not null;
        var total = await db.ExecuteScalarAsync<int>(oneWorker ? CertificationSql.CountOfWorker : CertificationSql.Count, args, ct);
        var rows = await db.QueryAsync<CertificationRow>(PagedSql.WithOrderBy(oneWorker ? CertificationSql.ListOfWorker : CertificationSql.List,
            page.OrderBy(Sortable, "staffNo", "l.sort_order, c.id")), args, ct);
        var today = LocalDate.Today(clock);
        return TypedResults.Ok(new PagedResult<CertificationResponse>(rows.Select(r => r.ToResponse(today)).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<PagedResult<CertificationResponse>>, ValidationProblem>> Expiring(
        [AsParameters] PageQuery page, [AsParameters] ExpiringQuery query, DbSession db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        validator.Range("withinDays", query.WithinDays, 1, 366);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var today = LocalDate.Today(clock);
        var args = CertificationSql.ExpiringArgs(user, today, query.WithinDays ?? CertificationSql.DefaultExpiringDays, page.Skip, page.Size);
        var total = await db.ExecuteScalarAsync<int>(CertificationSql.ExpiringCount, args, ct);
        var rows = await db.QueryAsync<CertificationRow>(CertificationSql.Expiring, args, ct);
        return TypedResults.Ok(new PagedResult<CertificationResponse>(rows.Select(r => r.ToResponse(today)).ToList(), total, page.PageNumber, page.Size));
    }

    private static Validator Check(SaveCertificationRequest request) => new Validator()
        .Range("score", request.Score, 0, 100).Range("passMark", request.PassMark, 1, 100).Range("resitCount", request.ResitCount, 0, 20)
        .Range("validMonths", request.ValidMonths, 1, 120);

    private static DateOnly ExpiresOn(SaveCertificationRequest request) => request.CertifiedOn!.Value.AddMonths(request.ValidMonths!.Value).AddDays(-1);

    private static async Task<Results<Created<CertificationResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        SaveCertificationRequest request, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var validator = Check(request);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var worker = await ScopeLookup.WorkerAsync(db, user, request.WorkerId!.Value, ct);
        if (worker is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.ExecuteScalarAsync<int>(CertificationSql.LineActive, new { request.LineId }, ct) == 0)
        {
            return new Validator().Add("lineId", Text.Of("业务条线不存在或已停用。", "No such active service line.")).ToProblem();
        }
        var id = Guid.NewGuid();
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(CertificationSql.Exists, new { request.WorkerId, request.LineId, Id = id }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("认证重复", "Duplicate certification"),
                Text.Of("该人员在此条线已有认证记录，请修改原记录。", "The worker already has a certification for this line; update it."),
                new Dictionary<string, object?> { ["field"] = "lineId" });
        }
        await db.ExecuteAsync(CertificationSql.Insert, new
        {
            Id = id, request.WorkerId, request.LineId, request.Score, request.PassMark, request.CertifiedOn, ExpiresOn = ExpiresOn(request),
            ResitCount = request.ResitCount ?? 0, Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("competency.certification.created", "competency-certification", id, worker.OrgPath,
            new { request.WorkerId, request.LineId, request.Score, request.PassMark, request.CertifiedOn, ExpiresOn = ExpiresOn(request), request.ResitCount }), ct);
        await tx.CommitAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<CertificationRow>(CertificationSql.Get, new { Id = id, Scope = user.ScopePattern, user.OnlyWorkerId }, ct);
        return TypedResults.Created($"/api/competency/certifications/{id}", row!.ToResponse(LocalDate.Today(clock)));
    }

    private static async Task<Results<Ok<CertificationResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, SaveCertificationRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock,
        CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = Check(request).Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { Id = id, Scope = user.ScopePattern, user.OnlyWorkerId };
        var before = await db.QuerySingleOrDefaultAsync<CertificationRow>(CertificationSql.Get, args, ct);
        if (before is null || before.WorkerId != request.WorkerId || before.LineId != request.LineId)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(CertificationSql.Update, new
            {
                Id = id, request.Score, request.PassMark, request.CertifiedOn, ExpiresOn = ExpiresOn(request), ResitCount = request.ResitCount ?? 0,
                Version = expected.Value, Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("competency.certification.updated", "competency-certification", id, before.OrgPath, new
        {
            before = new { before.Score, before.PassMark, before.CertifiedOn, before.ExpiresOn, before.ResitCount },
            after = new { request.Score, request.PassMark, request.CertifiedOn, ExpiresOn = ExpiresOn(request), request.ResitCount },
        }), ct);
        await tx.CommitAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<CertificationRow>(CertificationSql.Get, args, ct);
        ExpectedVersion.SetETag(http, row!.Version);
        return TypedResults.Ok(row.ToResponse(LocalDate.Today(clock)));
    }

    private static async Task<Results<Ok<CoverageResponse>, NotFound>> Coverage(
        [AsParameters] CoverageQuery query, DbSession db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var unit = await ScopeLookup.UnitAsync(db, user, query.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        var lines = (await db.QueryAsync<ServiceLineResponse>(CertificationSql.Lines, null, ct)).Where(l => l.Status == "active").ToList();
        var cells = await db.QueryAsync<CoverageCellRow>(CertificationSql.CoverageCells, new { OrgUnitId = unit.Id, Today = LocalDate.Today(clock) }, ct);
        var workers = cells.GroupBy(c => c.WorkerId).Select(g => new CoverageWorker
        {
            WorkerId = g.Key, StaffNo = g.First().StaffNo, Name = g.First().Name,
            ValidLines = g.Where(c => c.LineCode is not null && c.Valid == 1).Select(c => c.LineCode!).ToList(),
            LapsedLines = g.Where(c => c.LineCode is not null && c.Valid != 1).Select(c => c.LineCode!).ToList(),
        }).ToList();
        var coverage = lines.Select(l =>
        {
            var holders = workers.Count(w => w.ValidLines.Contains(l.Code));
            return new CoverageLine { LineCode = l.Code, Holders = holders, Uncovered = holders == 0, SinglePointOfFailure = holders == 1 };
        }).ToList();
        return TypedResults.Ok(new CoverageResponse { OrgUnitId = unit.Id, OrgUnitName = unit.Name, Lines = lines, Workers = workers, Coverage = coverage });
    }
}
