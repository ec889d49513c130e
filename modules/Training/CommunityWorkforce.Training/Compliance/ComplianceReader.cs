using CommunityWorkforce.Staffing.Contracts;
using System.Globalization;
using Dapper;
using CommunityWorkforce.Training.Settings;
using CommunityWorkforce.Training.Workers;

namespace CommunityWorkforce.Training.Compliance;

/// <summary>
/// The one place compliance is computed: the report, its count (the workbench card), its export, a worker's own standing
/// and the contract for other modules all read through here, so they agree.
/// </summary>
internal sealed class ComplianceReader(DbSession db, TrainingSettingsStore settingsStore, IOrgUnitDirectory units, ReadCache cache, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["workerName"] = "x.WorkerName",
        ["staffNo"] = "x.StaffNo",
        ["hoursDone"] = "x.HoursDone",
        ["overdueMandatory"] = "x.OverdueMandatory",
    };

    public DateOnly Today => LocalDate.Today(clock);

    /// <summary>The report's arguments, or null when the unit is not visible to the caller (→ 404).</summary>
    public async Task<Dictionary<string, object?>?> ArgsAsync(CurrentUser user, ComplianceQuery query, PageQuery page, CancellationToken ct)
    {
        string unitPath;
        if (query.OrgUnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, ct);
            if (unit is null || !user.CanSee(unit.Path) || user.OnlyWorkerId is not null)
            {
                return null;
            }
            unitPath = unit.Path;
        }
        else
        {
            unitPath = "/";
        }
        var settings = await settingsStore.GetAsync(ct);
        var year = query.Year ?? Today.Year;
        // A chosen unit lies inside the caller's scope, so its subtree is the intersection: the range the index reads.
        var args = Base(query.OrgUnitId is null ? user.WorkerPathScope : unitPath + "%", user.OnlyWorkerId, settings, year);
        args["UnitPath"] = unitPath + "%";
        args["Status"] = query.Status;
        args["Q"] = page.QPattern;
        args["Skip"] = page.Skip;
        args["Take"] = page.Size;
        return args;
    }

    private Dictionary<string, object?> Base(string scope, Guid? onlyWorkerId, TrainingSettings settings, int year) => new()
    {
        ["Scope"] = scope, ["OnlyWorkerId"] = onlyWorkerId,
        ["YearStart"] = new DateOnly(year, 1, 1), ["YearEnd"] = new DateOnly(year, 12, 31), ["Today"] = Today,
        // As doubles: SQLite binds a decimal as text, which would never compare as a number.
        ["DefaultHours"] = (double)settings.AnnualRequiredHours, ["HeadHours"] = (double)settings.RequiredFor("head"),
        ["DeputyHours"] = (double)settings.RequiredFor("deputy"), ["StaffHours"] = (double)settings.RequiredFor("staff"),
    };

    /// <summary>The modules whose tables the report reads: Training's, and Staffing's workers, postings and units.</summary>
    private static readonly string[] ReportDependsOn = ["training", "staffing"];

    /// <summary>
    /// A page of the report and its total, kept in <see cref="ReadCache"/> until Training or Staffing is written (at most
    /// 30 s). The key holds every argument the two queries bind — the scope (the caller's, or the chosen unit's subtree
    /// inside it), the worker a worker-only caller is limited to, the year, today's date, the required hours, the status
    /// and search filters, the page — and the order; the report masks nothing, so callers binding the same arguments
    /// see the same rows.
    /// </summary>
    public Task<(int Total, IReadOnlyList<ComplianceItem> Rows)> ReportAsync(Dictionary<string, object?> args, string orderBy, CancellationToken ct)
    {
        var key = "training.compliance|" + orderBy + "|" + string.Join("|", args.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key + "=" + Convert.ToString(a.Value, CultureInfo.InvariantCulture)));
        return cache.GetAsync(key, ReportDependsOn, async () => (await CountAsync(args, ct), await PageAsync(args, orderBy, ct)));
    }

    public Task<int> CountAsync(Dictionary<string, object?> args, CancellationToken ct) =>
        db.ExecuteScalarAsync<int>(ComplianceSql.Count, new DynamicParameters(args), ct);

    public Task<IReadOnlyList<ComplianceItem>> PageAsync(Dictionary<string, object?> args, string orderBy, CancellationToken ct) =>
        db.QueryAsync<ComplianceItem>(PagedSql.WithOrderBy(ComplianceSql.List, orderBy), new DynamicParameters(args), ct);

    public async Task<ComplianceSummary> SummaryAsync(Dictionary<string, object?> args, int year, CancellationToken ct)
    {
        var row = (await db.QuerySingleOrDefaultAsync<SummaryRow>(ComplianceSql.Summary, new DynamicParameters(args), ct))!;
        return new ComplianceSummary { Year = year, Workers = row.Workers, Compliant = row.Compliant, HoursDone = row.HoursDone };
    }

    /// <summary>
    /// The standing of every worker of a subtree who has not left (<see cref="ForWorkerAsync"/>'s, read set-wise in two
    /// queries): hours in the year against their post type's requirement, and the codes of overdue mandatory courses.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, MandatoryCompliance>> ForSubtreeAsync(string pathPattern, int year, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(ct);
        var args = new { Scope = pathPattern, YearStart = new DateOnly(year, 1, 1), YearEnd = new DateOnly(year, 12, 31), Today };
        var hours = await db.QueryAsync<SubtreeHoursRow>(ComplianceSql.SubtreeHours, args, ct);
        var overdue = (await db.QueryAsync<SubtreeOverdueRow>(ComplianceSql.SubtreeOverdue, args, ct))
            .GroupBy(o => o.WorkerId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(o => o.CourseCode).ToList());
        var result = new Dictionary<Guid, MandatoryCompliance>(hours.Count);
        foreach (var row in hours)
        {
            result[row.WorkerId] = new MandatoryCompliance
            {
                Year = year, HoursDone = row.HoursDone, HoursRequired = settings.RequiredFor(row.PostType),
                OverdueCourseCodes = overdue.GetValueOrDefault(row.WorkerId) ?? [],
            };
        }
        return result;
    }

    /// <summary>One worker's standing (the caller has checked the worker is visible).</summary>
    public async Task<WorkerComplianceResponse> ForWorkerAsync(TrainingWorker worker, int year, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(ct);
        // The report's line for one worker, without the report's overdue count (the list below is read anyway): the hours
        // of the year off the worker's index, the hours their post type requires; a worker who left counts no hours.
        var hours = worker.HasLeft ? 0m : await db.ExecuteScalarAsync<decimal>(ComplianceSql.WorkerHours,
            new { WorkerId = worker.Id, YearStart = new DateOnly(year, 1, 1), YearEnd = new DateOnly(year, 12, 31) }, ct);
        var overdue = await db.QueryAsync<OverdueCourse>(ComplianceSql.OverdueCourses,
            new { WorkerId = worker.Id, worker.PostType, worker.OrgPath, Today }, ct);
        return new WorkerComplianceResponse
        {
            WorkerId = worker.Id, Year = year, HoursDone = hours, HoursRequired = settings.RequiredFor(worker.PostType),
            OverdueMandatory = overdue,
        };
    }
}
