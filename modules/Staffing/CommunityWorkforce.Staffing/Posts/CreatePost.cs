using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Posts;

/// <summary>设岗 — HR creates a post with its quota (编制) in a unit of their scope.</summary>
internal static class CreatePost
{
    public static async Task<Results<Created<PostResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        CreatePostRequest request, [AsParameters] WriteContext write, IMapper mapper,
        CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator()
            .Required("orgUnitId", request.OrgUnitId)
            .Required("postType", request.PostType, 20).OneOf("postType", request.PostType, PostTypes.All)
            .Required("title", request.Title, 100)
            .Required("quota", request.Quota).Range("quota", request.Quota, 0, 1000);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var unit = await OrgUnitLookup.FindInScope(db, user, request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
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
        await tx.CommitAsync(ct);
        var row = await PostLookup.FindInScope(db, user, id, ct);
        return TypedResults.Created($"/api/staffing/posts/{id}", mapper.Map<PostResponse>(row));
    }
}
