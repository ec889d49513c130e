using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Postings;

/// <summary>
/// <see cref="IPostingCommands"/>: Staffing's posting changes for other modules and for its own rotations. Each command
/// is an inner unit of work of the caller's: it commits only its part, and a refusal disposes it uncommitted, which
/// leaves the caller's transaction rollback-only (<see cref="DbSession.RollbackOnly"/>).
/// </summary>
internal sealed class PostingCommands(DbSession db, PostingService postings, RosterIndex index) : IPostingCommands
{
    public async Task<PostingResult> StartAsync(StartPostingCommand command, CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        var path = await db.QuerySingleOrDefaultAsync<string>(PostingSql.PostPath, new { command.PostId }, ct);
        var (id, refusal) = await postings.StartAsync(command.WorkerId, command.PostId, command.StartedOn, command.Reason,
            command.IsPrimary, path ?? "", ct, command.PostingId);
        if (id is null)
        {
            return PostingResult.Refused(refusal);
        }
        await tx.CommitAsync(ct);
        return PostingResult.Done(id.Value);
    }

    public async Task<PostingResult> MoveAsync(MovePostingCommand command, CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        var facts = await db.QuerySingleOrDefaultAsync<MoveFacts>(PostingSql.MoveFacts, new { command.FromPostingId, command.ToPostId }, ct);
        if (facts is null)
        {
            return PostingResult.Refused(PostingRefusal.PostClosed);
        }
        // The worker's post types are written once for both changes: by the start below, or with the worker's new unit.
        if (!await postings.EndAsync(command.FromPostingId, command.EffectiveOn.AddDays(-1), command.Reason, null, facts.WorkerPath, ct,
                refreshPostTypes: false))
        {
            return PostingResult.Refused(PostingRefusal.PostingEnded);
        }
        var (id, refusal) = await postings.StartAsync(facts.WorkerId, command.ToPostId, command.EffectiveOn, command.Reason,
            facts.IsPrimary, facts.ToPath, ct, command.NewPostingId, refreshPostTypes: !facts.IsPrimary);
        if (id is null)
        {
            return PostingResult.Refused(refusal);
        }
        if (facts.IsPrimary)
        {
            await index.PlaceAsync(facts.WorkerId, facts.ToOrgUnitId, facts.ToPath, facts.WorkerPath, ct);
        }
        await tx.CommitAsync(ct);
        return PostingResult.Done(id.Value);
    }

    public async Task<PostingResult> EndAsync(Guid postingId, DateOnly endedOn, string reason, CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        var path = await db.QuerySingleOrDefaultAsync<string>(PostingSql.WorkerPathOfPosting, new { PostingId = postingId }, ct);
        if (!await postings.EndAsync(postingId, endedOn, reason, null, path, ct))
        {
            return PostingResult.Refused(PostingRefusal.PostingEnded);
        }
        await tx.CommitAsync(ct);
        return PostingResult.Done(postingId);
    }

    private sealed class MoveFacts
    {
        public Guid WorkerId { get; init; }
        public bool IsPrimary { get; init; }
        public string WorkerPath { get; init; } = "";
        public Guid ToOrgUnitId { get; init; }
        public string ToPath { get; init; } = "";
    }
}
