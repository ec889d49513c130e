using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CareerPath.Applications;

/// <summary>
/// 能上能下 — promotion and demotion applications. The leader's approvals inbox lists <c>?status=reviewed</c> (waiting for
/// the leader) in their scope, next to rotations.
/// </summary>
internal static class ApplicationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/career/applications").WithTags("Career applications");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListCareerApplications");
        group.MapPost("/", FileApplication.Handle).RequireAuthorization(Policies.HrAdminOrWorker).WithName("FileCareerApplication")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetCareerApplication");
        group.MapPost("/{id:guid}/review", DecideApplication.Review).RequireAuthorization(Policies.HrOrAdmin).WithName("ReviewCareerApplication")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/decide", DecideApplication.Decide).RequireAuthorization(Policies.Leader).WithName("DecideCareerApplication")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PagedResult<ApplicationResponse>>, ValidationProblem>> List([AsParameters] PageQuery page,
        [AsParameters] ApplicationListQuery query, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        validator.OneOf("status", query.Status, ApplicationStatus.All).OneOf("kind", query.Kind, ApplicationKinds.All);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = ApplicationLookup.ListArgs(user, query, page);
        var total = await db.ExecuteScalarAsync<int>(ApplicationSql.Count, args, ct);
        var rows = await db.QueryAsync<ApplicationResponse>(ApplicationSql.List, args, ct);
        return TypedResults.Ok(new PagedResult<ApplicationResponse>(rows, total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<ApplicationResponse>, NotFound>> Get(Guid id, DbSession db, CurrentUser user, CancellationToken ct) =>
        await ApplicationLookup.Find(db, user, id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
}
