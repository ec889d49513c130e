using CommunityWorkforce.CareerPath.Progression;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>A member of the reserve-cadre pool (后备干部).</summary>
public sealed record ReserveMemberResponse
{
    public Guid MemberId { get; init; }
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public string TargetStage { get; init; } = "";
    public string Status { get; init; } = "";
    public DateOnly? TermStart { get; init; }
    public DateOnly? TermEnd { get; init; }
    public DateOnly? ReviewOn { get; init; }
}

/// <summary>One unit's succession risk: heads and deputies reaching retirement within the horizon against ready reserves.</summary>
public sealed record SuccessionRiskResponse
{
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public int Leaders { get; init; }
    public int Retiring { get; init; }
    public int ReadyReserves { get; init; }
    public bool AtRisk { get; init; }

    /// <summary>Who retires when, e.g. "王芳（正职）2027-03-01".</summary>
    public IReadOnlyList<string> RetiringPeople { get; init; } = [];
}

internal static class ReserveSql
{
    public const string Pool = """
        SELECT r.member_id AS MemberId, r.worker_id AS WorkerId, p.staff_no AS StaffNo, p.name AS Name, r.org_unit_id AS OrgUnitId, r.org_path AS OrgPath,
               r.target_stage AS TargetStage, r.status AS Status, r.term_start AS TermStart, r.term_end AS TermEnd, r.review_on AS ReviewOn
        FROM career_v_reserve_pool r JOIN staffing_v_worker_profile p ON p.worker_id = r.worker_id
        WHERE {scope:r.org_path} AND (@Status IS NULL OR r.status = @Status) AND (@DueBy IS NULL OR r.review_on <= @DueBy)
        ORDER BY r.review_on, p.staff_no
        """;

    /// <summary>Heads and deputies in post in the subtree, with what their retirement date needs (set-wise, one query).</summary>
    public const string Leaders = """
        SELECT c.org_unit_id AS OrgUnitId, u.name AS OrgUnitName, u.path AS OrgPath, c.post_type AS PostType, p.name AS Name,
               p.birth_date AS BirthDate, p.gender AS Gender
        FROM staffing_v_current_postings c
        JOIN staffing_v_worker_profile p ON p.worker_id = c.worker_id
        JOIN staffing_v_org_units u ON u.id = c.org_unit_id
        WHERE {scope:u.path} AND c.post_type IN ('head', 'deputy') AND p.status <> 'left'
        """;

    public const string ActiveReserves = """
        SELECT r.org_path AS OrgPath FROM career_v_reserve_pool r WHERE {scope:r.org_path} AND r.status = 'active'
        """;
}

/// <summary>后备干部 and 接班风险 — the reserve pool of a subtree and each unit's succession risk.</summary>
internal static class ReserveEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/career").WithTags("Career reserves");
        group.MapGet("/reserve-pool", Pool).RequireAuthorization(Policies.Staff).WithName("ListReservePool");
        group.MapGet("/succession-risk", Risk).RequireAuthorization(Policies.Staff).WithName("ListSuccessionRisk");
    }

    /// <summary>The pool of a subtree; <paramref name="reviewDueWithin"/> (days) keeps members whose review is due by then or overdue.</summary>
    private static async Task<Results<Ok<IReadOnlyList<ReserveMemberResponse>>, ValidationProblem, NotFound>> Pool(Guid? orgUnitId, string? status,
        int? reviewDueWithin, DbSession db, CurrentUser user, IOrgUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Range("reviewDueWithin", reviewDueWithin, 0, 366);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (_, path) = await PreviewRun.ScopeOf(orgUnitId, units, user, ct);
        if (path is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await ReserveReads.PoolAsync(db, path + "%", status, ReserveReads.DueBy(reviewDueWithin, LocalDate.Today(clock)), ct));
    }

    /// <summary>Units whose heads and deputies retiring within <paramref name="years"/> (default 5) outnumber the ready reserves of the unit.</summary>
    private static async Task<Results<Ok<IReadOnlyList<SuccessionRiskResponse>>, ValidationProblem, NotFound>> Risk(Guid? orgUnitId, int? years, bool? atRiskOnly,
        DbSession db, CurrentUser user, IOrgUnitDirectory units, ICareerQueries career, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Range("years", years, 1, 15);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (_, path) = await PreviewRun.ScopeOf(orgUnitId, units, user, ct);
        if (path is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await ReserveReads.RiskAsync(db, career, path + "%", LocalDate.Today(clock).AddYears(years ?? 5), atRiskOnly == true, ct));
    }
}
