namespace CommunityWorkforce.Training.Workers;

/// <summary>A worker as Training sees them, read from Staffing's published views.</summary>
internal sealed class TrainingWorker
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string Status { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string? PostType { get; init; }

    public bool HasLeft => Status == "left";
}

/// <summary>Worker reads every Training feature uses: only through <c>staffing_v_*</c> views, always scoped.</summary>
internal static class TrainingWorkerLookup
{
    /// <summary>The caller sees workers in their subtree; a worker only themself.</summary>
    public static Task<TrainingWorker?> FindInScope(DbSession db, CurrentUser user, Guid workerId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<TrainingWorker>(TrainingWorkerSql.Get,
            new { WorkerId = workerId, Scope = user.WorkerPathScope, user.OnlyWorkerId }, ct);

    /// <summary>Each of <paramref name="ids"/> in scope, or null when any is not visible.</summary>
    public static async Task<IReadOnlyList<TrainingWorker>?> FindManyInScope(DbSession db, CurrentUser user, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new List<TrainingWorker>();
        foreach (var id in ids.Distinct())
        {
            if (await FindInScope(db, user, id, ct) is not { } worker)
            {
                return null;
            }
            found.Add(worker);
        }
        return found;
    }

    /// <summary>Active workers of a unit's subtree (within the caller's scope), optionally of one post type: a group to enrol.</summary>
    public static Task<IReadOnlyList<TrainingWorker>> Group(DbSession db, CurrentUser user, string unitPath, string? postType, CancellationToken ct) =>
        db.QueryAsync<TrainingWorker>(TrainingWorkerSql.Group, new { Scope = user.WorkerPathScope, UnitPath = unitPath + "%", PostType = postType }, ct);
}

internal static class TrainingWorkerSql
{
    private const string Columns = """
        w.worker_id AS Id, w.name, w.staff_no AS StaffNo, w.status, w.org_path AS OrgPath,
        (SELECT MIN(p.post_type) FROM staffing_v_current_postings p WHERE p.worker_id = w.worker_id AND p.is_primary = 1) AS PostType
        """;

    public const string Get = "SELECT " + Columns + """
         FROM staffing_v_worker_scope w
        WHERE w.worker_id = @WorkerId AND ({scope:w.org_path} OR w.worker_id = @OnlyWorkerId)
        """;

    public const string Group = "SELECT " + Columns + """
         FROM staffing_v_worker_scope w
        WHERE {scope:w.org_path} AND {scope:w.org_path:@UnitPath} AND w.status <> 'left'
          AND (@PostType IS NULL OR EXISTS (SELECT 1 FROM staffing_v_current_postings p
              WHERE p.worker_id = w.worker_id AND p.is_primary = 1 AND p.post_type = @PostType))
        ORDER BY w.staff_no
        """;
}
