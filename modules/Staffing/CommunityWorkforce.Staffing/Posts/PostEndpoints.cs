using AutoMapper;
using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Staffing.OrgUnits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Posts;

/// <summary>岗位与编制 — posts and their headcount quotas. Quota changes are audited with a reason.</summary>
internal static class PostEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["orgUnit"] = "u.path",
        ["title"] = "p.title",
        ["postType"] = "p.post_type",
        ["quota"] = "p.quota",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/posts").WithTags("Posts");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListPosts");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetPost");
        group.MapGet("/open-for-me", OpenForMe).RequireAuthorization(Policies.AnyRole).WithName("ListPostsOpenForMe");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreatePost")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdatePost")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/close", Close).RequireAuthorization(Policies.HrOrAdmin).WithName("ClosePost")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<PagedResult<PostResponse>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, [AsParameters] PostListQuery filter, DbSession db, CurrentUser user, IMapper mapper,
        CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("postType", filter.PostType, PostTypes.All).OneOf("status", filter.Status, ["active", "closed", "all"]);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        string? unitPath = null;
        if (filter.OrgUnitId is { } orgUnitId)
        {
            var unit = await OrgUnitLookup.FindInScope(db, user, orgUnitId, ct);
            if (unit is null)
            {
                return TypedResults.NotFound();
            }
            unitPath = unit.Path + "%";
        }
        var args = new
        {
            Scope = user.ScopePattern,
            UnitPath = unitPath,
            filter.PostType,
            Status = filter.Status == "all" ? null : filter.Status ?? "active",
            Q = page.QPattern,
            HasVacancy = filter.HasVacancy == true ? 1 : 0,
            page.Skip,
            Take = page.Size,
        };
        var total = await db.ExecuteScalarAsync<int>(PostSql.Count, args, ct);
        var rows = await db.QueryAsync<PostRow>(PagedSql.WithOrderBy(PostSql.List, page.OrderBy(Sortable, "orgUnit", "p.post_type, p.title, p.id")), args, ct);
        return TypedResults.Ok(new PagedResult<PostResponse>(mapper.Map<List<PostResponse>>(rows), total, page.PageNumber, page.Size));
    }

    /// <summary>
    /// Posts with a free place in the caller's own street (街道): what a worker may ask to rotate into. Accounts not
    /// linked to a roster record get 404.
    /// </summary>
    private static async Task<Results<Ok<PagedResult<PostResponse>>, ValidationProblem, NotFound>> OpenForMe(
        [AsParameters] PageQuery page, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var me = user.WorkerId is { } workerId
            ? await Workers.WorkerLookup.FindSelf(db, workerId, ct)
            : null;
        if (me is null)
        {
            return TypedResults.NotFound();
        }
        var args = new
        {
            Scope = OrgUnitLookup.StreetPathOf(me.OrgPath) + "%", UnitPath = (string?)null, PostType = (string?)null,
            Status = "active", Q = page.QPattern, HasVacancy = 1, page.Skip, Take = page.Size,
        };
        var total = await db.ExecuteScalarAsync<int>(PostSql.Count, args, ct);
        var rows = await db.QueryAsync<PostRow>(PagedSql.WithOrderBy(PostSql.List, page.OrderBy(Sortable, "orgUnit", "p.post_type, p.title, p.id")), args, ct);
        return TypedResults.Ok(new PagedResult<PostResponse>(mapper.Map<List<PostResponse>>(rows), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<PostResponse>, NotFound>> Get(
        Guid id, HttpContext http, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        var row = await PostLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(mapper.Map<PostResponse>(row));
    }

    private static async Task<Results<Created<PostResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CreatePostRequest request, DbSession db, CurrentUser user, AuditWriter audit, IMapper mapper, TimeProvider clock,
        CancellationToken ct)
    {
        var validator = new Validator()
            .Required("orgUnitId", request.OrgUnitId)
            .Required("postType", request.PostType, 20).OneOf("postType", request.PostType, PostTypes.All)
            .Required("title", request.Title, 100)
            .Required("quota", request.Quota).Range("quota", request.Quota, 0, 1000);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var unit = await OrgUnitLookup.FindInScope(db, user, request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        if (unit.Status != OrgUnitRules.Active)
        {
            return new Validator().Add("orgUnitId", Text.Of("单位已撤销。", "The unit is closed.")).ToProblem();
        }
        var title = request.Title!.Trim();
        if (await db.ExecuteScalarAsync<int>(PostSql.TitleExists, new { OrgUnitId = unit.Id, Title = title, Id = Guid.Empty }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("岗位重复", "Duplicate post"),
                Text.Of($"{unit.Name}已有“{title}”岗位。", $"{unit.Name} already has a post '{title}'."),
                new Dictionary<string, object?> { ["field"] = "title" });
        }
        var id = Guid.NewGuid();
        await db.ExecuteAsync(PostSql.Insert, new { Id = id, OrgUnitId = unit.Id, request.PostType, Title = title, request.Quota, Now = clock.GetUtcNow() }, ct);
        await audit.WriteAsync(new AuditEntry("staffing.post.created", "post", id, unit.Path, new { title, request.PostType, request.Quota }), ct);
        var row = await PostLookup.FindInScope(db, user, id, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/staffing/posts/{id}", mapper.Map<PostResponse>(row));
    }

    private static async Task<Results<Ok<PostResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, UpdatePostRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("title", request.Title, 100)
            .Required("quota", request.Quota).Range("quota", request.Quota, 0, 1000)
            .Optional("reason", request.Reason, 500)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await PostLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (request.Quota != row.Quota && string.IsNullOrWhiteSpace(request.Reason))
        {
            return new Validator().Add("reason", Text.Of("调整编制数须填写原因。", "A quota change needs a reason.")).ToProblem();
        }
        var title = request.Title!.Trim();
        await using var tx = await db.BeginAsync(ct);
        // Re-checked under the post's lock: a posting may have filled a place since the caller looked.
        var headcount = await db.QuerySingleOrDefaultAsync<HeadcountForChange>(PostSql.HeadcountForChange, new { Id = id }, ct);
        if (headcount is null)
        {
            return TypedResults.NotFound();
        }
        if (request.Quota < headcount.Filled)
        {
            return QuotaBelowFilled(headcount.Filled);
        }
        if (title != row.Title && await db.ExecuteScalarAsync<int>(PostSql.TitleExists, new { row.OrgUnitId, Title = title, Id = id }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("岗位重复", "Duplicate post"),
                Text.Of($"{row.OrgUnitName}已有“{title}”岗位。", $"{row.OrgUnitName} already has a post '{title}'."),
                new Dictionary<string, object?> { ["field"] = "title" });
        }
        if (await db.ExecuteAsync(PostSql.Update, new { Id = id, Title = title, request.Quota, Version = expected.Value, Now = clock.GetUtcNow() }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry(request.Quota != row.Quota ? "staffing.post.quota-changed" : "staffing.post.updated",
            "post", id, row.OrgPath, new { before = new { row.Title, row.Quota }, after = new { title, request.Quota } }, request.Reason), ct);
        await tx.CommitAsync(ct);
        var updated = await PostLookup.FindInScope(db, user, id, ct);
        ExpectedVersion.SetETag(http, updated!.Version);
        return TypedResults.Ok(mapper.Map<PostResponse>(updated));
    }

    private static ProblemHttpResult QuotaBelowFilled(int filled) => Problems.Conflict("urn:cw:problem:quota-below-filled",
        Text.Of("编制数低于在岗人数", "Quota below headcount"),
        Text.Of($"该岗位现有 {filled} 人在岗，编制数不能少于在岗人数。", $"{filled} people hold this post; the quota cannot be lower."),
        new Dictionary<string, object?> { ["field"] = "quota", ["filled"] = filled });

    private static async Task<Results<Ok<PostResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Close(
        Guid id, VersionOnlyRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        if (expected.Value is null)
        {
            return new Validator().Version(expected).ToProblem();
        }
        var row = await PostLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        var headcount = await db.QuerySingleOrDefaultAsync<HeadcountForChange>(PostSql.HeadcountForChange, new { Id = id }, ct);
        if (headcount is null)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        if (headcount.Filled > 0)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("岗位仍有人在岗", "Post still held"),
                Text.Of("请先结束该岗位上的全部任职。", "End every posting in this post first."));
        }
        if (await db.ExecuteAsync(PostSql.Close, new { Id = id, Version = expected.Value, Now = clock.GetUtcNow() }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("staffing.post.closed", "post", id, row.OrgPath, new { row.Title }), ct);
        await tx.CommitAsync(ct);
        var closed = await PostLookup.FindInScope(db, user, id, ct);
        return TypedResults.Ok(mapper.Map<PostResponse>(closed));
    }

    /// <summary>What <see cref="PostSql.HeadcountForChange"/> reads.</summary>
    private sealed class HeadcountForChange
    {
        public int Version { get; init; }
        public int Filled { get; init; }
    }
}

public sealed record VersionOnlyRequest
{
    public int? Version { get; init; }
}
