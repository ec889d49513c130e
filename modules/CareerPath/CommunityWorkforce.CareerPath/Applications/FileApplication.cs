using CommunityWorkforce.CareerPath.Ladder;
using CommunityWorkforce.CareerPath.Levels;
using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.CareerPath.Applications;

/// <summary>晋升/降级申请 — HR (or the worker, for their own promotion) files a step; the worker may have one open at a time.</summary>
internal static class FileApplication
{
    public static async Task<Results<Created<ApplicationResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(FileApplicationRequest request,
        LadderStore ladders, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var today = LocalDate.Today(clock);
        var validator = new Validator().OneOf("kind", request.Kind, ApplicationKinds.All).OneOf("toPostType", request.ToPostType, PostTypes.All)
            .Required("reason", request.Reason, 1000)
            .Rule(request.EffectiveOn >= today.AddDays(-366) && request.EffectiveOn <= today.AddDays(366), "effectiveOn",
                Text.Of("生效日期应在一年之内。", "The effective date must lie within a year of today."));
        if (user.Role == Roles.Worker)
        {
            validator.Rule(request.WorkerId == user.WorkerId, "workerId", Text.Of("只能为本人申请。", "Workers apply for themselves only."))
                .Rule(request.Kind == ApplicationKinds.Promotion, "kind", Text.Of("本人只能申请晋升。", "Workers apply for promotions only."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await CareerWorkerLookup.FindInScope(db, user, request.WorkerId, ct) is not { } worker)
        {
            return TypedResults.NotFound();
        }
        if (worker.HasLeft)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("该人员已离职。", "The worker has left."));
        }
        if (await CareerWorkerLookup.Current(db, worker.Id, ct) is not { } current)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("该人员尚未定级，请先登记等级。", "The worker has no grade yet; record one first."));
        }
        var ladder = await ladders.InForceAsync(request.EffectiveOn, ct);
        var band = ladder.Band(request.ToPostType)!;
        var toLevel = request.ToLevel ?? Math.Clamp(current.Level, band.MinLevel, band.MaxLevel);
        if (toLevel < band.MinLevel || toLevel > band.MaxLevel)
        {
            return validator.Add("toLevel", Text.Of($"{band.NameZh}的等级应在 {band.MinLevel} 到 {band.MaxLevel} 级之间。",
                $"The level must lie in the band {band.MinLevel}–{band.MaxLevel}.")).ToProblem();
        }
        var rank = PostTypes.All.Count - PostTypes.All.ToList().IndexOf(request.ToPostType);
        var fromRank = PostTypes.All.Count - PostTypes.All.ToList().IndexOf(current.PostType);
        var up = rank > fromRank || (rank == fromRank && toLevel > current.Level);
        var down = rank < fromRank || (rank == fromRank && toLevel < current.Level);
        if (request.Kind == ApplicationKinds.Promotion ? !up : !down)
        {
            return validator.Add("toPostType", Text.Of(request.Kind == ApplicationKinds.Promotion ? "晋升的目标应高于现岗位等级。" : "降级的目标应低于现岗位等级。",
                "The target must be above (promotion) or below (demotion) the grade in force.")).ToProblem();
        }
        if (request.TargetPostId is { } postId)
        {
            var post = await db.QuerySingleOrDefaultAsync<TargetPost>(ApplicationSql.TargetPost, new { PostId = postId, Scope = user.Role == Roles.Worker ? "/%" : user.ScopePattern }, ct);
            if (post is null || post.Status != "active" || post.PostType != request.ToPostType)
            {
                return validator.Add("targetPostId", Text.Of("目标岗位不存在、已撤销或岗位类型不符。", "The target post is unknown, closed or of another post type.")).ToProblem();
            }
        }
        var id = Guid.NewGuid();
        await using (var tx = await db.BeginAsync(ct))
        {
            var filed = await db.ExecuteAsync(ApplicationSql.Insert, new
            {
                Id = id, WorkerId = worker.Id, worker.OrgUnitId, worker.OrgPath, request.Kind, request.TargetStage, FromPostType = current.PostType,
                FromLevel = current.Level, request.ToPostType, ToLevel = toLevel, request.TargetPostId, request.EffectiveOn, request.Reason,
                By = user.UserName, user.Role, Now = clock.GetUtcNow(),
            }, ct);
            if (filed == 0)
            {
                return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("该人员已有待处理的申请。", "The worker already has an open application."));
            }
            await audit.WriteAsync(new AuditEntry("career.application.filed", "career-application", id, worker.OrgPath,
                new { request.WorkerId, request.Kind, request.ToPostType, toLevel, request.TargetPostId, request.EffectiveOn }), ct);
            await tx.CommitAsync(ct);
        }
        var read = await ApplicationLookup.Find(db, user, id, ct);
        return TypedResults.Created($"/api/career/applications/{id}", read!);
    }
}

internal static class ApplicationLookup
{
    public static Task<ApplicationResponse?> Find(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ApplicationResponse>(ApplicationSql.Get, new { Id = id, Scope = user.WorkerPathScope, user.OnlyWorkerId }, ct);

    public static object ListArgs(CurrentUser user, ApplicationListQuery q, PageQuery page) => new
    {
        Scope = user.WorkerPathScope, user.OnlyWorkerId, q.Status, q.Kind, q.WorkerId, page.Skip, Take = page.Size,
    };
}
