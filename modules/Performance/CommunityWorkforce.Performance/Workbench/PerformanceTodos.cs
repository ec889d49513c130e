using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.Performance.Calendar;
using CommunityWorkforce.Performance.Cycles;
using CommunityWorkforce.Performance.Ratings;

namespace CommunityWorkforce.Performance.Workbench;

/// <summary>
/// Performance's cards on the workbench. Each count runs the SQL of the list its card opens, with that list's arguments:
/// HR — assessments to enter, overdue rectification cases, appeals to resolve, this or next year without a holiday schedule; leader — cycles waiting for calibration;
/// worker — their results still open to appeal.
/// </summary>
internal sealed class PerformanceTodos(DbSession db, CalendarStore calendar, TimeProvider clock) : IWorkbenchContributor
{
    public const string AssessmentsToEnter = "performance.assessments-to-enter";
    public const string RectificationsOverdue = "performance.rectifications-overdue";
    public const string AppealsToResolve = "performance.appeals-to-resolve";
    public const string CalibrationWaiting = "performance.calibration-waiting";
    public const string MyResults = "performance.my-results";
    public const string HolidayScheduleMissing = "performance.holiday-schedule-missing";

    private const string Module = "performance";

    public async Task<IReadOnlyList<WorkbenchTodo>> TodosAsync(CurrentUser user, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        return user.Role switch
        {
            Roles.Hr or Roles.Admin => [await Pending(user, ct), await Overdue(user, today, ct), await Appeals(user, ct), await Calendar(today, ct)],
            Roles.Leader => [await Calibration(user, ct)],
            Roles.Worker when user.WorkerId is not null => [await Mine(user, today, ct)],
            _ => [],
        };
    }

    private async Task<WorkbenchTodo> Pending(CurrentUser user, CancellationToken ct) => new()
    {
        Key = AssessmentsToEnter, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await db.ExecuteScalarAsync<int>(CycleSql.CountPending, new { Scope = user.ScopePattern }, ct),
        Link = "/performance/pending", ApiList = "performance/assessments/pending",
    };

    private async Task<WorkbenchTodo> Overdue(CurrentUser user, DateOnly today, CancellationToken ct) => new()
    {
        Key = RectificationsOverdue, Module = Module, Severity = WorkbenchSeverity.Danger,
        Count = await db.ExecuteScalarAsync<int>(RatingSql.CountCases, RectificationList.Args(user, RectificationStatus.Overdue, today, null, null, null), ct),
        Link = "/performance/rectifications?status=overdue", ApiList = "performance/rectifications?status=overdue",
    };

    private async Task<WorkbenchTodo> Appeals(CurrentUser user, CancellationToken ct) => new()
    {
        Key = AppealsToResolve, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await db.ExecuteScalarAsync<int>(CycleSql.CountAppeals, new { Scope = user.ScopePattern, Status = "filed" }, ct),
        Link = "/performance/appeals?status=filed", ApiList = "performance/appeals?status=filed",
    };

    private async Task<WorkbenchTodo> Calendar(DateOnly today, CancellationToken ct) => new()
    {
        Key = HolidayScheduleMissing, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = (await calendar.MissingYearsAsync(today, ct)).Count,
        Link = "/performance/calendar", ApiList = "performance/calendar/missing",
    };

    private async Task<WorkbenchTodo> Calibration(CurrentUser user, CancellationToken ct) => new()
    {
        Key = CalibrationWaiting, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await db.ExecuteScalarAsync<int>(CycleSql.Count, new { Scope = user.ScopePattern, Status = CycleStatus.Calibrating, Year = (int?)null, Q = (string?)null }, ct),
        Link = "/performance/cycles?status=calibrating", ApiList = "performance/cycles?status=calibrating",
    };

    private async Task<WorkbenchTodo> Mine(CurrentUser user, DateOnly today, CancellationToken ct) => new()
    {
        Key = MyResults, Module = Module,
        Count = await db.ExecuteScalarAsync<int>(CycleSql.CountMine, new { WorkerId = user.WorkerId!.Value, AppealOpen = 1, Today = today }, ct),
        Link = "/performance/my?appealOpen=true", ApiList = "performance/my/results?appealOpen=true",
    };
}
