using Microsoft.AspNetCore.Builder;
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
        group.MapPost("/", CreateOrgUnit.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateOrgUnit")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateOrgUnit.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateOrgUnit")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/move", MoveOrgUnit.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("MoveOrgUnit")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/close", CloseOrgUnit.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("CloseOrgUnit")
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
