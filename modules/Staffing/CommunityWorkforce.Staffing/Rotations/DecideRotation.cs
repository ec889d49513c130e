using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Settings;
using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>The street-office leader's decision on a submitted rotation request: approve (the worker moves posts) or reject.</summary>
internal static class DecideRotation
{
    public static async Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Approve(
        Guid id, RotationDecisionRequest request, HttpContext http, [AsParameters] WriteContext write, IPostingCommands postings,
        IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Optional("comment", request.Comment, 500);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        // Read and checked before the write transaction, so that the SQLite write queue is held only for the change. A
        // submitted request does not change until it is decided or withdrawn, which the claim below detects; what may
        // change meanwhile around it (the posting's primary flag, the target unit's path) is read again inside.
        var row = await FindForLeader(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (!RotationTransitions.Allows(row.Status, RotationStatus.Approved, RotationTransitions.Actor.Leader))
        {
            return RotationEndpoints.NotAllowed(row.Status, RotationStatus.Approved);
        }
        await using var tx = await db.BeginAsync(ct);
        // Claim the request first, recording the posting it will start: a second, concurrent decision finds it no longer
        // submitted, and a refusal below rolls the claim back with everything else.
        var newPostingId = Guid.NewGuid();
        var decision = Decision(id, RotationStatus.Approved, request.Comment, expected.Value, user, ActingName.Of(http, user), newPostingId, clock);
        if (await db.ExecuteAsync(RotationSql.Decide, decision, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        // Staffing's own posting command, as another module (CareerPath's promotions) calls it: a refusal is a value.
        var moved = await postings.MoveAsync(new MovePostingCommand(row.FromPostingId, row.ToPostId, row.ProposedOn,
            PostingReasons.Rotation, newPostingId), ct);
        if (!moved.Succeeded)
        {
            return PostingService.Problem(moved.Refusal, row.ToPostTitle, deciding: true);
        }
        await audit.WriteAsync(new AuditEntry("staffing.rotation.approved", "rotation-request", id, row.WorkerPath,
            new { newPostingId, row.ToPostId, effectiveOn = row.ProposedOn }, request.Comment), ct);
        db.RaiseAfterCommit(new RotationApproved(id, row.WorkerId, row.FromPostingId, newPostingId, row.ProposedOn));
        await tx.CommitAsync(ct);
        // The one exception to "read back after commit": the claim above succeeded only on the submitted request read
        // before the transaction (a submitted request changes only by being decided or withdrawn), so the response is
        // that row with what this handler wrote — saving the nine-table read on the leader's busiest path.
        return TypedResults.Ok(Decided(mapper.Map<RotationRequestResponse>(row), decision) with { ToPostFilled = row.ToPostFilled + 1 });
    }

    public static async Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Reject(
        Guid id, RotationDecisionRequest request, HttpContext http, [AsParameters] WriteContext write, IMapper mapper,
        CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Required("comment", request.Comment, 500);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await FindForLeader(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (!RotationTransitions.Allows(row.Status, RotationStatus.Rejected, RotationTransitions.Actor.Leader))
        {
            return RotationEndpoints.NotAllowed(row.Status, RotationStatus.Rejected);
        }
        var decision = Decision(id, RotationStatus.Rejected, request.Comment, expected.Value, user, ActingName.Of(http, user), null, clock);
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(RotationSql.Decide, decision, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("staffing.rotation.rejected", "rotation-request", id, row.WorkerPath, null, request.Comment), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(Decided(mapper.Map<RotationRequestResponse>(row), decision));
    }

    /// <summary>The request as read before the decision, with what the decision wrote (the columns of <see cref="RotationSql.Decide"/>).</summary>
    private static RotationRequestResponse Decided(RotationRequestResponse before, DecisionArgs decision) => before with
    {
        Status = decision.To,
        DecidedByName = decision.DecidedByName,
        DecidedAt = decision.Now,
        DecisionComment = decision.Comment,
        NewPostingId = decision.NewPostingId,
        Version = before.Version + 1,
        UpdatedAt = decision.Now,
    };

    /// <summary>A leader decides only when both the worker and the target post lie in their scope.</summary>
    private static async Task<RotationRow?> FindForLeader(DbSession db, CurrentUser user, Guid id, CancellationToken ct)
    {
        var row = await RotationEndpoints.FindInScope(db, user, id, ct);
        return row is not null && user.CanSee(row.ToPath) ? row : null;
    }

    private static DecisionArgs Decision(Guid id, string to, string? comment, int? version, CurrentUser user, string name,
        Guid? newPostingId, TimeProvider clock) => new(id, to, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), version,
        user.AccountId, name, newPostingId, clock.GetUtcNow());

    private sealed record DecisionArgs(Guid Id, string To, string? Comment, int? Version, Guid? DecidedBy, string DecidedByName,
        Guid? NewPostingId, DateTimeOffset Now);
}
