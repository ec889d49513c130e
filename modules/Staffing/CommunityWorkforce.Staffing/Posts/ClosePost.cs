using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Posts;

/// <summary>Closes a post that nobody holds, re-checked under the post's lock.</summary>
internal static class ClosePost
{
    public static async Task<Results<Ok<PostResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, VersionOnlyRequest request, HttpContext http, [AsParameters] WriteContext write,
        IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
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
}
