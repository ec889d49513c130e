using AutoMapper;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Postings;

/// <summary>任职 — who holds which post from when to when; filling beyond the quota is refused.</summary>
internal static class PostingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/postings").WithTags("Postings");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreatePosting")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/end", End).RequireAuthorization(Policies.HrOrAdmin).WithName("EndPosting")
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

    private static async Task<Results<Created<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CreatePostingRequest request, DbSession db, CurrentUser user, PostingService postings, IMapper mapper,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator()
            .Required("workerId", request.WorkerId)
            .Required("postId", request.PostId)
            .Required("startedOn", request.StartedOn)
            .Required("reason", request.Reason, 20).OneOf("reason", request.Reason, PostingReasons.Start);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        // Visibility and the rules on what the caller sees are checked before the write transaction, so that the SQLite
        // write queue is held only for the change; PostingService re-checks what can change meanwhile (post open, quota,
        // worker not left, not already held) in the transaction.
        var worker = await WorkerLookup.FindInScope(db, user, request.WorkerId!.Value, ct);
        var post = await PostLookup.FindInScope(db, user, request.PostId!.Value, ct);
        if (worker is null || post is null)
        {
            return TypedResults.NotFound();
        }
        if (worker.Status == WorkerRules.Left)
        {
            return PostingService.Problem(PostingRefusal.WorkerLeft, post.Title);
        }
        if (request.StartedOn < worker.HireDate)
        {
            return new Validator().Add("startedOn", Text.Of("任职开始日期不能早于入职日期。", "A posting cannot start before the hire date.")).ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var (postingId, refusal) = await postings.StartAsync(worker.Id, post.Id, request.StartedOn!.Value, request.Reason!,
            request.IsPrimary, post.OrgPath, ct);
        if (postingId is null)
        {
            return PostingService.Problem(refusal, post.Title);
        }
        await tx.CommitAsync(ct);
        // Read back after the commit: the write queue is not held for a read.
        var row = await db.QuerySingleOrDefaultAsync<PostingRow>(PostingSql.Get, new { Id = postingId, Scope = user.ScopePattern }, ct);
        return TypedResults.Created($"/api/staffing/postings/{postingId}", mapper.Map<PostingResponse>(row));
    }

    private static async Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> End(
        Guid id, EndPostingRequest request, HttpContext http, DbSession db, CurrentUser user, PostingService postings,
        IMapper mapper, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("endedOn", request.EndedOn)
            .Required("endReason", request.EndReason, 20).OneOf("endReason", request.EndReason, PostingReasons.End)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<PostingRow>(PostingSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.EndedOn is not null)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("任职已结束", "Posting already ended"),
                Text.Of("该任职已经结束。", "This posting has already ended."));
        }
        if (request.EndedOn < row.StartedOn)
        {
            return new Validator().Add("endedOn", Text.Of("结束日期不能早于开始日期。", "The end cannot precede the start.")).ToProblem();
        }
        if (!await postings.EndAsync(id, request.EndedOn!.Value, request.EndReason!, expected.Value, null, ct))
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        var ended = await db.QuerySingleOrDefaultAsync<PostingRow>(PostingSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(mapper.Map<PostingResponse>(ended));
    }
}
