using CommunityWorkforce.Staffing.Posts;

namespace CommunityWorkforce.Staffing.Postings;

/// <summary>
/// Starts and ends postings inside the caller's transaction. The headcount check and the insert happen in the same
/// transaction, with the post's row locked first, so two requests can never both take the last place.
/// </summary>
internal sealed class PostingService(DbSession db, AuditWriter audit, Workers.RosterIndex index, TimeProvider clock)
{
    /// <param name="refreshPostTypes">False when the caller writes the worker's post types itself next, in the same
    /// transaction (a move of the primary posting: <see cref="Workers.RosterIndex.PlaceAsync"/>).</param>
    public async Task<(Guid? PostingId, PostingRefusal Refusal)> StartAsync(Guid workerId, Guid postId, DateOnly startedOn,
        string reason, bool? isPrimary, string orgPath, CancellationToken ct, Guid? postingId = null, bool refreshPostTypes = true)
    {
        var check = await db.QuerySingleOrDefaultAsync<StartCheck>(PostingSql.StartChecks, new { PostId = postId, WorkerId = workerId }, ct);
        if (check is null)
        {
            return (null, PostingRefusal.PostClosed);
        }
        if (check.WorkerStatus is null or Workers.WorkerRules.Left)
        {
            return (null, PostingRefusal.WorkerLeft);
        }
        if (check.Held > 0)
        {
            return (null, PostingRefusal.AlreadyHolds);
        }
        if (check.Filled >= check.Quota)
        {
            return (null, PostingRefusal.HeadcountExceeded);
        }
        var now = clock.GetUtcNow();
        var hasPrimary = check.Primaries > 0;
        var primary = isPrimary ?? !hasPrimary;
        if (primary && hasPrimary)
        {
            await db.ExecuteAsync(PostingSql.ClearPrimary, new { WorkerId = workerId, Now = now }, ct);
        }
        var id = postingId ?? Guid.NewGuid();
        await db.ExecuteAsync(PostingSql.Insert, new
        {
            Id = id, WorkerId = workerId, PostId = postId, StartedOn = startedOn, Reason = reason, IsPrimary = primary, Now = now,
        }, ct);
        if (refreshPostTypes)
        {
            await index.RefreshPostTypesAsync(workerId, ct);
        }
        await audit.WriteAsync(new AuditEntry("staffing.posting.started", "posting", id, orgPath,
            new { workerId, postId, startedOn, reason, isPrimary = primary }), ct);
        return (id, PostingRefusal.None);
    }

    /// <summary>Ends an active posting; false when it is no longer active or the version is stale.</summary>
    /// <param name="refreshPostTypes">False when a posting of the same worker starts next in the same transaction (which refreshes them).</param>
    public async Task<bool> EndAsync(Guid postingId, DateOnly endedOn, string endReason, int? version, string? orgPath, CancellationToken ct,
        bool refreshPostTypes = true)
    {
        var changed = await db.ExecuteAsync(PostingSql.End, new
        {
            Id = postingId, EndedOn = endedOn, EndReason = endReason, Version = version, Now = clock.GetUtcNow(),
        }, ct);
        if (changed == 1)
        {
            if (refreshPostTypes)
            {
                await index.RefreshPostTypesOfPostingAsync(postingId, ct);
            }
            await audit.WriteAsync(new AuditEntry("staffing.posting.ended", "posting", postingId, orgPath, new { endedOn, endReason }), ct);
        }
        return changed == 1;
    }

    /// <summary>
    /// The refusal as a problem. <paramref name="deciding"/>: the caller is the leader deciding a rotation, who cannot
    /// change quotas, so the detail says what they can do instead.
    /// </summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(PostingRefusal refusal, string postTitle, bool deciding = false) => refusal switch
    {
        PostingRefusal.HeadcountExceeded when deciding => Problems.Conflict(ProblemTypes.HeadcountExceeded,
            Text.Of("岗位编制已满", "Headcount exceeded"),
            Text.Of($"“{postTitle}”岗位的编制已满，暂不能同意该轮岗。您可以驳回申请并说明原因，或请人事专员调整编制后再审批。",
                $"The post '{postTitle}' is full, so the rotation cannot be approved now. Reject it with a reason, or ask HR to raise the quota and decide again.")),
        PostingRefusal.HeadcountExceeded => Problems.Conflict(ProblemTypes.HeadcountExceeded,
            Text.Of("岗位编制已满", "Headcount exceeded"),
            Text.Of($"“{postTitle}”岗位的编制已满，不能再安排人员。请先调整编制或结束现有任职。",
                $"The post '{postTitle}' is full; raise its quota or end a posting first.")),
        PostingRefusal.WorkerLeft => Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("人员已离职", "Worker has left"),
            Text.Of("已离职人员不能任职。", "A worker who left cannot be posted.")),
        PostingRefusal.PostingEnded => Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("原任职已结束", "Posting already ended"),
            Text.Of("原任职已经结束，不能再调整。", "The posting has already ended.")),
        PostingRefusal.AlreadyHolds => Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("已在该岗位任职", "Already holds the post"),
            Text.Of("该人员已在此岗位任职。", "The worker already holds this post.")),
        _ => Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("岗位已撤销", "Post closed"),
            Text.Of("不能安排到已撤销的岗位。", "The post is closed.")),
    };
}

/// <summary>What <see cref="PostingSql.StartChecks"/> reads.</summary>
internal sealed class StartCheck
{
    public int Quota { get; init; }
    public string? WorkerStatus { get; init; }
    public int Filled { get; init; }
    public int Held { get; init; }
    public int Primaries { get; init; }
}
