using System.Text;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>How wide the caller looks: which index answers the page.</summary>
internal enum RosterScope
{
    /// <summary>A street (a few hundred workers): one org-path index range, sorted.</summary>
    Narrow,

    /// <summary>
    /// A unit below a street (a community, a centre): as <see cref="Narrow"/>, except that a name search also checks the
    /// worker's own path, since the n-grams carry only the street (<see cref="RosterIndex.StreetPathOf"/>).
    /// </summary>
    Unit,

    /// <summary>A district: read in sort order with the scope as a filter, stop after one page.</summary>
    Wide,

    /// <summary>The whole city (admin without a unit filter): no scope predicate at all.</summary>
    All,
}

/// <summary>The roster filters a request uses; only these predicates are written into its SQL.</summary>
[Flags]
internal enum RosterFilters
{
    None = 0,
    ExcludeLeft = 1,
    Status = 2,
    Education = 4,
    PoliticalStatus = 8,
    BornOnOrBefore = 16,
    BornAfter = 32,
    ServiceFromOnOrBefore = 64,
    ServiceFromAfter = 128,
    PostType = 256,
}

/// <summary>One roster request's shape: scope width, kind of search, filters in use and the ORDER BY list.</summary>
internal sealed record RosterShape(RosterScope Scope, RosterSearch.Kinds Search, bool ConfirmName, RosterFilters Filters, string OrderBy);

/// <summary>
/// The roster's list SQL, written for each request's shape instead of one catch-all text. Two things make a page cheap
/// at city size:
/// <list type="bullet">
/// <item>The page is chosen on keys alone — from a covering index (<c>org_path, status, staff_no, id</c> or the name
/// n-grams with their staff number and status) — and only its 20 rows are joined to their unit and primary post.
/// Joining first and paging after made a street page join ~300 rows to sort them.</item>
/// <item>Only the predicates in use are written, so each shape gets its own plan (no <c>@x IS NULL OR ...</c>) and a
/// name search without filters never reads the workers table before the page is known.</item>
/// </list>
/// Parameters are <see cref="RosterRequest.Args"/>; <c>@Scope</c> is the caller's scope or the unit filter.
/// </summary>
internal static class RosterQuery
{
    /// <summary>What a roster row shows (aliases: w worker, u unit, ps primary post).</summary>
    internal const string Columns = """
        w.id, w.staff_no, w.name, w.id_number_masked, w.birth_date, w.gender, w.ethnic_group, w.political_status,
        w.education, w.phone, w.hire_date, w.service_start_date, w.status, w.left_on, w.left_reason, w.org_unit_id,
        u.name AS org_unit_name, u.path AS org_path, ps.id AS primary_post_id, ps.title AS primary_post_title,
        ps.post_type AS primary_post_type, w.is_demo, w.version, w.created_at, w.updated_at
        """;

    private static readonly (RosterFilters Flag, string Sql)[] FilterSql =
    [
        (RosterFilters.ExcludeLeft, "w.status <> 'left'"),
        (RosterFilters.Status, "w.status = @Status"),
        (RosterFilters.Education, "w.education LIKE @EducationLike"),
        (RosterFilters.PoliticalStatus, "w.political_status = @PoliticalStatus"),
        (RosterFilters.BornOnOrBefore, "w.birth_date <= @BornOnOrBefore"),
        (RosterFilters.BornAfter, "w.birth_date > @BornAfter"),
        (RosterFilters.ServiceFromOnOrBefore, "w.service_start_date <= @ServiceFromOnOrBefore"),
        (RosterFilters.ServiceFromAfter, "w.service_start_date > @ServiceFromAfter"),
        (RosterFilters.PostType, "(w.post_types & @PostTypeBit) <> 0"),
    ];

    private const RosterFilters StatusOnly = RosterFilters.ExcludeLeft | RosterFilters.Status;

    /// <summary>The COUNT(*) for the shape's total.</summary>
    public static string Count(RosterShape shape)
    {
        var (from, where) = Source(shape);
        return $"SELECT COUNT(*) {from} WHERE {where}";
    }

