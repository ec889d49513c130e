using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Posts;

/// <summary>Changes a post's title, type or quota; a quota below the posts filled is refused under the post's lock.</summary>
internal static class UpdatePost
{
    public static async Task<Results<Ok<PostResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, UpdatePostRequest request, HttpContext http, [AsParameters] WriteContext write,
        IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
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
}
