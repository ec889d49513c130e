using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.Training.Courses;

/// <summary>
/// 设课 — HR adds or changes a course. HR keeps courses for their own subtree (the audience defaults to their unit);
/// city-wide courses are the administrator's.
/// </summary>
internal static class SaveCourse
{
    public static async Task<Results<Created<CourseResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        SaveCourseRequest request, [AsParameters] WriteContext write, IOrgUnitDirectory units, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator();
        CourseRules.Validate(validator, request);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var audience = await Audience(units, user, request.AudienceOrgUnitId, ct);
        if (audience is null)
        {
            return TypedResults.NotFound();
        }
        var id = Guid.NewGuid();
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(CourseSql.CodeExists, new { Code = request.Code!.Trim(), Id = id }, ct) > 0)
        {
            return DuplicateCode(request.Code!);
        }
        await db.ExecuteAsync(CourseSql.Insert, Args(request, id, audience.Value, clock, status: "active", version: null, isDemo: false), ct);
        await WriteCompetencies(db, id, request, ct);
        await audit.WriteAsync(new AuditEntry("training.course.created", "training-course", id, audience.Value.Path ?? "/",
            new { request.Code, request.Title, request.Category, request.Hours, request.Mandatory, request.RecurrenceMonths }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/training/courses/{id}", (await CourseLookup.Response(db, user, id, ct))!);
    }

    public static async Task<Results<Ok<CourseResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, SaveCourseRequest request, HttpContext http, [AsParameters] WriteContext write, IOrgUnitDirectory units, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Version(expected).OneOf("status", request.Status, ["active", "retired"]);
        CourseRules.Validate(validator, request);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var existing = await CourseLookup.FindVisible(db, user, id, ct);
        if (existing is null)
        {
            return TypedResults.NotFound();
        }
        if (!CanManage(user, existing.AudienceOrgPath))
        {
            return Problems.Forbidden(Text.Of("全市课程由系统管理员维护。", "City-wide courses are kept by the administrator."));
        }
        var audience = await Audience(units, user, request.AudienceOrgUnitId, ct);
        if (audience is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(CourseSql.CodeExists, new { Code = request.Code!.Trim(), Id = id }, ct) > 0)
        {
            return DuplicateCode(request.Code!);
        }
        var changed = await db.ExecuteAsync(CourseSql.Update,
            Args(request, id, audience.Value, clock, request.Status ?? existing.Status, expected.Value, isDemo: false), ct);
        if (changed == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await db.ExecuteAsync(CourseSql.DeleteCompetencies, new { Id = id }, ct);
        await WriteCompetencies(db, id, request, ct);
        await audit.WriteAsync(new AuditEntry("training.course.updated", "training-course", id, audience.Value.Path ?? "/",
            new { request.Code, request.Title, request.Category, request.Hours, request.Mandatory, request.RecurrenceMonths, request.Status }), ct);
        await tx.CommitAsync(ct);
        var course = (await CourseLookup.Response(db, user, id, ct))!;
        ExpectedVersion.SetETag(http, course.Version);
        return TypedResults.Ok(course);
    }

    /// <summary>Admin manages every course; HR those whose audience lies in their subtree.</summary>
    internal static bool CanManage(CurrentUser user, string? audiencePath) =>
        user.IsAdmin || (audiencePath is not null && user.CanSee(audiencePath));

    /// <summary>The audience unit (id and path), or null when it is not visible. Without one: the city for admin, HR's own unit for HR.</summary>
    private static async Task<(Guid? Id, string? Path)?> Audience(IOrgUnitDirectory units, CurrentUser user, Guid? unitId, CancellationToken ct)
    {
        var id = unitId ?? (user.IsAdmin ? null : user.OrgUnitId);
        if (id is null)
        {
            return user.IsAdmin ? (null, null) : null;
        }
        var unit = await units.FindAsync(id.Value, ct);
        return unit is null || !user.CanSee(unit.Path) ? null : (unit.Id, unit.Path);
    }

    private static object Args(SaveCourseRequest r, Guid id, (Guid? Id, string? Path) audience, TimeProvider clock, string status, int? version, bool isDemo) => new
    {
        Id = id, Code = r.Code!.Trim(), Title = r.Title!.Trim(), r.Category, r.Delivery, r.Hours, Description = r.Description?.Trim(),
        Mandatory = r.Mandatory ?? false, r.RecurrenceMonths, OpenEnrolment = r.OpenEnrolment ?? false,
        AudiencePostTypes = CourseRules.JoinPostTypes(r.AudiencePostTypes), AudienceOrgUnitId = audience.Id, AudienceOrgPath = audience.Path,
        Status = status, Version = version, IsDemo = isDemo, Now = clock.GetUtcNow(),
    };

    private static async Task WriteCompetencies(DbSession db, Guid id, SaveCourseRequest request, CancellationToken ct)
    {
        foreach (var c in request.Competencies ?? [])
        {
            await db.ExecuteAsync(CourseSql.InsertCompetency, new { CourseId = id, CompetencyCode = c.CompetencyCode!.Trim(), c.TargetLevel }, ct);
        }
    }

    private static ProblemHttpResult DuplicateCode(string code) => Problems.Conflict(ProblemTypes.Duplicate,
        Text.Of("课程编号重复", "Duplicate course code"),
        Text.Of($"课程编号“{code.Trim()}”已存在。", $"Course code '{code.Trim()}' already exists."),
        new Dictionary<string, object?> { ["field"] = "code" });
}
