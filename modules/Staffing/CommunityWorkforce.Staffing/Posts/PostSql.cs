namespace CommunityWorkforce.Staffing.Posts;

internal static class PostSql
{
    private const string Columns = """
        p.id, p.org_unit_id, u.name AS org_unit_name, u.path AS org_path, p.post_type, p.title, p.quota,
        (SELECT COUNT(*) FROM staffing_postings f WHERE f.post_id = p.id AND f.ended_on IS NULL) AS filled,
        p.status, p.version, p.created_at, p.updated_at
        """;

    private const string ScopedFrom = """
        FROM staffing_posts p
        JOIN staffing_org_units u ON u.id = p.org_unit_id
        WHERE {scope:u.path}
        """;

    private const string Filters = """
          AND (@UnitPath IS NULL OR {scope:u.path:@UnitPath})
          AND (@PostType IS NULL OR p.post_type = @PostType)
          AND (@Status IS NULL OR p.status = @Status)
          AND (@Q IS NULL OR p.title LIKE @Q ESCAPE '\' OR u.name LIKE @Q ESCAPE '\')
          AND (@HasVacancy = 0 OR p.quota > (SELECT COUNT(*) FROM staffing_postings f WHERE f.post_id = p.id AND f.ended_on IS NULL))
        """;

    public const string List = "SELECT " + Columns + " " + ScopedFrom + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) " + ScopedFrom + Filters;

    /// <summary>The list unpaged, in the list's order: what the Excel export streams.</summary>
    public const string Export = "SELECT " + Columns + " " + ScopedFrom + Filters + " ORDER BY {orderBy}";

    public const string Get = "SELECT " + Columns + " " + ScopedFrom + " AND p.id = @Id";

    public const string TitleExists = """
        SELECT COUNT(*) FROM staffing_posts WHERE org_unit_id = @OrgUnitId AND title = @Title AND status = 'active' AND id <> @Id
        """;

    public const string Insert = """
        INSERT INTO staffing_posts (id, org_unit_id, post_type, title, quota, status, version, created_at, updated_at)
        VALUES (@Id, @OrgUnitId, @PostType, @Title, @Quota, 'active', 1, @Now, @Now)
        """;

    /// <summary>
    /// A post's version and how many hold it, read under <c>{updlock}</c>: a posting's start reads the post's row under the
    /// same lock (<see cref="Postings.PostingSql.StartChecks"/>), so a quota change or a closing and a posting into the
    /// post happen one after the other, each seeing the other's result. No row when the post is closed.
    /// </summary>
    public const string HeadcountForChange = """
        SELECT p.version, (SELECT COUNT(*) FROM staffing_postings x WHERE x.post_id = p.id AND x.ended_on IS NULL) AS filled
        FROM staffing_posts p {updlock}
        WHERE p.id = @Id AND p.status = 'active'
        """;

    public const string Update = """
        UPDATE staffing_posts SET title = @Title, quota = @Quota, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string Close = """
        UPDATE staffing_posts SET status = 'closed', version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'active'
        """;
}

    /// <summary>What <see cref="PostSql.HeadcountForChange"/> reads.</summary>
internal sealed class HeadcountForChange
{
    public int Version { get; init; }
    public int Filled { get; init; }
}
