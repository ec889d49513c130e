namespace CommunityWorkforce.Staffing.Contracts;

/// <summary>Why Staffing refused a posting command. A value for the caller to act on, never an HTTP result.</summary>
public enum PostingRefusal
{
    None,

    /// <summary>The target post is closed (撤销) or does not exist.</summary>
    PostClosed,

    /// <summary>The target post's quota (编制) is full.</summary>
    HeadcountExceeded,

    /// <summary>The worker already holds the target post.</summary>
    AlreadyHolds,

    /// <summary>The worker has left (离职).</summary>
    WorkerLeft,

    /// <summary>The posting to end or move from has already ended.</summary>
    PostingEnded,
}

/// <summary>What a posting command did: the posting it started, or why nothing changed.</summary>
public sealed record PostingResult(Guid? PostingId, PostingRefusal Refusal)
{
    public bool Succeeded => Refusal == PostingRefusal.None;

    public static PostingResult Done(Guid postingId) => new(postingId, PostingRefusal.None);

    public static PostingResult Refused(PostingRefusal refusal) => new(null, refusal);
}

/// <summary>Start a posting (任职) of a worker in a post.</summary>
/// <param name="IsPrimary">Null: primary when the worker has no primary posting yet.</param>
/// <param name="PostingId">The new posting's id, chosen by the caller so that it can record it in the same unit of work.</param>
public sealed record StartPostingCommand(Guid WorkerId, Guid PostId, DateOnly StartedOn, string Reason, bool? IsPrimary = null,
    Guid? PostingId = null);

/// <summary>
/// Move a worker from one posting to another post (a rotation, a promotion to another post type, a demotion): the old
/// posting ends the day before <paramref name="EffectiveOn"/> and the new one starts on it, keeping the primary flag;
/// a primary posting moves the worker to the new post's unit.
/// </summary>
public sealed record MovePostingCommand(Guid FromPostingId, Guid ToPostId, DateOnly EffectiveOn, string Reason,
    Guid? NewPostingId = null);

/// <summary>
/// Staffing's posting commands for other modules (CareerPath approves a promotion that changes a posting). Each joins
/// the caller's unit of work (<c>DbSession</c>): called inside the caller's transaction it commits or rolls back with it,
/// and a refusal leaves that transaction rollback-only, so it can never be committed by mistake. Quotas and states
/// are checked inside the transaction (the post's row read under <c>{updlock}</c>).
/// </summary>
public interface IPostingCommands
{
    Task<PostingResult> StartAsync(StartPostingCommand command, CancellationToken ct);

    Task<PostingResult> MoveAsync(MovePostingCommand command, CancellationToken ct);

    /// <summary>Ends an active posting on <paramref name="endedOn"/>; refused with <see cref="PostingRefusal.PostingEnded"/> when it is not active.</summary>
    Task<PostingResult> EndAsync(Guid postingId, DateOnly endedOn, string reason, CancellationToken ct);
}
