using CommunityWorkforce.Insights.Scope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Insights.Transfers;

/// <summary>
/// 调配建议 — within a street or a district, the moves that close the most of the gap against the norms at the least
/// disruption. Read-only: HR files a chosen move through Staffing's rotation requests (<c>POST /api/staffing/rotation-requests</c>).
/// </summary>
internal static class TransferEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGroup("/insights").WithTags("Insights")
            .MapGet("/org-units/{id:guid}/transfer-suggestions", Get).RequireAuthorization(Policies.Staff).WithName("GetTransferSuggestions");
    }

    private static async Task<Results<Ok<TransferPlan>, ValidationProblem, NotFound>> Get(Guid id, InsightsScope scope, TransferPlanner planner, CancellationToken ct)
    {
        var unit = await scope.FindAsync(id, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        if (unit.Level is not (OrgLevels.Street or OrgLevels.District))
        {
            return new Validator().Add("id", Text.Of("调配建议按街道或区计算，请选择街道或区。", "Transfer suggestions are computed for a street or a district.")).ToProblem();
        }
        return TypedResults.Ok(await planner.PlanAsync(unit, ct));
    }
}
