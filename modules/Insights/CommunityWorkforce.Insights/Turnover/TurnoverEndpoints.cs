using CommunityWorkforce.Insights.Scope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Insights.Turnover;

internal static class TurnoverEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGroup("/insights").WithTags("Insights")
            .MapGet("/org-units/{id:guid}/turnover", Get).RequireAuthorization(Policies.Staff).WithName("GetTurnover");
    }

    /// <summary>Calendar years <paramref name="fromYear"/>..<paramref name="toYear"/> (default: the last five, this one included).</summary>
    private static async Task<Results<Ok<TurnoverResponse>, ValidationProblem, NotFound>> Get(Guid id, int? fromYear, int? toYear,
        InsightsScope scope, TurnoverReader reader, TimeProvider clock, CancellationToken ct)
    {
        var thisYear = LocalDate.Today(clock).Year;
        var to = toYear ?? thisYear;
        var from = fromYear ?? to - 4;
        var validator = new Validator().Range("toYear", toYear, 2000, thisYear).Range("fromYear", fromYear, 2000, thisYear)
            .Rule(from <= to && to - from < 20, "fromYear", Text.Of("起始年份须不晚于结束年份，且跨度不超过 20 年。", "fromYear must not be after toYear, and the span at most 20 years."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var unit = await scope.FindAsync(id, ct);
        return unit is null ? TypedResults.NotFound() : TypedResults.Ok(await reader.ReadAsync(unit, from, to, ct));
    }
}
