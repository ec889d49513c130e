using AutoMapper;
using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>
/// 组织架构 — the org tree. Everyone but workers reads their subtree; HR and admin change it.
/// Out-of-scope ids answer 404 so that existence does not leak.
/// </summary>
internal static class OrgUnitEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["path"] = "u.path",
        ["name"] = "u.name",
        ["code"] = "u.code",
        ["level"] = "u.depth",
        ["updatedAt"] = "u.updated_at",
    };

    private static readonly string[] Statuses = [OrgUnitRules.Active, OrgUnitRules.Closed, "all"];

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/org-units").WithTags("Org units");

        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListOrgUnits");
        group.MapGet("/tree", Tree).RequireAuthorization(Policies.Staff).WithName("GetOrgTree");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetOrgUnit");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateOrgUnit")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateOrgUnit")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/move", Move).RequireAuthorization(Policies.HrOrAdmin).WithName("MoveOrgUnit")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/close", Close).RequireAuthorization(Policies.HrOrAdmin).WithName("CloseOrgUnit")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<PagedResult<OrgUnitResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] OrgUnitListQuery filter,
        DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("level", filter.Level, OrgLevels.All).OneOf("status", filter.Status, Statuses);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new
        {
            Scope = user.ScopePattern,
            filter.Level,
            filter.ParentId,
            Status = filter.Status == "all" ? null : filter.Status ?? OrgUnitRules.Active,
            Q = page.QPattern,
            page.Skip,
            Take = page.Size,
        };
        var total = await db.ExecuteScalarAsync<int>(OrgUnitSql.Count, args, ct);
        var rows = await db.QueryAsync<OrgUnitRow>(
            PagedSql.WithOrderBy(OrgUnitSql.List, page.OrderBy(Sortable, "path", "u.id")), args, ct);
        return TypedResults.Ok(new PagedResult<OrgUnitResponse>(
            mapper.Map<List<OrgUnitResponse>>(rows), total, page.PageNumber, page.Size));
    }

    /// <summary>The caller's subtree as nested nodes: for admin, every city; for others, their scope root.</summary>
    private static async Task<Ok<List<OrgUnitNode>>> Tree(
        bool? includeClosed, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var rows = await db.QueryAsync<TreeRow>(OrgUnitSql.Tree,
            new { Scope = user.ScopePattern, IncludeClosed = includeClosed == true ? 1 : 0 }, ct);
        var nodes = new Dictionary<Guid, OrgUnitNode>();
        var roots = new List<OrgUnitNode>();
        foreach (var row in rows)
        {
            var node = new OrgUnitNode { Id = row.Id, Code = row.Code, Name = row.Name, Level = row.Level, Status = row.Status };
            nodes[row.Id] = node;
            if (row.ParentId is { } parentId && nodes.TryGetValue(parentId, out var parent))
            {
                parent.Children.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }
        return TypedResults.Ok(roots);
    }

    private static async Task<Results<Ok<OrgUnitResponse>, NotFound>> Get(
        Guid id, HttpContext http, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        var row = await OrgUnitLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(mapper.Map<OrgUnitResponse>(row));
    }

    private static async Task<Results<Created<OrgUnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CreateOrgUnitRequest request, DbSession db, CurrentUser user, AuditWriter audit, IMapper mapper,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator()
            .Required("code", request.Code, 20)
            .Matches("code", request.Code, OrgUnitRules.CodePattern(), "编码只能包含字母、数字和连字符，最多 20 位。",
                "Code: letters, digits and dashes, at most 20.")
            .Required("name", request.Name, 100)
            .Required("level", request.Level, 20)
            .OneOf("level", request.Level, OrgLevels.All)
            .Range("households", request.Households, 0, 10_000_000)
            .Range("population", request.Population, 0, 50_000_000);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }

        await using var tx = await db.BeginAsync(ct);
        OrgUnitRow? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await OrgUnitLookup.FindInScope(db, user, parentId, ct);
            if (parent is null)
            {
                return TypedResults.NotFound();
            }
        }
        else if (!user.IsAdmin)
        {
            return new Validator().Add("parentId", Text.Of("必须选择上级单位。", "A parent unit is required.")).ToProblem();
        }
        if (parent is { Status: OrgUnitRules.Closed })
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("上级单位已撤销", "Parent unit is closed"),
                Text.Of("不能在已撤销的单位下新建单位。", "Units cannot be created under a closed unit."));
        }
        if (!OrgUnitRules.MayContain(parent?.Level, request.Level!))
        {
            return new Validator().Add("level", Text.Of(
                $"“{LevelName(parent?.Level)}”下不能设立“{LevelName(request.Level)}”。",
                $"A {request.Level} cannot sit under {parent?.Level ?? "the root"}.")).ToProblem();
        }
        var code = request.Code!.Trim();
        var name = request.Name!.Trim();
        if (await db.ExecuteScalarAsync<int>(OrgUnitSql.CodeExists, new { Code = code }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("编码已存在", "Code already exists"),
                Text.Of($"编码 {code} 已被其他单位使用。", $"Code {code} is already used by another unit."),
                new Dictionary<string, object?> { ["field"] = "code" });
        }
        if (await db.ExecuteScalarAsync<int>(OrgUnitSql.SiblingNameExists,
                new { Name = name, ParentId = parent?.Id, Id = Guid.Empty }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("名称重复", "Name already used"),
                Text.Of($"同一上级下已有名为“{name}”的单位。", $"A unit named '{name}' already exists under this parent."),
                new Dictionary<string, object?> { ["field"] = "name" });
        }

        var id = Guid.NewGuid();
        var path = OrgUnitRules.PathOf(parent?.Path, code);
        await db.ExecuteAsync(OrgUnitSql.Insert, new
        {
            Id = id, Code = code, Name = name, request.Level, ParentId = parent?.Id, Path = path,
            Depth = OrgUnitRules.DepthOf(path), request.Households, request.Population, IsDemo = false,
            Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.created", "org-unit", id, path,
            new { code, name, request.Level, request.Households, request.Population }), ct);
        var created = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/staffing/org-units/{id}", mapper.Map<OrgUnitResponse>(created));
    }

    private static async Task<Results<Ok<OrgUnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, UpdateOrgUnitRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("name", request.Name, 100)
            .Range("households", request.Households, 0, 10_000_000)
            .Range("population", request.Population, 0, 50_000_000)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }

        await using var tx = await db.BeginAsync(ct);
        var row = await OrgUnitLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var name = request.Name!.Trim();
        if (name != row.Name && await db.ExecuteScalarAsync<int>(OrgUnitSql.SiblingNameExists,
                new { Name = name, row.ParentId, Id = id }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("名称重复", "Name already used"),
                Text.Of($"同一上级下已有名为“{name}”的单位。", $"A unit named '{name}' already exists under this parent."),
                new Dictionary<string, object?> { ["field"] = "name" });
        }
        var changed = await db.ExecuteAsync(OrgUnitSql.Update, new
        {
            Id = id, Name = name, request.Households, request.Population, Version = expected.Value,
            Now = clock.GetUtcNow(),
        }, ct);
        if (changed == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.updated", "org-unit", id, row.Path, new
        {
            before = new { row.Name, row.Households, row.Population },
            after = new { name, request.Households, request.Population },
        }), ct);
        var updated = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct);
        await tx.CommitAsync(ct);
        ExpectedVersion.SetETag(http, updated!.Version);
        return TypedResults.Ok(mapper.Map<OrgUnitResponse>(updated));
    }

    private static async Task<Results<Ok<OrgUnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Move(
        Guid id, MoveOrgUnitRequest request, HttpContext http, DbSession db, CurrentUser user, Workers.RosterIndex index,
        AuditWriter audit, IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("newParentId", request.NewParentId)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }

        await using var tx = await db.BeginAsync(ct);
        var row = await OrgUnitLookup.FindInScope(db, user, id, ct);
        var newParent = await OrgUnitLookup.FindInScope(db, user, request.NewParentId!.Value, ct);
        if (row is null || newParent is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.IsAdmin && row.Path == user.ScopePath)
        {
            return Problems.Forbidden(Text.Of("不能移动本人管辖范围的根单位。", "You cannot move the root of your own scope."));
        }
        if (OrgUnitRules.IsWithin(newParent.Path, row.Path))
        {
            return new Validator().Add("newParentId", Text.Of("不能移动到自身或其下级单位之下。",
                "A unit cannot be moved under itself or its descendants.")).ToProblem();
        }
        if (!OrgUnitRules.MayContain(newParent.Level, row.Level))
        {
            return new Validator().Add("newParentId", Text.Of(
                $"“{LevelName(newParent.Level)}”下不能设立“{LevelName(row.Level)}”。",
                $"A {row.Level} cannot sit under a {newParent.Level}.")).ToProblem();
        }
        if (newParent.Status == OrgUnitRules.Closed)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("目标单位已撤销", "Target unit is closed"),
                Text.Of("不能移动到已撤销的单位之下。", "Units cannot be moved under a closed unit."));
        }
        if (row.ParentId == newParent.Id)
        {
            return TypedResults.Ok(mapper.Map<OrgUnitResponse>(row));
        }

        if (await db.ExecuteAsync(OrgUnitSql.SetParent,
                new { Id = id, NewParentId = newParent.Id, Version = expected.Value }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        var newPath = OrgUnitRules.PathOf(newParent.Path, row.Code);
        var move = new
        {
            NewPath = newPath,
            OldPathLength = row.Path.Length,
            OldPathPattern = row.Path + "%",
            DepthDelta = OrgUnitRules.DepthOf(newPath) - row.Depth,
            Now = clock.GetUtcNow(),
        };
        await db.ExecuteAsync(OrgUnitSql.MoveSubtree, move, ct);
        await index.MoveSubtreeAsync(move, ct);
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.moved", "org-unit", id, newPath,
            new { fromParentId = row.ParentId, toParentId = newParent.Id, fromPath = row.Path, toPath = newPath }), ct);
        var moved = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct);
        await tx.CommitAsync(ct);
        ExpectedVersion.SetETag(http, moved!.Version);
        return TypedResults.Ok(mapper.Map<OrgUnitResponse>(moved));
    }

    private static async Task<Results<Ok<OrgUnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Close(
        Guid id, CloseOrgUnitRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("closedOn", request.ClosedOn)
            .Required("reason", request.Reason, 500)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }

        await using var tx = await db.BeginAsync(ct);
        var row = await OrgUnitLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.IsAdmin && row.Path == user.ScopePath)
        {
            return Problems.Forbidden(Text.Of("不能撤销本人管辖范围的根单位。", "You cannot close the root of your own scope."));
        }
        if (row.Status == OrgUnitRules.Closed)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("单位已撤销", "Already closed"),
                Text.Of("该单位已经撤销。", "This unit is already closed."));
        }
        // The unit's own start is when it was recorded here (no earlier founding date is kept); the UTC date of that
        // instant is the earliest calendar date it can have had in any time zone.
        if (request.ClosedOn < DateOnly.FromDateTime(row.CreatedAt.UtcDateTime))
        {
            return new Validator().Add("closedOn", Text.Of($"撤销日期不能早于单位建立日期（{row.CreatedAt.UtcDateTime:yyyy-MM-dd}）。",
                $"A unit cannot close before it was established ({row.CreatedAt.UtcDateTime:yyyy-MM-dd}).")).ToProblem();
        }
        if (await db.ExecuteScalarAsync<int>(OrgUnitSql.ActiveChildren, new { Id = id }, ct) > 0)
        {
            return Problems.Conflict("urn:cw:problem:org-unit-has-active-children",
                Text.Of("仍有下级单位", "Unit has active children"),
                Text.Of("请先撤销或移走全部下级单位。", "Close or move its active child units first."));
        }
        if (await db.ExecuteAsync(OrgUnitSql.Close, new
            {
                Id = id, request.ClosedOn, Reason = request.Reason!.Trim(), Version = expected.Value,
                Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.closed", "org-unit", id, row.Path,
            new { request.ClosedOn }, request.Reason), ct);
        var closed = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct);
        await tx.CommitAsync(ct);
        ExpectedVersion.SetETag(http, closed!.Version);
        return TypedResults.Ok(mapper.Map<OrgUnitResponse>(closed));
    }

    private static string LevelName(string? level) => level switch
    {
        OrgLevels.City => Text.Of("市", "city"),
        OrgLevels.District => Text.Of("区", "district"),
        OrgLevels.Street => Text.Of("街道/镇", "street/town"),
        OrgLevels.Community => Text.Of("居委会/村委会", "community"),
        OrgLevels.Centre => Text.Of("街道中心", "centre"),
        null => Text.Of("根", "root"),
        _ => level,
    };

    private sealed class TreeRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Level { get; init; } = "";
        public string Status { get; init; } = "";
        public Guid? ParentId { get; init; }
        public string Path { get; init; } = "";
    }
}
