using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.CareerPath.Applications;
using CommunityWorkforce.CareerPath.Progression;

namespace CommunityWorkforce.CareerPath.Workbench;

/// <summary>
/// CareerPath's cards on the workbench (工作台). Each count runs the SQL of the list its card opens, with that list's
/// arguments, so the number on the card is the list's total. A card with nothing waiting is left out.
/// </summary>
internal sealed class CareerTodos(DbSession db) : IWorkbenchContributor
{
    public const string PromotionsWaiting = "career.promotions-waiting";
    public const string ApplicationsToReview = "career.applications-to-review";
    public const string ProgressionToApply = "career.progression-to-apply";
    public const string MyApplications = "career.my-applications";

    private const string Module = "career";
    private static readonly PageQuery One = new() { Page = 1, PageSize = 1 };

    public async Task<IReadOnlyList<WorkbenchTodo>> TodosAsync(CurrentUser user, CancellationToken ct)
    {
        IEnumerable<WorkbenchTodo> cards = user.Role switch
        {
            Roles.Leader => [await Applications(user, ApplicationStatus.Reviewed, PromotionsWaiting, "/approvals?kind=promotion", WorkbenchSeverity.Warning, ct)],
            Roles.Hr or Roles.Admin =>
            [
                await Applications(user, ApplicationStatus.Submitted, ApplicationsToReview, "/career/applications?status=submitted", WorkbenchSeverity.Info, ct),
                await Runs(user, ct),
            ],
            Roles.Worker when user.WorkerId is not null =>
                [await Applications(user, ApplicationStatus.Reviewed, MyApplications, "/my-profile?tab=career", WorkbenchSeverity.Info, ct)],
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

    /// <summary>Progression runs previewed and not yet applied.</summary>
    private async Task<WorkbenchTodo> Runs(CurrentUser user, CancellationToken ct) => new()
    {
        Key = ProgressionToApply, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await db.ExecuteScalarAsync<int>(ProgressionSql.Count, new { Scope = user.ScopePattern, Status = RunStatus.Previewed }, ct),
        Link = "/career/progression", ApiList = "career/progression-runs?status=previewed",
    };
}
