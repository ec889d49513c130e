using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.CareerPath.Applications;
using CommunityWorkforce.CareerPath.Progression;
using CommunityWorkforce.CareerPath.Levels;
using CommunityWorkforce.CareerPath.Reserves;
using CommunityWorkforce.CareerPath.Tracks;
using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.CareerPath.Workbench;

/// <summary>
/// CareerPath's cards on the workbench (工作台). Each count runs the SQL of the list its card opens, with that list's
/// arguments, so the number on the card is the list's total. A card with nothing waiting is left out.
/// </summary>
internal sealed class CareerTodos(DbSession db, ICareerQueries career, StageStore stages, Eligibility eligibility, TimeProvider clock) : IWorkbenchContributor
{
    public const string PromotionsWaiting = "career.promotions-waiting";
    public const string ApplicationsToReview = "career.applications-to-review";
    public const string ProgressionToApply = "career.progression-to-apply";
    public const string MyApplications = "career.my-applications";
    public const string ReserveReviewsDue = "career.reserve-reviews-due";
    public const string SuccessionRisk = "career.succession-risk";
    public const string MyNextStep = "career.my-next-step";
    public const string NominationsWaiting = "career.nominations-waiting";

    /// <summary>A reserve member's review is on the card from 30 days before it is due, and stays while overdue.</summary>
    private const int ReviewDueWithinDays = 30;

    /// <summary>The succession-risk list's default horizon.</summary>
    private const int RiskYears = 5;

    private const string Module = "career";
    private static readonly PageQuery One = new() { Page = 1, PageSize = 1 };

    public async Task<IReadOnlyList<WorkbenchTodo>> TodosAsync(CurrentUser user, CancellationToken ct)
    {
        IEnumerable<WorkbenchTodo> cards = user.Role switch
        {
            Roles.Leader =>
            [
                await Applications(user, ApplicationStatus.Reviewed, PromotionsWaiting, "/approvals?kind=promotion", WorkbenchSeverity.Warning, ct),
                await Nominations(user, ct),
            ],
            Roles.Hr or Roles.Admin =>
            [
                await Applications(user, ApplicationStatus.Submitted, ApplicationsToReview, "/career/applications?status=submitted", WorkbenchSeverity.Info, ct),
                await Runs(user, ct),
                await ReviewsDue(user, ct),
                await UnitsAtRisk(user, ct),
            ],
            Roles.Worker when user.WorkerId is { } me =>
                [await Applications(user, ApplicationStatus.Reviewed, MyApplications, "/my-profile?tab=career", WorkbenchSeverity.Info, ct), await NextStep(me, ct)],
            _ => [],
        };
        return cards.Where(c => c.Count > 0).ToList();
    }

    /// <summary>Applications in one status: waiting for the leader (leader), for HR's review (HR), mine with the leader (worker).</summary>
    private async Task<WorkbenchTodo> Applications(CurrentUser user, string status, string key, string link, string severity, CancellationToken ct) => new()
    {
        Key = key, Module = Module, Severity = severity,
        Count = await db.ExecuteScalarAsync<int>(ApplicationSql.Count, ApplicationLookup.ListArgs(user, new ApplicationListQuery { Status = status }, One), ct),
        Link = link, ApiList = $"career/applications?status={status}",
    };

    /// <summary>
    /// 我的下一步 — the next post type up (staff → deputy → head) while the worker still misses criteria for it: one card
    /// counting the one stage of the eligibility list it opens (<c>career/workers/{id}/eligibility?stage=</c>), whose
    /// criteria say in words what is missing; the profile's next-step card shows them.
    /// </summary>
    private async Task<WorkbenchTodo> NextStep(Guid workerId, CancellationToken ct)
    {
        var none = new WorkbenchTodo { Key = MyNextStep, Module = Module, Count = 0, Link = "/my-profile?tab=career", ApiList = "" };
        var current = await CareerWorkerLookup.Current(db, workerId, ct);
        var next = current?.PostType switch { PostTypes.Staff => PostTypes.Deputy, PostTypes.Deputy => PostTypes.Head, _ => null };
        var stage = next is null ? null : (await stages.AllAsync(ct)).Where(s => s.PostType == next).OrderBy(s => s.SortOrder).FirstOrDefault();
        if (stage is null || await eligibility.ForWorkerAsync(workerId, stage, LocalDate.Today(clock), ct) is not { } result)
        {
            return none;
        }
        return none with
        {
            Count = result.Criteria.Any(c => !c.Met) ? 1 : 0, ApiList = $"career/workers/{workerId}/eligibility?stage={stage.Code}",
        };
    }

    /// <summary>Progression runs previewed and not yet applied.</summary>
    private async Task<WorkbenchTodo> Runs(CurrentUser user, CancellationToken ct) => new()
    {
        Key = ProgressionToApply, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await db.ExecuteScalarAsync<int>(ProgressionSql.Count, new { Scope = user.ScopePattern, Status = RunStatus.Previewed }, ct),
        Link = "/career/progression", ApiList = "career/progression-runs?status=previewed",
    };

    /// <summary>Active reserve-pool members whose review is due within 30 days or overdue.</summary>
    private async Task<WorkbenchTodo> ReviewsDue(CurrentUser user, CancellationToken ct) => new()
    {
        Key = ReserveReviewsDue, Module = Module, Severity = WorkbenchSeverity.Info,
        Count = await db.ExecuteScalarAsync<int>(ReserveSql.PoolCount,
            ReserveReads.PoolArgs(user.ScopePattern, ReserveStatus.Active, ReserveReads.DueBy(ReviewDueWithinDays, LocalDate.Today(clock)), One), ct),
        Link = "/career/reserves", ApiList = $"career/reserve-pool?status=active&reviewDueWithin={ReviewDueWithinDays}",
    };

    /// <summary>Reserve-cadre nominations waiting for the street leader's decision (the approvals inbox's nominations tab).</summary>
    private async Task<WorkbenchTodo> Nominations(CurrentUser user, CancellationToken ct) => new()
    {
        Key = NominationsWaiting, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await db.ExecuteScalarAsync<int>(ReserveSql.PoolCount, ReserveReads.PoolArgs(user.ScopePattern, ReserveStatus.Nominated, null, One), ct),
        Link = "/approvals?kind=reserve", ApiList = $"career/reserve-pool?status={ReserveStatus.Nominated}",
    };

    /// <summary>Units whose heads and deputies retiring within five years outnumber their ready reserves.</summary>
    private async Task<WorkbenchTodo> UnitsAtRisk(CurrentUser user, CancellationToken ct) => new()
    {
        Key = SuccessionRisk, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = (await ReserveReads.RiskAsync(db, career, user.ScopePattern, LocalDate.Today(clock).AddYears(RiskYears), true, ct)).Count,
        Link = "/career/succession", ApiList = "career/succession-risk?atRiskOnly=true",
    };
}
