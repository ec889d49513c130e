using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Performance.Templates;

/// <summary>考核模板 — per post type, owned by an org unit; a cycle uses the nearest template above its unit.</summary>
internal static class TemplateEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name", ["postType"] = "post_type", ["updatedAt"] = "updated_at",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/performance/templates").WithTags("Performance templates");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListAppraisalTemplates");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetAppraisalTemplate");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateAppraisalTemplate")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateAppraisalTemplate")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static TemplateResponse ToResponse(TemplateRow row) => new()
    {
        Id = row.Id, OrgUnitId = row.OrgUnitId, OrgPath = row.OrgPath, PostType = row.PostType, Name = row.Name,
        DepartmentShare = row.DepartmentShare, Indicators = TemplateLookup.Indicators(row.Indicators), Version = row.Version, UpdatedAt = row.UpdatedAt,
    };

    private static async Task<Results<Ok<PagedResult<TemplateResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, string? postType, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("postType", postType, PostTypes.All);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { Scope = user.ScopePattern, PostType = postType, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(TemplateSql.Count, args, ct);
        var rows = await db.QueryAsync<TemplateRow>(PagedSql.WithOrderBy(TemplateSql.List, page.OrderBy(Sortable, "name", "id")), args, ct);
        return TypedResults.Ok(new PagedResult<TemplateResponse>(rows.Select(ToResponse).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<TemplateResponse>, NotFound>> Get(Guid id, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<TemplateRow>(TemplateSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(row));
    }

    private static async Task<Results<Created<TemplateResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        TemplateRequest request, [AsParameters] WriteContext write, IOrgUnitDirectory units, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var indicators = request.Indicators ?? [];
        var validator = new Validator().Required("orgUnitId", request.OrgUnitId).OneOf("postType", request.PostType, PostTypes.All);
        TemplateRules.Check(validator, request.Name, request.DepartmentShare, indicators);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var unit = await units.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null || !user.CanSee(unit.Path))
        {
            return TypedResults.NotFound();
        }
        var id = Guid.NewGuid();
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(TemplateSql.Exists, new { OrgUnitId = unit.Id, request.PostType }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("模板已存在", "Template exists"),
                Text.Of($"{unit.Name}已有该岗位类别的考核模板，请修改原模板。", $"{unit.Name} already has a template for this post type; edit it instead."));
        }
        await db.ExecuteAsync(TemplateSql.Insert, new
        {
            Id = id, OrgUnitId = unit.Id, OrgPath = unit.Path, request.PostType, Name = request.Name.Trim(), request.DepartmentShare,
            Indicators = JsonSerializer.Serialize(indicators, Json), Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("performance.template.created", "appraisal-template", id, unit.Path, request), ct);
        await tx.CommitAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<TemplateRow>(TemplateSql.ById, new { Id = id }, ct);
        return TypedResults.Created($"/api/performance/templates/{id}", ToResponse(row!));
    }

    private static async Task<Results<Ok<TemplateResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, TemplateRequest request, HttpContext http, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var indicators = request.Indicators ?? [];
        var validator = new Validator().Version(expected);
        TemplateRules.Check(validator, request.Name, request.DepartmentShare, indicators);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await db.QuerySingleOrDefaultAsync<TemplateRow>(TemplateSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(TemplateSql.Update, new
            {
                Id = id, Name = request.Name.Trim(), request.DepartmentShare, Indicators = JsonSerializer.Serialize(indicators, Json),
                Now = clock.GetUtcNow(), Version = expected.Value,
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("performance.template.updated", "appraisal-template", id, row.OrgPath,
            new { before = ToResponse(row), after = request }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(ToResponse((await db.QuerySingleOrDefaultAsync<TemplateRow>(TemplateSql.ById, new { Id = id }, ct))!));
    }
}
