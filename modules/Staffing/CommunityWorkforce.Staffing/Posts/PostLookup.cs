namespace CommunityWorkforce.Staffing.Posts;

/// <summary>Posts as the other features of Staffing look them up: within the caller's scope.</summary>
internal static class PostLookup
{
    /// <summary>The post when its unit lies in the caller's scope; null otherwise (the caller answers 404).</summary>
    public static Task<PostRow?> FindInScope(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<PostRow>(PostSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);
}
