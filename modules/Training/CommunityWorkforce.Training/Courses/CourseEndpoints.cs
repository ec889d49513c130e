using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Training.Courses;

/// <summary>课程目录 — the training catalogue: HR keeps it; everyone reads what is meant for their part of the city.</summary>
internal static class CourseEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["code"] = "c.code",
        ["title"] = "c.title",
        ["category"] = "c.category",
        ["hours"] = "c.hours",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/training/courses").WithTags("Training courses");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListTrainingCourses");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetTrainingCourse");
        group.MapPost("/", SaveCourse.Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateTrainingCourse")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", SaveCourse.Update).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateTrainingCourse")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<PagedResult<CourseResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] CourseListQuery filter, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("category", filter.Category, CourseCategories.All)
            .OneOf("delivery", filter.Delivery, Deliveries.All)
            .OneOf("status", filter.Status, ["active", "retired", "all"]);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new
        {
            Scope = user.ScopePattern, MyPath = CourseLookup.MyPath(user), filter.Category, filter.Delivery, filter.Mandatory,
            filter.CompetencyCode, Status = filter.Status switch { null => "active", "all" => null, var s => s },
            Q = page.QPattern, page.Skip, Take = page.Size,
        };
        var total = await db.ExecuteScalarAsync<int>(CourseSql.Count, args, ct);
        var rows = await db.QueryAsync<CourseRow>(PagedSql.WithOrderBy(CourseSql.List, page.OrderBy(Sortable, "code", "c.id")), args, ct);
        var competencies = await CourseLookup.CompetenciesOf(db, rows.Select(r => r.Id), ct);
        return TypedResults.Ok(new PagedResult<CourseResponse>(rows.Select(r => r.ToResponse(competencies)).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<CourseResponse>, NotFound>> Get(Guid id, HttpContext http, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var course = await CourseLookup.Response(db, user, id, ct);
        if (course is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, course.Version);
        return TypedResults.Ok(course);
    }
}
