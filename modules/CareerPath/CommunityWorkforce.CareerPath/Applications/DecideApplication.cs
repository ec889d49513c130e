using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.CareerPath.Levels;
using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.CareerPath.Applications;

/// <summary>
/// HR reviews (forward or reject); the street leader approves or rejects. On approval the grade history and, when the
/// post changes, Staffing's posting commit in one unit of work through <see cref="IPostingCommands"/>: a full post, or a
/// grade changed since the application, refuses the whole approval and nothing changes. Two approvals: the claim wins once.
/// </summary>
internal static class DecideApplication
{
    public static async Task<Results<Ok<ApplicationResponse>, NotFound, ProblemHttpResult>> Review(Guid id, ReviewApplicationRequest request,
        [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var found = await ApplicationLookup.Find(db, user, id, ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        if (found.Status != ApplicationStatus.Submitted)
        {
            return InvalidTransition(found.Status);
        }
        var to = request.Forward ? ApplicationStatus.Reviewed : ApplicationStatus.Rejected;
        await using (var tx = await db.BeginAsync(ct))
        {
            if (await db.ExecuteAsync(ApplicationSql.Review, new { Id = id, To = to, request.Note, request.Version, By = user.UserName, Now = clock.GetUtcNow() }, ct) != 1)
            {
                return Problems.StaleVersion(false);
            }
            await audit.WriteAsync(new AuditEntry("career.application.reviewed", "career-application", id, found.OrgPath, new { to, request.Note }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await ApplicationLookup.Find(db, user, id, ct))!);
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound, ProblemHttpResult>> Decide(Guid id, DecideApplicationRequest request,
        IPostingCommands postings, LadderStore ladders, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var found = await ApplicationLookup.Find(db, user, id, ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        if (found.Status != ApplicationStatus.Reviewed)
        {
            return InvalidTransition(found.Status);
        }
        var to = request.Approve ? ApplicationStatus.Approved : ApplicationStatus.Rejected;
        await using (var tx = await db.BeginAsync(ct))
        {
            if (await db.ExecuteAsync(ApplicationSql.Decide, new { Id = id, To = to, request.Note, request.Version, By = user.UserName, Now = clock.GetUtcNow() }, ct) != 1)
            {
                return Problems.StaleVersion(false);
            }
            Guid? postingId = null;
            if (request.Approve)
            {
                if (found.TargetPostId is { } postId)
                {
                    var from = await db.QuerySingleOrDefaultAsync<Guid?>(ApplicationSql.PrimaryPosting, new { found.WorkerId }, ct);
                    var reason = found.Kind == ApplicationKinds.Promotion ? "晋升" : "降级";
                    var result = from is { } fromPosting
                        ? await postings.MoveAsync(new MovePostingCommand(fromPosting, postId, found.EffectiveOn, reason), ct)
                        : await postings.StartAsync(new StartPostingCommand(found.WorkerId, postId, found.EffectiveOn, reason, true), ct);
                    if (!result.Succeeded)
                    {
                        return Refused(result.Refusal, found.TargetPostTitle ?? "");
                    }
                    postingId = result.PostingId;
                    await db.ExecuteAsync(ApplicationSql.SetPosting, new { Id = id, PostingId = postingId }, ct);
                }
                // The annual progression may have stepped the worker since the application: the post type must be the one
                // applied from, and a promotion never lowers the level reached meanwhile (kept inside the target band).
                var current = await CareerWorkerLookup.Current(db, found.WorkerId, ct);
                var band = (await ladders.InForceAsync(found.EffectiveOn, ct)).Band(found.ToPostType);
                var level = found.ToLevel;
                if (current is not null && band is not null && found.Kind == ApplicationKinds.Promotion && current.Level > found.FromLevel)
                {
                    level = Math.Max(level, Math.Min(current.Level, band.MaxLevel));
                }
                if (current is null || current.PostType != found.FromPostType
                    || await db.ExecuteAsync(CareerWorkerSql.EndCurrentIf, new { found.WorkerId, current.PostType, current.Level }, ct) != 1)
                {
                    return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("该人员的等级在申请后已变化，请重新申请。",
                        "The worker's grade changed since the application; file a new one."));
                }
                await db.ExecuteAsync(CareerWorkerSql.Insert, new
                {
                    Id = Guid.NewGuid(), found.WorkerId, PostType = found.ToPostType, Level = level, FromDate = found.EffectiveOn,
                    Reason = found.Reason, ReasonCode = found.Kind == ApplicationKinds.Promotion ? GradeReasons.Promotion : GradeReasons.Demotion,
                    SourceId = (Guid?)id, By = user.UserName, Now = clock.GetUtcNow(),
                }, ct);
            }
            await audit.WriteAsync(new AuditEntry("career.application.decided", "career-application", id, found.OrgPath,
                new { to, request.Note, postingId }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok((await ApplicationLookup.Find(db, user, id, ct))!);
    }

    private static ProblemHttpResult InvalidTransition(string status) => Problems.Conflict("urn:cw:problem:invalid-transition",
        Text.Of("当前状态不能执行此操作", "Invalid transition"), Text.Of($"申请当前状态为 {status}。", $"The application is {status}."));

    private static ProblemHttpResult Refused(PostingRefusal refusal, string postTitle) => refusal switch
    {
        PostingRefusal.HeadcountExceeded => Problems.Conflict(ProblemTypes.HeadcountExceeded, Text.Of("岗位编制已满", "Headcount exceeded"),
            Text.Of($"“{postTitle}”岗位的编制已满，暂不能批准该申请；等级和任职均未改变。",
                $"The post '{postTitle}' is full, so the application cannot be approved; neither grade nor posting changed.")),
        PostingRefusal.WorkerLeft => Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("人员已离职", "Worker has left")),
        PostingRefusal.AlreadyHolds => Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("已在该岗位任职", "Already holds the post")),
        PostingRefusal.PostingEnded => Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("原任职已结束", "Posting already ended")),
        _ => Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("岗位已撤销", "Post closed")),
    };
}
