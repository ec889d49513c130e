namespace CommunityWorkforce.CompetencyFramework.Profiles;

internal static class ProfileSql
{
    private const string Columns = """
        p.id, p.framework_id, f.version_no AS framework_version_no, f.status AS framework_status, p.name, p.post_type,
        p.level_from, p.level_to, p.post_title, p.version, p.created_at, p.updated_at
        """;

    private const string Filters = """
        WHERE (@FrameworkId IS NULL OR p.framework_id = @FrameworkId)
          AND (@PostType IS NULL OR p.post_type = @PostType)
          AND (@Q IS NULL OR p.name LIKE @Q ESCAPE '\' OR p.post_title LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " FROM competency_profiles p JOIN competency_frameworks f ON f.id = p.framework_id "
        + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) FROM competency_profiles p " + Filters;

    public const string Get = "SELECT " + Columns + " FROM competency_profiles p JOIN competency_frameworks f ON f.id = p.framework_id WHERE p.id = @Id";

    public const string Items = """
        SELECT i.profile_id, i.competency_id, i.competency_code, c.name_zh, c.name_en, i.required_level, i.weight, i.item_bit
        FROM competency_profile_items i
        JOIN competency_competencies c ON c.id = i.competency_id
        WHERE i.profile_id = @Id
        ORDER BY i.item_bit
        """;

    public const string FrameworkCompetencies = """
        SELECT c.id, c.code FROM competency_competencies c WHERE c.framework_id = @FrameworkId
        """;

    public const string FrameworkStatus = "SELECT status FROM competency_frameworks WHERE id = @FrameworkId";

    /// <summary>Another profile of the same framework, post type and title whose level band overlaps (read under lock).</summary>
    public const string KeyExists = """
        SELECT COUNT(*) FROM competency_profiles {updlock}
        WHERE framework_id = @FrameworkId AND post_type = @PostType AND post_title = @PostTitle AND id <> @Id
          AND level_from <= @LevelTo AND level_to >= @LevelFrom
        """;

    public const string Insert = """
        INSERT INTO competency_profiles (id, framework_id, name, post_type, level_from, level_to, post_title, version, created_at, updated_at)
        VALUES (@Id, @FrameworkId, @Name, @PostType, @LevelFrom, @LevelTo, @PostTitle, 1, @Now, @Now)
        """;

    public const string Update = """
        UPDATE competency_profiles
        SET framework_id = @FrameworkId, name = @Name, post_type = @PostType, level_from = @LevelFrom, level_to = @LevelTo,
            post_title = @PostTitle, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string DeleteItems = "DELETE FROM competency_profile_items WHERE profile_id = @Id";

    public const string InsertItem = """
        INSERT INTO competency_profile_items (profile_id, competency_id, competency_code, required_level, weight, item_bit)
        VALUES (@ProfileId, @CompetencyId, @CompetencyCode, @RequiredLevel, @Weight, @ItemBit)
        """;

    /// <summary>
    /// The profile in force for a post: one for the post's type naming the post's title if one does, else the one for
    /// every post of the type; on a published framework before a retired one (a new version keeps the older profiles in
    /// force until HR sets new ones; assessed levels match across versions by competency code), the latest version first.
    /// A post has no grade level, so where a type has profiles for several level bands the post is ranked against the
    /// lowest band's (the level a newcomer to the post starts from).
    /// </summary>
    public const string ForPost = """
        SELECT p.id FROM competency_profiles p
        JOIN competency_frameworks f ON f.id = p.framework_id
        WHERE f.status <> 'draft' AND p.post_type = @PostType AND (p.post_title = @PostTitle OR p.post_title = '')
        ORDER BY CASE WHEN p.post_title = '' THEN 1 ELSE 0 END, CASE WHEN f.status = 'published' THEN 0 ELSE 1 END, f.version_no DESC, p.level_from, p.id
        {page}
        """;
}
