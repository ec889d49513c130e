namespace CommunityWorkforce.BuildingBlocks.Security;

/// <summary>
/// The two arguments every scoped query filters with: <c>@Scope</c>, an org-path LIKE pattern, and
/// <c>@OnlyWorkerId</c>, the one worker a worker-role caller may see (null for every other role). Pass it to Dapper
/// as is when a statement needs nothing else.
/// </summary>
public sealed record ScopeArgs(string Scope, Guid? OnlyWorkerId)
{
    /// <summary>A pattern no org path matches (paths start with <c>/</c>): the path side of a scope that sees no unit.</summary>
    public const string NoPath = "-none-";

    /// <summary>The caller's own scope.</summary>
    public static ScopeArgs For(CurrentUser user) => new(user.ScopePattern, user.OnlyWorkerId);

    /// <summary>Exactly one worker's own records, whatever the caller's role (their self-service pages, their data download).</summary>
    public static ScopeArgs Self(Guid workerId) => new(NoPath, workerId);
}
