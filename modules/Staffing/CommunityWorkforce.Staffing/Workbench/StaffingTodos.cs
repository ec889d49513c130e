using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.Staffing.Headcount;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Rotations;
using CommunityWorkforce.Staffing.Settings;
using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Workbench;

/// <summary>
/// Staffing's cards on the workbench (工作台). Each count runs the very SQL (or computation) of the list its card opens,
/// with that list's arguments, so that the number on the card is the list's total.
/// </summary>
internal sealed class StaffingTodos(DbSession db, StaffingSettingsStore settingsStore, TimeProvider clock) : IWorkbenchContributor
{
    public const string RotationsWaiting = "staffing.rotations-waiting";
    public const string DueForRotation = "staffing.due-for-rotation";
    public const string VacantPosts = "staffing.vacant-posts";
    public const string NormDeviations = "staffing.norm-deviations";
    public const string MyOpenRequests = "staffing.my-open-requests";

    private const string Module = "staffing";

    public async Task<IReadOnlyList<WorkbenchTodo>> TodosAsync(CurrentUser user, CancellationToken ct)
    {
        return user.Role switch
        {
            Roles.Leader => [await Waiting(user, ct)],
            Roles.Hr or Roles.Admin => [await Due(user, ct), await Vacant(user, ct), await Deviations(user, ct)],
            Roles.Worker when user.WorkerId is not null => [await MyOpen(user, ct)],
            _ => [],
        };
    }

    /// <summary>Submitted requests the leader decides: the approvals inbox.</summary>
    private async Task<WorkbenchTodo> Waiting(CurrentUser user, CancellationToken ct) => new()
    {
        Key = RotationsWaiting, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await CountRequests(user, RotationStatus.Submitted, ct),
        Link = "/approvals", ApiList = "staffing/rotation-requests?status=submitted",
    };

    /// <summary>The worker's own requests not yet decided (drafts and submitted).</summary>
    private async Task<WorkbenchTodo> MyOpen(CurrentUser user, CancellationToken ct) => new()
    {
        Key = MyOpenRequests, Module = Module,
        Count = await CountRequests(user, RotationStatus.Open, ct),
        Link = "/my-profile?rotations=open", ApiList = "staffing/rotation-requests?status=open",
    };

    private Task<int> CountRequests(CurrentUser user, string status, CancellationToken ct) =>
        db.ExecuteScalarAsync<int>(RotationSql.Count, new
        {
            Scope = user.ScopePattern, WorkerScope = user.WorkerPathScope, user.OnlyWorkerId,
            HideDrafts = RotationScope.HideDrafts(user), Status = status,
            WorkerId = (Guid?)null, UnitPath = (string?)null, Q = (string?)null,
        }, ct);

    /// <summary>Active postings held at least the rotation threshold (轮岗年限).</summary>
    private async Task<WorkbenchTodo> Due(CurrentUser user, CancellationToken ct)
    {
        var threshold = (await settingsStore.GetAsync(ct)).RotationThresholdYears;
        var count = await db.ExecuteScalarAsync<int>(RotationSql.DueCount, new
        {
            Scope = user.ScopePattern, UnitPath = (string?)null, Q = (string?)null,
            StartedOnOrBefore = LocalDate.Today(clock).AddYears(-threshold),
        }, ct);
        return new WorkbenchTodo
        {
            Key = DueForRotation, Module = Module, Severity = WorkbenchSeverity.Warning, Count = count,
            Link = "/staffing/rotations?tab=due", ApiList = "staffing/rotations/due",
        };
    }

    /// <summary>Active posts with free places (空岗).</summary>
    private async Task<WorkbenchTodo> Vacant(CurrentUser user, CancellationToken ct) => new()
    {
        Key = VacantPosts, Module = Module,
        Count = await db.ExecuteScalarAsync<int>(PostSql.Count, new
        {
            Scope = user.ScopePattern, UnitPath = (string?)null, PostType = (string?)null, Status = "active", Q = (string?)null,
            HasVacancy = 1,
        }, ct),
        Link = "/staffing/posts?hasVacancy=true", ApiList = "staffing/posts?hasVacancy=true",
    };

    /// <summary>Units whose workers fall short of or exceed their staffing norm (配备标准).</summary>
    private async Task<WorkbenchTodo> Deviations(CurrentUser user, CancellationToken ct) => new()
    {
        Key = NormDeviations, Module = Module, Severity = WorkbenchSeverity.Danger,
        Count = (await NormDeviationList.ListAsync(db, user, await settingsStore.GetAsync(ct), ct)).Count,
        Link = "/staffing/norm-deviations", ApiList = "staffing/headcount/norm-deviations",
    };
}
