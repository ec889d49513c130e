using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Postings;

/// <summary>任职 — puts a worker on a post within its quota (through IPostingCommands).</summary>
internal static class StartPosting
{
    public static async Task<Results<Created<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
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
}
