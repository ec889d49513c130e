using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Postings;

/// <summary>任职 — who holds which post from when to when; filling beyond the quota is refused.</summary>
internal static class PostingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/postings").WithTags("Postings");
        group.MapPost("/", StartPosting.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("CreatePosting")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/end", EndPosting.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("EndPosting")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/staffing/workers/{id:guid}/postings", ByWorker).RequireAuthorization(Policies.AnyRole)
            .WithTags("Postings").WithName("ListWorkerPostings");
        api.MapGet("/staffing/posts/{id:guid}/postings", ByPost).RequireAuthorization(Policies.Staff)
            .WithTags("Postings").WithName("ListPostPostings");
    }

    private static async Task<Results<Ok<List<PostingResponse>>, NotFound>> ByWorker(
        Guid id, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        if (await WorkerLookup.FindInScope(db, user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var rows = await db.QueryAsync<PostingRow>(PostingSql.ByWorker, new { WorkerId = id, Scope = user.ScopePattern, user.OnlyWorkerId }, ct);
        return TypedResults.Ok(mapper.Map<List<PostingResponse>>(rows));
    }

    private static async Task<Results<Ok<List<PostingResponse>>, NotFound>> ByPost(
        Guid id, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        if (await PostLookup.FindInScope(db, user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var rows = await db.QueryAsync<PostingRow>(PostingSql.ByPost, new { PostId = id, Scope = user.ScopePattern }, ct);
        return TypedResults.Ok(mapper.Map<List<PostingResponse>>(rows));
    }


}
