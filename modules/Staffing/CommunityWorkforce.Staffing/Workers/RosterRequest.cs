using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>
/// One roster request as the list, its count and the export all read it: the same validation, the same unit filter
/// resolved within scope, the same arguments and the same SQL shape — so that an export holds exactly the workers the
/// list shows for the same filters, in the same order.
/// </summary>
internal sealed class RosterRequest
{
    internal static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["staffNo"] = "w.staff_no",
        ["name"] = "w.name",
        ["hireDate"] = "w.hire_date",
        ["birthDate"] = "w.birth_date",
        ["serviceStartDate"] = "w.service_start_date",
        ["orgUnit"] = "w.org_path",
    };

    private RosterRequest(RosterArgs args, RosterShape shape)
    {
        Args = args;
        Shape = shape;
    }

    public RosterArgs Args { get; }

    public RosterShape Shape { get; }

    public string CountSql => RosterQuery.Count(Shape);

    public string PageSql => RosterQuery.Page(Shape);

    /// <summary>Every matching row with the protected ID number, in the list's order (streamed by the export).</summary>
    public string ExportSql => RosterQuery.Export(Shape);

    /// <summary>Validates paging, sort and filters into <paramref name="v"/>.</summary>
    public static Validator Check(Validator v, PageQuery page, WorkerListQuery filter)
    {
        page.Validate(v, Sortable);
        return v
            .OneOf("postType", filter.PostType, PostTypes.All)
            .OneOf("status", filter.Status, [.. WorkerRules.Statuses, "all"])
            .OneOf("education", filter.Education, NationalCodes.Education.Select(c => c.Code))
            .OneOf("politicalStatus", filter.PoliticalStatus, NationalCodes.PoliticalStatus.Select(c => c.Code))
            .Range("ageMin", filter.AgeMin, 0, 120).Range("ageMax", filter.AgeMax, 0, 120)
            .Range("serviceYearsMin", filter.ServiceYearsMin, 0, 80).Range("serviceYearsMax", filter.ServiceYearsMax, 0, 80);
    }

    /// <summary>
    /// The request for a validated query; null when its <c>orgUnitId</c> filter names a unit the caller cannot see
    /// (the endpoints answer 404 then).
    /// </summary>
    public static async Task<RosterRequest?> ResolveAsync(DbSession db, CurrentUser user, PageQuery page, WorkerListQuery filter,
        DateOnly today, CancellationToken ct)
    {
        string? unitPath = null;
        if (filter.OrgUnitId is { } unitId)
        {
            var unit = await OrgUnitLookup.FindInScope(db, user, unitId, ct);
            if (unit is null)
            {
                return null;
            }
            unitPath = unit.Path;
        }
        var search = RosterSearch.For(page.Q);
        var scope = unitPath is null ? user.ScopePattern : unitPath + "%";
        var args = new RosterArgs(
            Scope: scope,
            GramScope: GramScopeOf(scope),
            AllUnits: user.IsAdmin && unitPath is null ? 1 : 0,
            UnitPath: unitPath is null ? null : unitPath + "%",
            Status: filter.Status is null or "all" ? null : filter.Status,
            ExcludeLeft: filter.Status is null ? 1 : 0,
            EducationLike: filter.Education is null ? null : filter.Education.EndsWith('0') ? filter.Education[..1] + "%" : filter.Education,
            PoliticalStatus: filter.PoliticalStatus,
            BornOnOrBefore: filter.AgeMin is { } ageMin ? today.AddYears(-ageMin) : null,
            BornAfter: filter.AgeMax is { } ageMax ? today.AddYears(-ageMax - 1) : null,
            ServiceFromOnOrBefore: filter.ServiceYearsMin is { } sMin ? today.AddYears(-sMin) : null,
            ServiceFromAfter: filter.ServiceYearsMax is { } sMax ? today.AddYears(-sMax - 1) : null,
            PostType: filter.PostType,
            Gram: search.Gram,
            NamePattern: search.NamePattern,
            CodeLow: search.CodeLow,
            CodeHigh: search.CodeHigh,
            Last4: search.Last4,
            Skip: page.Skip,
            Take: page.Size);
        var shape = new RosterShape(
            Scope: args.AllUnits == 1 ? RosterScope.All : WidthOf(unitPath ?? (user.IsAdmin ? "/" : user.ScopePath ?? "/")),
            Search: search.Kind,
            ConfirmName: search.ConfirmName,
            Filters: args.Filters,
            OrderBy: page.OrderBy(Sortable, "staffNo", "w.staff_no"));
        return new RosterRequest(args, shape);
    }

    /// <summary>
    /// How wide a scope (or unit filter) with this path is: a district or the city is read in sort order
    /// (<see cref="RosterScope.Wide"/>), a street by its path range, a unit below a street also checks each worker's path
    /// on a name search.
    /// </summary>
    internal static RosterScope WidthOf(string path) => (path.Count(c => c == '/') - 1) switch
    {
        <= RosterIndex.StreetDepth - 1 => RosterScope.Wide,
        RosterIndex.StreetDepth => RosterScope.Narrow,
        _ => RosterScope.Unit,
    };

    /// <summary>The scope pattern for the n-grams, which carry the worker's street: a pattern below a street widened to its street.</summary>
    internal static string GramScopeOf(string scopePattern) =>
        scopePattern.EndsWith("/%", StringComparison.Ordinal) ? RosterIndex.StreetPathOf(scopePattern[..^1]) + "%" : scopePattern;
}
