using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CareerPath.Ladder;

/// <summary>岗位等级序列 — the ladder in force on a day, its versions, and HR/admin changing it from a date.</summary>
internal static class LadderEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/career/ladder").WithTags("Career ladder");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyRole).WithName("GetCareerLadder");
        group.MapGet("/versions", Versions).RequireAuthorization(Policies.HrOrAdmin).WithName("ListCareerLadderVersions");
        group.MapPut("/", Save).RequireAuthorization(Policies.HrOrAdmin).WithName("SaveCareerLadder")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The ladder in force on <paramref name="on"/> (today when omitted).</summary>
    private static async Task<Ok<LadderConfig>> Get(DateOnly? on, LadderStore store, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await store.InForceAsync(on ?? LocalDate.Today(clock), ct));

    private static async Task<Ok<IReadOnlyList<LadderVersionSummary>>> Versions(LadderStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.VersionsAsync(ct));

    /// <summary>Saves the ladder applying from <c>effectiveFrom</c>: version 0 adds that date, otherwise updates it at its version.</summary>
    private static async Task<Results<Ok<LadderConfig>, ValidationProblem, ProblemHttpResult>> Save(
        LadderConfig request, LadderStore store, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, _) = write;
        var validator = new Validator();
        validator.Rule(request.EffectiveFrom >= new DateOnly(1990, 1, 1) && request.EffectiveFrom <= new DateOnly(2100, 1, 1), "effectiveFrom",
            Text.Of("生效日期不合理。", "Implausible effective date."));
        request.Validate(validator);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        if (!await store.SaveAsync(request, user.UserName, ct))
        {
            return Problems.StaleVersion(false);
        }
        await audit.WriteAsync(new AuditEntry("career.ladder.saved", "career-ladder", null, "/", request with { Version = 0 }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await store.InForceAsync(request.EffectiveFrom, ct));
    }
}
