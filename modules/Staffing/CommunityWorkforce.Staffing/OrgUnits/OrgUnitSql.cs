namespace CommunityWorkforce.Staffing.OrgUnits;

internal static class OrgUnitSql
{
    private const string Columns = """
        u.id, u.code, u.name, u.level, u.parent_id, u.path, u.depth, u.households, u.population, u.is_demo,
        u.status, u.closed_on, u.close_reason, u.version, u.created_at, u.updated_at,
        (SELECT COUNT(*) FROM staffing_org_units c WHERE c.parent_id = u.id AND c.status = 'active') AS child_count
        """;

    private const string ListFilter = """
        FROM staffing_org_units u
        WHERE {scope:u.path}
          AND (@Level IS NULL OR u.level = @Level)
          AND (@ParentId IS NULL OR u.parent_id = @ParentId)
          AND (@Status IS NULL OR u.status = @Status)
          AND (@Q IS NULL OR u.name LIKE @Q ESCAPE '\' OR u.code LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " " + ListFilter + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) " + ListFilter;

    public const string Get = "SELECT " + Columns + " FROM staffing_org_units u WHERE u.id = @Id AND {scope:u.path}";

    public const string GetUnscoped = "SELECT " + Columns + " FROM staffing_org_units u WHERE u.id = @Id";

    public const string GetByCode = "SELECT " + Columns + " FROM staffing_org_units u WHERE u.code = @Code";

    public const string Tree = """
        SELECT u.id, u.code, u.name, u.level, u.status, u.parent_id, u.path
        FROM staffing_org_units u
        WHERE {scope:u.path} AND (@IncludeClosed = 1 OR u.status = 'active')
        ORDER BY u.path
        """;

    public const string CodeExists = "SELECT COUNT(*) FROM staffing_org_units WHERE code = @Code";

    public const string SiblingNameExists = """
        SELECT COUNT(*) FROM staffing_org_units
        WHERE status = 'active' AND name = @Name AND id <> @Id
          AND ((@ParentId IS NULL AND parent_id IS NULL) OR parent_id = @ParentId)
        """;

    public const string Insert = """
        INSERT INTO staffing_org_units
            (id, code, name, level, parent_id, path, depth, households, population, is_demo, status, version, created_at, updated_at)
        VALUES
            (@Id, @Code, @Name, @Level, @ParentId, @Path, @Depth, @Households, @Population, @IsDemo, 'active', 1, @Now, @Now)
        """;

    public const string Update = """
        UPDATE staffing_org_units
        SET name = @Name, households = @Households, population = @Population, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>Re-roots the whole subtree (the unit itself included) from @OldPath to @NewPath.</summary>
    public const string MoveSubtree = """
        UPDATE staffing_org_units
        SET path = @NewPath {cat} {substr}(path, @OldPathLength + 1, 400),
            depth = depth + @DepthDelta,
            version = version + 1,
            updated_at = @Now
        WHERE path LIKE @OldPathPattern
        """;

    /// <summary>
    /// The move's one conditional write: the unit is still at the version read, and the new parent is still active at the
    /// path read (neither closed nor moved meanwhile). Zero rows: the caller reports a stale version.
    /// </summary>
    public const string SetParent = """
        UPDATE staffing_org_units SET parent_id = @NewParentId
        WHERE id = @Id AND version = @Version
          AND EXISTS (SELECT 1 FROM staffing_org_units p WHERE p.id = @NewParentId AND p.status = 'active' AND p.path = @NewParentPath)
        """;

    public const string ActiveChildren = "SELECT COUNT(*) FROM staffing_org_units WHERE parent_id = @Id AND status = 'active'";

    /// <summary>
    /// Closing's one conditional write: still active at the version read, and no active child (a child created meanwhile
    /// makes it write nothing; the caller then tells which).
    /// </summary>
    public const string Close = """
        UPDATE staffing_org_units
        SET status = 'closed', closed_on = @ClosedOn, close_reason = @Reason, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'active'
          AND NOT EXISTS (SELECT 1 FROM staffing_org_units c WHERE c.parent_id = @Id AND c.status = 'active')
        """;
}
