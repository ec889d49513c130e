using CommunityWorkforce.Training.Contracts;

namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>
/// 培养计划 — HR adds an item to an active member's development plan: a Training course (checked through
/// <see cref="ITrainingQueries"/>) or a rotation into a Staffing post (checked through Staffing's published post view, in scope).
/// </summary>
internal static class AddPlanItem
{
    public static async Task<Results<Created<PlanItemResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(Guid id, AddPlanItemRequest request,
        ITrainingQueries training, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var today = LocalDate.Today(clock);
        var validator = new Validator().Required("kind", request.Kind, 20).OneOf("kind", request.Kind, PlanItemKinds.All).Required("dueOn", request.DueOn)
            .Optional("note", request.Note, 1000)
            .Rule(request.DueOn is null || (request.DueOn >= today.AddYears(-1) && request.DueOn <= today.AddYears(5)), "dueOn",
                Text.Of("完成期限应在过去一年到未来五年之内。", "The due date must lie between a year ago and five years ahead."))
            .Rule(request.Kind != PlanItemKinds.Course || request.CourseId is not null, "courseId", Text.Of("请选择课程。", "Choose a course."))
            .Rule(request.Kind != PlanItemKinds.Rotation || request.PostId is not null, "postId", Text.Of("请选择轮岗岗位。", "Choose a post."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await ReserveLookup.FindAsync(db, user, id, ct) is not { } member)
        {
            return TypedResults.NotFound();
        }
        if (member.Status != ReserveStatus.Active)
        {
            return ReserveLookup.InvalidTransition(member.Status);
        }
        string title;
        if (request.Kind == PlanItemKinds.Course)
        {
            var course = await training.CourseAsync(request.CourseId!.Value, ct);
            if (course is null || course.Status != "active" || (course.AudienceOrgPath is { } audience && !member.OrgPath.StartsWith(audience, StringComparison.Ordinal)))
            {
                return validator.Add("courseId", Text.Of("课程不存在、已停用或不面向该人员所在单位。", "The course is unknown, retired or not offered to the member's unit.")).ToProblem();
            }
            title = $"{course.Code} {course.Title}";
        }
        else
        {
            var post = await db.QuerySingleOrDefaultAsync<ReservePost>(ReserveWriteSql.Post, new { request.PostId, Scope = user.ScopePattern }, ct);
            if (post is null || post.Status != "active")
            {
                return validator.Add("postId", Text.Of("岗位不存在、已撤销或不在您的管理范围内。", "The post is unknown, closed or outside your scope.")).ToProblem();
            }
            title = post.Title;
        }
        var itemId = Guid.NewGuid();
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        await using (var tx = await db.BeginAsync(ct))
        {
            var added = await db.ExecuteAsync(ReserveWriteSql.InsertPlanItem, new
            {
                Id = id, ItemId = itemId, request.Kind, CourseId = request.Kind == PlanItemKinds.Course ? request.CourseId : null,
                PostId = request.Kind == PlanItemKinds.Rotation ? request.PostId : null, Title = title, request.DueOn, Note = note, By = user.UserName, Now = clock.GetUtcNow(),
            }, ct);
            if (added != 1)
            {
                return ReserveLookup.InvalidTransition(ReserveStatus.Ended);
            }
            await audit.WriteAsync(new AuditEntry("career.reserve.plan-item-added", "career-reserve-plan-item", itemId, member.OrgPath,
                new { memberId = id, request.Kind, request.CourseId, request.PostId, request.DueOn, note }), ct);
            await tx.CommitAsync(ct);
        }
        var read = await db.QuerySingleOrDefaultAsync<PlanItemResponse>(ReserveWriteSql.PlanItem, new { Id = itemId, Scope = user.ScopePattern }, ct);
        return TypedResults.Created($"/api/career/reserve-plan-items/{itemId}", read!);
    }
}
