using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Posts;

/// <summary>
/// One post-list request as the list, its count and the Excel export read it: the same validation, the same unit filter
/// resolved within scope, the same arguments and the same order — so that an export holds exactly the posts the list
/// shows for the same filters.
/// </summary>
internal sealed class PostListRequest
{
    internal static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["orgUnit"] = "u.path",
        ["title"] = "p.title",
        ["postType"] = "p.post_type",
        ["quota"] = "p.quota",
    };

    private PostListRequest(object args, string orderBy)
    {
        Args = args;
        OrderBy = orderBy;
    }

    public object Args { get; }

    private string OrderBy { get; }

    public string PageSql => PagedSql.WithOrderBy(PostSql.List, OrderBy);

    /// <summary>Every matching post in the list's order, unpaged (streamed by the export).</summary>
    public string ExportSql => PagedSql.WithOrderBy(PostSql.Export, OrderBy);

    public static Validator Check(Validator v, PageQuery page, PostListQuery filter)
    {
        page.Validate(v, Sortable);
        return v.OneOf("postType", filter.PostType, PostTypes.All).OneOf("status", filter.Status, ["active", "closed", "all"]);
    }

    /// <summary>The request for a validated query; null when its unit filter names a unit the caller cannot see (→ 404).</summary>
    public static async Task<PostListRequest?> ResolveAsync(DbSession db, CurrentUser user, PageQuery page, PostListQuery filter,
        CancellationToken ct)
    {
        string? unitPath = null;
        if (filter.OrgUnitId is { } orgUnitId)
        {
            var unit = await OrgUnitLookup.FindInScope(db, user, orgUnitId, ct);
            if (unit is null)
            {
                return null;
            }
            unitPath = unit.Path + "%";
        }
        var args = new
        {
            Scope = user.ScopePattern,
            UnitPath = unitPath,
            filter.PostType,
            Status = filter.Status == "all" ? null : filter.Status ?? "active",
            Q = page.QPattern,
            HasVacancy = filter.HasVacancy == true ? 1 : 0,
            page.Skip,
            Take = page.Size,
        };
        return new PostListRequest(args, page.OrderBy(Sortable, "orgUnit", "p.post_type, p.title, p.id"));
    }
}
