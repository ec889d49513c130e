using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Settings;
using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>The requester's side of a rotation request: submit a draft, withdraw a draft or a submitted request.</summary>
internal static class RequesterRotationActions
{
    public static Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Submit(
        Guid id, RotationDecisionRequest request, HttpContext http, [AsParameters] WriteContext write, IMapper mapper,
        CancellationToken ct) =>
        Move(id, RotationStatus.Submitted, request, http, write, mapper, ct);

    public static Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, RotationDecisionRequest request, HttpContext http, [AsParameters] WriteContext write, IMapper mapper,
        CancellationToken ct) =>
        Move(id, RotationStatus.Withdrawn, request, http, write, mapper, ct);

    /// <summary>
    /// Requester-side transitions (submit, withdraw) by HR in scope or by the worker themself, in the one write shape:
    /// the request is read and the transition checked (<see cref="RotationTransitions"/>) before the transaction; the
    /// conditional write re-checks the status and version read; the result is read back after commit.
    /// </summary>
    private static async Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Move(
        Guid id, string toStatus, RotationDecisionRequest request, HttpContext http, WriteContext write, IMapper mapper,
        CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var row = await RotationEndpoints.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (!RotationTransitions.Allows(row.Status, toStatus, RotationTransitions.Actor.Requester))
        {
            return RotationEndpoints.NotAllowed(row.Status, toStatus);
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(RotationSql.Transition, new
            {
                Id = id, From = row.Status, To = toStatus, Version = expected.Value ?? row.Version,
                SubmittedAt = toStatus == RotationStatus.Submitted ? now : (DateTimeOffset?)null, Now = now,
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        // A requester's comment on submitting or withdrawing is kept with the change, not dropped.
        await audit.WriteAsync(new AuditEntry($"staffing.rotation.{toStatus}", "rotation-request", id, row.WorkerPath,
            new { from = row.Status, to = toStatus }, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim()), ct);
        await tx.CommitAsync(ct);
        var updated = await RotationEndpoints.FindInScope(db, user, id, ct);
        return TypedResults.Ok(mapper.Map<RotationRequestResponse>(updated));
    }
}
