using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>
/// One rotation-request list request as the list, its count and the Excel export read it: the same validation, the same
/// scope (a leader does not see drafts), the same unit filter and the same order — so that an export holds exactly the
/// requests the list shows for the same filters.
/// </summary>
internal sealed class RotationListRequest
{
    internal static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["createdAt"] = "r.created_at",
        ["submittedAt"] = "r.submitted_at",
        ["proposedOn"] = "r.proposed_on",
        ["status"] = "r.status",
        ["workerName"] = "w.name",
    };

    private RotationListRequest(object args, string orderBy, bool oneWorker)
    {
        Args = args;
        OrderBy = orderBy;
        OneWorker = oneWorker;
    }

    public object Args { get; }

    private string OrderBy { get; }

    /// <summary>Filtered by one worker: read by the requests' worker index (<see cref="RotationSql.ListOfWorker"/>).</summary>
    private bool OneWorker { get; }

    public string PageSql => PagedSql.WithOrderBy(OneWorker ? RotationSql.ListOfWorker : RotationSql.List, OrderBy);

    public string CountSql => OneWorker ? RotationSql.CountOfWorker : RotationSql.Count;

    /// <summary>Every matching request in the list's order, unpaged (streamed by the export).</summary>
    public string ExportSql => PagedSql.WithOrderBy(OneWorker ? RotationSql.ExportOfWorker : RotationSql.Export, OrderBy);

    public static Validator Check(Validator v, PageQuery page, RotationListQuery filter)
    {
        page.Validate(v, Sortable);
        return v.OneOf("status", filter.Status, [.. RotationStatus.All, RotationStatus.Open]);
    }

    /// <summary>The request for a validated query; null when its unit filter names a unit the caller cannot see (→ 404).</summary>
    public static async Task<RotationListRequest?> ResolveAsync(DbSession db, CurrentUser user, PageQuery page,
        RotationListQuery filter, CancellationToken ct)
    {
        var (visible, unitPath) = await OrgUnitLookup.ResolveFilter(db, user, user.OnlyWorkerId is null ? filter.OrgUnitId : null, ct);
        if (!visible)
        {
            return null;
        }
        var args = new
        {
            Scope = user.ScopePattern, WorkerScope = RotationEndpoints.WorkerScope(user), user.OnlyWorkerId,
            HideDrafts = RotationScope.HideDrafts(user), filter.Status, filter.WorkerId,
            UnitPath = unitPath is null ? null : unitPath + "%", Q = page.QPattern, page.Skip, Take = page.Size,
        };
        return new RotationListRequest(args, page.OrderBy(Sortable, "-createdAt", "r.id"), oneWorker: filter.WorkerId is not null);
    }
}