    /// <summary>One page: keys chosen and paged first, then joined to what the list shows.</summary>
    public static string Page(RosterShape shape)
    {
        var (from, where) = Source(shape);
        var fromGrams = GramsOnly(shape);
        var keys = fromGrams
            ? $"SELECT g.worker_id AS id {from} WHERE {where} ORDER BY {shape.OrderBy.Replace("w.", "g.", StringComparison.Ordinal)} {{page}}"
            : $"SELECT w.id {from} WHERE {where} ORDER BY {shape.OrderBy} {{page}}";
        return $"""
            SELECT {Columns}
            FROM ({keys}) pg
            JOIN staffing_workers w ON w.id = pg.id
            JOIN staffing_org_units u ON u.id = w.org_unit_id
            LEFT JOIN staffing_postings pp ON pp.worker_id = w.id AND pp.ended_on IS NULL AND pp.is_primary = 1
            LEFT JOIN staffing_posts ps ON ps.id = pp.post_id
            ORDER BY {shape.OrderBy}
            """;
    }

    /// <summary>
    /// Every row of the request — the same predicates and order as its pages, no paging — with the protected ID number
    /// for an export that reveals it. Streamed by the caller.
    /// </summary>
    public static string Export(RosterShape shape)
    {
        var (from, where) = Source(shape);
        var select = $"""
            SELECT w.id_number_cipher, w.id_number_key_id, {Columns}
            FROM staffing_workers w
            JOIN staffing_org_units u ON u.id = w.org_unit_id
            LEFT JOIN staffing_postings pp ON pp.worker_id = w.id AND pp.ended_on IS NULL AND pp.is_primary = 1
            LEFT JOIN staffing_posts ps ON ps.id = pp.post_id
            """;
        return GramsOnly(shape)
            ? $"{select}\nWHERE w.id IN (SELECT g.worker_id {from} WHERE {where})\nORDER BY {shape.OrderBy}"
            : $"{select}\nWHERE {where}\nORDER BY {shape.OrderBy}";
    }

    /// <summary>
    /// A name search with no filter beyond status, sorted by staff number: answered from the n-gram index alone, which
    /// carries each worker's staff number and status. A fragment of one or two characters is its own n-gram, so no
    /// LIKE on the name is needed to confirm it.
    /// </summary>
    private static bool GramsOnly(RosterShape shape) =>
        shape.Search == RosterSearch.Kinds.Name && shape.Scope != RosterScope.Unit && !shape.ConfirmName && (shape.Filters & ~StatusOnly) == 0
        && shape.OrderBy is "w.staff_no" or "w.staff_no DESC";

    private static (string From, string Where) Source(RosterShape shape)
    {
        if (GramsOnly(shape))
        {
            var grams = new StringBuilder("g.gram = @Gram");
            if (shape.Scope != RosterScope.All)
            {
                grams.Append(" AND {scope:g.street_path:@GramScope}");
            }
            if (shape.Filters.HasFlag(RosterFilters.ExcludeLeft))
            {
                grams.Append(" AND g.status <> 'left'");
            }
            if (shape.Filters.HasFlag(RosterFilters.Status))
            {
                grams.Append(" AND g.status = @Status");
            }
            return ("FROM staffing_worker_name_grams g", grams.ToString());
        }

        var where = new List<string>();
        switch (shape.Search)
        {
            case RosterSearch.Kinds.Name:
                where.Add("w.id IN (SELECT g.worker_id FROM staffing_worker_name_grams g WHERE g.gram = @Gram"
                          + (shape.Scope == RosterScope.All ? ")" : " AND {scope:g.street_path:@GramScope})"));
                if (shape.Scope == RosterScope.Unit)
                {
                    where.Add("{scope:w.org_path}");
                }
                if (shape.ConfirmName)
                {
                    // An expression, not the bare parameter: SQLite would compile the statement again every time the
                    // pattern is bound, to try it as a range on the name index — a '%…%' pattern never is one.
                    where.Add(@"w.name LIKE @NamePattern {cat} '' ESCAPE '\'");
                }
                break;
            case RosterSearch.Kinds.Code:
                // A staff-number prefix is a range on its index; the scope is a filter here (written so that SQLite
                // does not prefer the much wider org-path range).
                where.Add("(w.staff_no >= @CodeLow AND w.staff_no <= @CodeHigh OR w.phone_last4 = @Last4)");
                if (shape.Scope != RosterScope.All)
                {
                    where.Add("(@AllUnits = 1 OR {scope:w.org_path})");
                }
                break;
            default:
                if (shape.Scope is RosterScope.Narrow or RosterScope.Unit)
                {
                    where.Add("{scope:w.org_path}");
                }
                else if (shape.Scope == RosterScope.Wide)
                {
                    // Not an index range: a district's page is cheapest read in sort order and stopped after one page.
                    where.Add("(@AllUnits = 1 OR {scope:w.org_path})");
                }
                break;
        }
        where.AddRange(FilterSql.Where(f => shape.Filters.HasFlag(f.Flag)).Select(f => f.Sql));
        return ("FROM staffing_workers w", where.Count == 0 ? "1 = 1" : string.Join(" AND ", where));
    }

