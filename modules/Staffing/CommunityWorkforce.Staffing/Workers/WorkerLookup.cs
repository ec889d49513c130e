namespace CommunityWorkforce.Staffing.Workers;

/// <summary>Workers as the other features of Staffing look them up: hr/leader/admin within scope, a worker only themself.</summary>
internal static class WorkerLookup
{
    /// <summary>The worker when the caller may see them; null otherwise (the caller answers 404).</summary>
    public static Task<WorkerRow?> FindInScope(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<WorkerRow>(WorkerSql.Get, new { Id = id, Scope = user.ScopePattern, user.OnlyWorkerId }, ct);

    /// <summary>A worker's own record, for their self-service pages and data download.</summary>
    public static Task<WorkerRow?> FindSelf(DbSession db, Guid workerId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<WorkerRow>(WorkerSql.Get, new { Id = workerId, ScopeArgs.Self(workerId).Scope, OnlyWorkerId = workerId }, ct);
}
