using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Training.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Training.Certificates;

/// <summary>
/// 证书 — social-work qualifications with their 3-year registration and the continuing-education rule, other certificates,
/// those expiring soon, and the certification rate against the city's target.
/// </summary>
internal static class CertificateEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["expiresOn"] = "t.expires_on",
        ["issuedOn"] = "t.issued_on",
        ["workerName"] = "w.name",
        ["staffNo"] = "w.staff_no",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/training/certificates").WithTags("Training certificates");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListTrainingCertificates");
        group.MapGet("/rate", Rate).RequireAuthorization(Policies.Staff).WithName("GetCertificationRate");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetTrainingCertificate");
        group.MapPost("/", RecordCertificate.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("RecordTrainingCertificate")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PagedResult<CertificateResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] CertificateListQuery filter, DbSession db, CurrentUser user,
        TrainingSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("kind", filter.Kind, CertificateKinds.All).Range("expiringWithinDays", filter.ExpiringWithinDays, 1, 3650);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var today = LocalDate.Today(clock);
        var args = CertificateLookup.ListArgs(user, filter, page, today);
        var (countSql, listSql) = CertificateSql.For(filter);
        var total = await db.ExecuteScalarAsync<int>(countSql, args, ct);
        var rows = await db.QueryAsync<CertificateRow>(PagedSql.WithOrderBy(listSql, page.OrderBy(Sortable, "expiresOn", "t.id")), args, ct);
        var s = await settings.GetAsync(ct);
        return TypedResults.Ok(new PagedResult<CertificateResponse>(rows.Select(r => CertificateLookup.ToResponse(r, s, today)).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<CertificateResponse>, NotFound>> Get(Guid id, DbSession db, CurrentUser user, TrainingSettingsStore settings,
        TimeProvider clock, CancellationToken ct) =>
        await CertificateLookup.Find(db, user, settings, LocalDate.Today(clock), id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Ok<CertificationRateResponse>, NotFound>> Rate(Guid? orgUnitId, DbSession db, CurrentUser user,
        IOrgUnitDirectory units, TrainingSettingsStore settings, CancellationToken ct)
    {
        var unitPath = "/";
        if (orgUnitId is { } id)
        {
            var unit = await units.FindAsync(id, ct);
            if (unit is null || !user.CanSee(unit.Path))
            {
                return TypedResults.NotFound();
            }
            unitPath = unit.Path;
        }
        var row = (await db.QuerySingleOrDefaultAsync<RateRow>(CertificateSql.Rate, new { Scope = user.ScopePattern, UnitPath = unitPath + "%" }, ct))!;
        var target = (await settings.GetAsync(ct)).CertificationTargetRate;
        return TypedResults.Ok(new CertificationRateResponse
        {
            Workers = row.Workers, Certified = row.Certified, Target = target,
            Rate = row.Workers == 0 ? 0 : Math.Round((decimal)row.Certified / row.Workers, 4),
        });
    }
}