    /// <summary>
    /// Every SQL text the builder can write, one per shape family — each filter alone and all together, in each scope,
    /// for each kind of search and sort — so that the architecture tests parse and check them like constants.
    /// </summary>
    [BuildingBlocks.Data.SqlShapes]
    internal static IEnumerable<(string Name, string Sql)> Shapes()
    {
        var filterSets = Enum.GetValues<RosterFilters>().Append(Enum.GetValues<RosterFilters>().Aggregate((a, b) => a | b));
        foreach (var scope in Enum.GetValues<RosterScope>())
        {
            foreach (var search in Enum.GetValues<RosterSearch.Kinds>())
            {
                foreach (var confirm in new[] { false, true })
                {
                    foreach (var filters in filterSets)
                    {
                        foreach (var order in new[] { "w.staff_no", "w.name DESC, w.staff_no" })
                        {
                            var shape = new RosterShape(scope, search, confirm, filters, order);
                            var name = $"{scope}/{search}/{(confirm ? "confirm" : "grams")}/{filters}/{order}";
                            yield return ("Count " + name, Count(shape));
                            yield return ("Page " + name, Page(shape));
                            yield return ("Export " + name, Export(shape));
                        }
                    }
                }
            }
        }
    }
}

/// <summary>The parameters of the roster's list, count and export SQL (paging excluded from a total's cache key).</summary>
internal sealed record RosterArgs(
    string Scope,
    string GramScope,
    int AllUnits,
    string? UnitPath,
    string? Status,
    int ExcludeLeft,
    string? EducationLike,
    string? PoliticalStatus,
    DateOnly? BornOnOrBefore,
    DateOnly? BornAfter,
    DateOnly? ServiceFromOnOrBefore,
    DateOnly? ServiceFromAfter,
    string? PostType,
    string? Gram,
    string? NamePattern,
    string? CodeLow,
    string? CodeHigh,
    string? Last4,
    int Skip,
    int Take)
{
    /// <summary>
    /// <see cref="PostType"/> as the bit <c>staffing_workers.post_types</c> keeps for it (head 1, deputy 2, staff 4;
    /// <see cref="WorkerSql.RefreshPostTypes"/>).
    /// </summary>
    public int PostTypeBit => PostType switch
    {
        PostTypes.Head => 1,
        PostTypes.Deputy => 2,
        PostTypes.Staff => 4,
        _ => 0,
    };

    /// <summary>The filters these arguments switch on.</summary>
    public RosterFilters Filters =>
        (ExcludeLeft == 1 ? RosterFilters.ExcludeLeft : 0)
        | (Status is not null ? RosterFilters.Status : 0)
        | (EducationLike is not null ? RosterFilters.Education : 0)
        | (PoliticalStatus is not null ? RosterFilters.PoliticalStatus : 0)
        | (BornOnOrBefore is not null ? RosterFilters.BornOnOrBefore : 0)
        | (BornAfter is not null ? RosterFilters.BornAfter : 0)
        | (ServiceFromOnOrBefore is not null ? RosterFilters.ServiceFromOnOrBefore : 0)
        | (ServiceFromAfter is not null ? RosterFilters.ServiceFromAfter : 0)
        | (PostType is not null ? RosterFilters.PostType : 0);
}
