namespace CommunityWorkforce.Performance.Cycles;

/// <summary>The participants list's filters (besides paging, sort and <c>q</c>).</summary>
public sealed record ParticipantListQuery
{
    /// <summary>Only participants placed in this unit's subtree.</summary>
    public Guid? OrgUnitId { get; init; }

    public string? Grade { get; init; }

    /// <summary>Only those whose 德能勤绩廉 or peer-review score is still to be entered.</summary>
    public bool? MissingInput { get; init; }
}

/// <summary>
/// One participants list request as the list, its count and the results export read it: the same validation, scope, unit
/// filter and order — so that an export holds exactly the rows the list pages through for the same filters.
/// </summary>
internal sealed class ParticipantListRequest
{
    internal static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["score"] = "p.score", ["staffNo"] = "p.staff_no", ["workerName"] = "p.worker_name", ["orgPath"] = "p.org_path",
    };

    private ParticipantListRequest(CycleRow cycle, object args, string orderBy)
    {
        Cycle = cycle;
        Args = args;
        OrderBy = orderBy;
    }

    public CycleRow Cycle { get; }

    public object Args { get; }

    private string OrderBy { get; }

    public string PageSql => PagedSql.WithOrderBy(CycleSql.ListParticipants, OrderBy);

    /// <summary>Every matching participant in the list's order, unpaged.</summary>
    public string ExportSql => PagedSql.WithOrderBy(CycleSql.ExportParticipants, OrderBy);

    public static Validator Check(Validator v, PageQuery page, ParticipantListQuery filter)
    {
        page.Validate(v, Sortable);
        return v.OneOf("grade", filter.Grade, Grades.All);
    }

    /// <summary>The request for a validated query; null when the cycle or the unit filter lies outside the caller's scope (→ 404).</summary>
    public static async Task<ParticipantListRequest?> ResolveAsync(Guid cycleId, DbSession db, CurrentUser user, IOrgUnitDirectory units,
        PageQuery page, ParticipantListQuery filter, CancellationToken ct)
    {
        if (await CycleEndpoints.FindInScope(db, user, cycleId, ct) is not { } cycle)
        {
            return null;
        }
        string? unitPath = null;
        if (filter.OrgUnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, ct);
            if (unit is null || !user.CanSee(unit.Path))
            {
                return null;
            }
            unitPath = unit.Path + "%";
        }
        var args = new
        {
            CycleId = cycleId, Scope = user.ScopePattern, UnitPath = unitPath, filter.Grade, MissingInput = filter.MissingInput == true ? 1 : 0,
            Q = page.QPattern, page.Skip, Take = page.Size,
        };
        return new ParticipantListRequest(cycle, args, page.OrderBy(Sortable, "orgPath", "p.staff_no"));
    }
}
