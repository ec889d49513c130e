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
    public DateOnly NominatedOn { get; init; }
    public string? NominationReason { get; init; }
    public string? NominatedBy { get; init; }
    public string? DecidedBy { get; init; }
    public string? DecisionNote { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string? EndReason { get; init; }
    public int Version { get; init; }
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
    private const string Columns = """
        r.id AS MemberId, r.worker_id AS WorkerId, p.staff_no AS StaffNo, p.name AS Name, r.org_unit_id AS OrgUnitId, r.org_path AS OrgPath,
        r.target_stage AS TargetStage, r.status AS Status, r.term_start AS TermStart, r.term_end AS TermEnd, r.review_on AS ReviewOn,
        r.nominated_on AS NominatedOn, r.nomination_reason AS NominationReason, r.nominated_by AS NominatedBy, r.decided_by AS DecidedBy,
        r.decision_note AS DecisionNote, r.ended_on AS EndedOn, r.end_reason AS EndReason, r.version AS Version
        """;

    private const string FromWhere = """
         FROM career_reserve_members r JOIN staffing_v_worker_profile p ON p.worker_id = r.worker_id
         WHERE {scope:r.org_path} AND (@Status IS NULL OR r.status = @Status) AND (@DueBy IS NULL OR r.review_on <= @DueBy)
           AND (@Q IS NULL OR p.name LIKE @Q ESCAPE '\' OR p.staff_no LIKE @Q ESCAPE '\')
        """;

    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["reviewOn"] = "r.review_on", ["termEnd"] = "r.term_end", ["staffNo"] = "p.staff_no", ["nominatedOn"] = "r.nominated_on",
    };

    public const string Pool = "SELECT " + Columns + FromWhere + " ORDER BY {orderBy} {page}";

    public const string PoolCount = "SELECT COUNT(*)" + FromWhere;

    public const string Get = "SELECT " + Columns + " FROM career_reserve_members r JOIN staffing_v_worker_profile p ON p.worker_id = r.worker_id WHERE r.id = @Id AND {scope:r.org_path}";

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
        group.MapPost("/reserve-nominations", NominateReserve.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("NominateReserve")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/reserve-members/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetReserveMember");
        group.MapPost("/reserve-members/{id:guid}/decision", DecideNomination.Handle).RequireAuthorization(Policies.Staff).WithName("DecideReserveNomination")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reserve-members/{id:guid}/extend", ExtendReserveTerm.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("ExtendReserveTerm")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reserve-members/{id:guid}/reviews", RecordReserveReview.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("RecordReserveReview")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reserve-members/{id:guid}/end", EndReserveMembership.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("EndReserveMembership")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reserve-members/{id:guid}/plan-items", AddPlanItem.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("AddReservePlanItem")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/reserve-plan-items/{id:guid}", UpdatePlanItem.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateReservePlanItem")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The pool of a subtree, paged; <c>reviewDueWithin</c> (days) keeps members whose review is due by then or overdue.</summary>
    private static async Task<Results<Ok<PagedResult<ReserveMemberResponse>>, ValidationProblem, NotFound>> Pool([AsParameters] PageQuery page,
        [AsParameters] ReservePoolQuery query, DbSession db, CurrentUser user, IOrgUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Range("reviewDueWithin", query.ReviewDueWithin, 0, 366).OneOf("status", query.Status, ReserveStatus.All);
        page.Validate(validator, ReserveSql.Sortable);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (_, path) = await PreviewRun.ScopeOf(query.OrgUnitId, units, user, ct);
        if (path is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await ReserveReads.PoolAsync(db, path + "%", query.Status, ReserveReads.DueBy(query.ReviewDueWithin, LocalDate.Today(clock)), page, ct));
    }

    /// <summary>Units whose heads and deputies retiring within <c>years</c> (default 5) outnumber the ready reserves of the unit, paged.</summary>
    private static async Task<Results<Ok<PagedResult<SuccessionRiskResponse>>, ValidationProblem, NotFound>> Risk([AsParameters] PageQuery page,
        [AsParameters] SuccessionRiskQuery query, DbSession db, CurrentUser user, IOrgUnitDirectory units, ICareerQueries career, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Range("years", query.Years, 1, 15);
        page.Validate(validator, new Dictionary<string, string>());
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (_, path) = await PreviewRun.ScopeOf(query.OrgUnitId, units, user, ct);
        if (path is null)
        {
            return TypedResults.NotFound();
        }
        var all = await ReserveReads.RiskAsync(db, career, path + "%", LocalDate.Today(clock).AddYears(query.Years ?? 5), query.AtRiskOnly == true, ct);
        var matching = page.Q is { Length: > 0 } q ? all.Where(r => r.OrgUnitName.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)).ToList() : all;
        return TypedResults.Ok(new PagedResult<SuccessionRiskResponse>(matching.Skip(page.Skip).Take(page.Size).ToList(), matching.Count, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<ReserveMemberDetailResponse>, NotFound>> Get(Guid id, DbSession db, CurrentUser user, CancellationToken ct) =>
        await ReserveLookup.DetailAsync(db, user, id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
}
