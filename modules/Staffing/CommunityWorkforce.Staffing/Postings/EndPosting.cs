using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Postings;

/// <summary>离任 — ends a worker's posting on a date.</summary>
internal static class EndPosting
{
    public static async Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
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
        var row = await db.QuerySingleOrDefaultAsync<PostingRow>(PostingSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
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
        await tx.CommitAsync(ct);
        var ended = await db.QuerySingleOrDefaultAsync<PostingRow>(PostingSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);
        return TypedResults.Ok(mapper.Map<PostingResponse>(ended));
    }
}
