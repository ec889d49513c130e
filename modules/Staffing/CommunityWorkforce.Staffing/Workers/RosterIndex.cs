namespace CommunityWorkforce.Staffing.Workers;

/// <summary>
/// The one owner of what the roster keeps copied onto a worker for fast lists (ADR 0004): the org path (on the worker
/// and on each name n-gram), the name n-grams, their status, and the post-type bits. Every change that moves, renames,
/// posts or changes the status of a worker calls here, inside its transaction, so the copies never drift.
/// </summary>
internal sealed class RosterIndex(DbSession db, TimeProvider clock)
{
    /// <summary>(Re)writes the name's n-grams, which the roster's name search reads; the worker row must be written.</summary>
    public async Task IndexNameAsync(Guid workerId, string name, CancellationToken ct)
    {
        await db.ExecuteAsync(WorkerSql.DeleteGrams, new { WorkerId = workerId }, ct);
        await db.ExecuteAsync(WorkerSql.InsertGram,
            RosterSearch.Grams(name).Select(g => new { Gram = g, WorkerId = workerId }), ct);
    }

    /// <summary>The worker now belongs to <paramref name="orgUnitId"/> (their primary posting moved there).</summary>
    public async Task PlaceAsync(Guid workerId, Guid orgUnitId, string orgPath, CancellationToken ct)
    {
        await db.ExecuteAsync(WorkerSql.SetOrgUnit, new { Id = workerId, OrgUnitId = orgUnitId, OrgPath = orgPath, Now = clock.GetUtcNow() }, ct);
        await db.ExecuteAsync(WorkerSql.SetGramsPath, new { WorkerId = workerId, OrgPath = orgPath }, ct);
    }

    /// <summary>A whole subtree moved: every worker's and n-gram's copy of the path follows.</summary>
    public async Task MoveSubtreeAsync(object move, CancellationToken ct)
    {
        await db.ExecuteAsync(WorkerSql.MoveOrgPaths, move, ct);
        await db.ExecuteAsync(WorkerSql.MoveGramPaths, move, ct);
    }

    public Task SetStatusAsync(Guid workerId, string status, CancellationToken ct) =>
        db.ExecuteAsync(WorkerSql.SetGramsStatus, new { WorkerId = workerId, Status = status }, ct);

    /// <summary>Recomputes the post types the worker holds now, after a posting started or ended.</summary>
    public Task RefreshPostTypesAsync(Guid workerId, CancellationToken ct) =>
        db.ExecuteAsync(WorkerSql.RefreshPostTypes, new { WorkerId = workerId }, ct);

    public Task RefreshPostTypesOfPostingAsync(Guid postingId, CancellationToken ct) =>
        db.ExecuteAsync(WorkerSql.RefreshPostTypesOfPosting, new { PostingId = postingId }, ct);
}
