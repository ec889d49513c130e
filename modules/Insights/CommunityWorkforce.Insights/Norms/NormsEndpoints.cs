using CommunityWorkforce.Insights.Scope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Insights.Norms;

/// <summary>配备对标 — every unit of a subtree against its staffing norm: the tree and the ranked list.</summary>
internal static class NormsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGroup("/insights").WithTags("Insights")
            .MapGet("/org-units/{id:guid}/norms", Get).RequireAuthorization(Policies.Staff).WithName("GetStaffingAgainstNorms");
    }

    private static async Task<Results<Ok<NormsResponse>, NotFound>> Get(Guid id, InsightsScope scope, NormsReader reader, CancellationToken ct)
    {
        var unit = await scope.FindAsync(id, ct);
        return unit is null ? TypedResults.NotFound() : TypedResults.Ok(await reader.ReadAsync(unit, ct));
    }
}
