using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Settings;

/// <summary>The city's staffing configuration: read by every staff role, changed by admin.</summary>
internal static class SettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/settings").WithTags("Settings");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyRole).WithName("GetStaffingSettings");
        group.MapPut("/", Put).RequireAuthorization(Policies.Admin).WithName("UpdateStaffingSettings")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Ok<StaffingSettings>> Get(StaffingSettingsStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(ct));

    private static async Task<Results<Ok<StaffingSettings>, ValidationProblem, ProblemHttpResult>> Put(
        StaffingSettings request, HttpContext http, DbSession db, StaffingSettingsStore store, AuditWriter audit, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version == 0 ? null : request.Version);
        var validator = new Validator()
            .Range("rotationThresholdYears", request.RotationThresholdYears, 1, 30)
            .OneOf("normMethod", request.NormMethod, ["population", "households"])
            .Range("normPerTenThousandResidents", request.NormPerTenThousandResidents, 1, 1000)
            .Range("normBaseStaff", request.NormBaseStaff, 1, 100)
            .Range("normBaseHouseholds", request.NormBaseHouseholds, 1, 1_000_000)
            .Range("normStepHouseholds", request.NormStepHouseholds, 1, 1_000_000)
            .Range("normStepUntilHouseholds", request.NormStepUntilHouseholds, 1, 1_000_000)
            .Range("normStepAfterHouseholds", request.NormStepAfterHouseholds, 1, 1_000_000)
            .Required("postTypeHeadName", request.PostTypeHeadName, 20)
            .Required("postTypeDeputyName", request.PostTypeDeputyName, 20)
            .Required("postTypeStaffName", request.PostTypeStaffName, 20)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var before = await store.GetAsync(ct);
        if (!await store.SaveAsync(request, expected.Value!.Value, ct))
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("staffing.settings.updated", "settings", null, null, new { before, after = request }), ct);
        var saved = await store.GetAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(saved);
    }
}
