using CommunityWorkforce.Staffing.OrgUnits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Posts;

/// <summary>岗位与编制 — posts and their headcount quotas. Quota changes are audited with a reason.</summary>
internal static class PostEndpoints
{
    private static IReadOnlyDictionary<string, string> Sortable => PostListRequest.Sortable;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/posts").WithTags("Posts");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListPosts");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetPost");
        group.MapGet("/export", ExportPosts.Handle).RequireAuthorization(Policies.Staff).WithName("ExportPosts")
            .Produces(StatusCodes.Status200OK, contentType: ExportPosts.Xlsx);
        group.MapGet("/open-for-me", OpenForMe).RequireAuthorization(Policies.AnyRole).WithName("ListPostsOpenForMe");
        group.MapPost("/", CreatePost.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("CreatePost")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdatePost.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdatePost")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/close", ClosePost.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("ClosePost")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<PagedResult<PostResponse>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, [AsParameters] PostListQuery filter, DbSession db, CurrentUser user, IMapper mapper,
        CancellationToken ct)
    {
        var validator = PostListRequest.Check(new Validator(), page, filter);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await PostListRequest.ResolveAsync(db, user, page, filter, ct) is not { } request)
        {
            return TypedResults.NotFound();
        }
        var total = await db.ExecuteScalarAsync<int>(PostSql.Count, request.Args, ct);
        var rows = await db.QueryAsync<PostRow>(request.PageSql, request.Args, ct);
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




}

public sealed record VersionOnlyRequest
{
    public int? Version { get; init; }
}
