using CommunityWorkforce.Insights.Scope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Insights.Forecast;

/// <summary>需求预测 — retirements, other leavers with an interval, the need against the norm and the succession pipeline.</summary>
internal static class ForecastEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGroup("/insights").WithTags("Insights")
            .MapGet("/org-units/{id:guid}/forecast", Get).RequireAuthorization(Policies.Staff).WithName("GetWorkforceForecast");
    }

    private static async Task<Results<Ok<ForecastResponse>, ValidationProblem, NotFound>> Get(Guid id, int? years, InsightsScope scope,
        ForecastReader reader, CancellationToken ct)
    {
        var validator = new Validator().Range("years", years, 1, 10);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var unit = await scope.FindAsync(id, ct);
        return unit is null ? TypedResults.NotFound() : TypedResults.Ok(await reader.ReadAsync(unit, years ?? ForecastReader.DefaultHorizon, ct));
    }
}
