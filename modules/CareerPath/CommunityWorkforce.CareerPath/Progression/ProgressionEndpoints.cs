using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CareerPath.Progression;

/// <summary>年度等级晋升 — preview a run for a subtree and a day, read its explained results, apply it once.</summary>
internal static class ProgressionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/career/progression-runs").WithTags("Career progression");
        group.MapGet("/", List).RequireAuthorization(Policies.HrOrAdmin).WithName("ListProgressionRuns");
        group.MapPost("/", PreviewRun.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("PreviewProgressionRun");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.HrOrAdmin).WithName("GetProgressionRun");
        group.MapGet("/{id:guid}/results", Results).RequireAuthorization(Policies.HrOrAdmin).WithName("ListProgressionResults");
        group.MapPost("/{id:guid}/apply", ApplyRun.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("ApplyProgressionRun")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PagedResult<RunResponse>>, ValidationProblem>> List([AsParameters] PageQuery page, [AsParameters] RunListQuery filter,
        DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        validator.OneOf("status", filter.Status, RunStatus.All);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { Scope = user.ScopePattern, filter.Status, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(ProgressionSql.Count, args, ct);
        var rows = await db.QueryAsync<RunResponse>(ProgressionSql.List, args, ct);
        return TypedResults.Ok(new PagedResult<RunResponse>(rows, total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<RunResponse>, NotFound>> Get(Guid id, DbSession db, CurrentUser user, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<RunResponse>(ProgressionSql.Get, new { Id = id, Scope = user.ScopePattern }, ct) is { } run
            ? TypedResults.Ok(run) : TypedResults.NotFound();

    private static async Task<Results<Ok<PagedResult<RunResultResponse>>, ValidationProblem, NotFound>> Results(Guid id, [AsParameters] PageQuery page,
        [AsParameters] RunResultQuery filter, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await db.QuerySingleOrDefaultAsync<RunResponse>(ProgressionSql.Get, new { Id = id, Scope = user.ScopePattern }, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var args = new { Id = id, Steps = filter.Steps is null ? (int?)null : filter.Steps.Value ? 1 : 0, Q = page.QPattern, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(ProgressionSql.ResultCount, args, ct);
        var rows = await db.QueryAsync<RunResultResponse>(ProgressionSql.Results, args, ct);
        return TypedResults.Ok(new PagedResult<RunResultResponse>(rows, total, page.PageNumber, page.Size));
    }
}
