namespace CommunityWorkforce.Staffing.Workers;

/// <summary>
/// The one owner of what the roster keeps copied onto a worker for fast lists (ADR 0004): the org path on the worker,
/// the name n-grams with the worker's street, staff number and status, and the post-type bits. Every change that moves,
/// renames, posts or changes the status of a worker calls here, inside its transaction, so the copies never drift.
/// </summary>
internal sealed class RosterIndex(DbSession db, TimeProvider clock)
{
    /// <summary>A street's depth in the org tree (city 1, district 2, street 3; communities and centres below).</summary>
    public const int StreetDepth = 3;

    /// <summary>
    /// The street a path lies in, which the name n-grams carry: the path cut after its street, or the path itself for a
    /// street or a wider unit. Moves within a street (every rotation a street's leader approves) leave it unchanged.
    /// </summary>
    public static string StreetPathOf(string path)
    {
        var slashes = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '/' && ++slashes == StreetDepth + 1)
            {
                return path[..(i + 1)];
            }
        }
        return path;
    }

    /// <summary>Writes a new worker's name n-grams, which the roster's name search reads; the worker row must be written.</summary>
    public Task IndexNewNameAsync(Guid workerId, string name, string orgPath, CancellationToken ct) =>
        db.ExecuteAsync(WorkerSql.InsertGram,
            RosterSearch.Grams(name).Select(g => new { Gram = g, StreetPath = StreetPathOf(orgPath), WorkerId = workerId }), ct);

    /// <summary>Rewrites a renamed worker's name n-grams (in their street as it is inside the transaction).</summary>
    public async Task IndexNameAsync(Guid workerId, string name, CancellationToken ct)
    {
        var path = await db.QuerySingleOrDefaultAsync<string>(WorkerSql.OrgPathOf, new { WorkerId = workerId }, ct)
                   ?? throw new InvalidOperationException($"Worker {workerId} must be written before its name is indexed.");
        await db.ExecuteAsync(WorkerSql.DeleteGrams, new { WorkerId = workerId }, ct);
        await IndexNewNameAsync(workerId, name, path, ct);
    }

    /// <summary>
    /// The worker now belongs to <paramref name="orgUnitId"/> at <paramref name="orgPath"/> (their primary posting moved
    /// there from <paramref name="fromPath"/>, their org path inside the transaction), holding the post types their active
    /// postings give them now: one write of the worker row for both. Their n-grams are rewritten only when the move leaves
    /// their street (a rotation within a street, the common case, writes none and reads none).
    /// </summary>
    public async Task PlaceAsync(Guid workerId, Guid orgUnitId, string orgPath, string fromPath, CancellationToken ct)
    {
        await db.ExecuteAsync(WorkerSql.Place, new { Id = workerId, OrgUnitId = orgUnitId, OrgPath = orgPath, Now = clock.GetUtcNow() }, ct);
        var street = StreetPathOf(orgPath);
        if (street != StreetPathOf(fromPath))
        {
            await db.ExecuteAsync(WorkerSql.SetGramsStreet, new { WorkerId = workerId, StreetPath = street }, ct);
        }
    }

    /// <summary>A whole subtree moved (from <paramref name="oldPath"/> to <paramref name="newPath"/>): every worker's copy of the path and their n-grams' street follow.</summary>
    public async Task MoveSubtreeAsync(string oldPath, string newPath, CancellationToken ct)
    {
        var move = new { NewPath = newPath, OldPathLength = oldPath.Length, OldPathPattern = oldPath + "%" };
        await db.ExecuteAsync(WorkerSql.MoveOrgPaths, move, ct);
        if (StreetPathOf(oldPath) == oldPath)
        {
            // A street or a district: the street paths below it start with its path.
            await db.ExecuteAsync(WorkerSql.MoveGramStreets, move, ct);
        }
        else
        {
            await db.ExecuteAsync(WorkerSql.SetGramStreetsOfSubtree,
                new { NewStreetPath = StreetPathOf(newPath), NewPathPattern = newPath + "%" }, ct);
        }
    }

    public Task SetStatusAsync(Guid workerId, string status, CancellationToken ct) =>
        db.ExecuteAsync(WorkerSql.SetGramsStatus, new { WorkerId = workerId, Status = status }, ct);

    /// <summary>Recomputes the post types the worker holds now, after a posting started or ended.</summary>
    public Task RefreshPostTypesAsync(Guid workerId, CancellationToken ct) =>
        db.ExecuteAsync(WorkerSql.RefreshPostTypes, new { WorkerId = workerId }, ct);

    public Task RefreshPostTypesOfPostingAsync(Guid postingId, CancellationToken ct) =>
        db.ExecuteAsync(WorkerSql.RefreshPostTypesOfPosting, new { PostingId = postingId }, ct);
}
