namespace CommunityWorkforce.CompetencyFramework.Frameworks;

internal static class FrameworkSql
{
    private const string Columns = """
        f.id, f.code, f.version_no, f.name_zh, f.name_en, f.status, f.based_on_id, f.published_at, f.retired_at,
        (SELECT COUNT(*) FROM competency_competencies c WHERE c.framework_id = f.id) AS competency_count,
        f.version, f.created_at, f.updated_at
        """;

    private const string Filters = """
        WHERE (@Code IS NULL OR f.code = @Code)
          AND (@Status IS NULL OR f.status = @Status)
          AND (@Q IS NULL OR f.name_zh LIKE @Q ESCAPE '\' OR f.name_en LIKE @Q ESCAPE '\' OR f.code LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " FROM competency_frameworks f " + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) FROM competency_frameworks f " + Filters;

    public const string Get = "SELECT " + Columns + " FROM competency_frameworks f WHERE f.id = @Id";

    public const string CodeExists = "SELECT COUNT(*) FROM competency_frameworks WHERE code = @Code";

    public const string DraftOfCode = "SELECT COUNT(*) FROM competency_frameworks WHERE code = @Code AND status = 'draft'";

    public const string NextVersionNo = "SELECT COALESCE(MAX(version_no), 0) + 1 FROM competency_frameworks WHERE code = @Code";

    public const string Dimensions = """
        SELECT id, code, name_zh, name_en FROM competency_dimensions WHERE framework_id = @Id ORDER BY sort_order
        """;

    public const string Competencies = """
        SELECT c.id, c.dimension_id, d.code AS dimension_code, c.code, c.name_zh, c.name_en
        FROM competency_competencies c
        JOIN competency_dimensions d ON d.id = c.dimension_id
        WHERE c.framework_id = @Id
        ORDER BY d.sort_order, c.sort_order
        """;

    public const string Levels = """
        SELECT l.competency_id, l.level, l.indicator_zh, l.indicator_en
        FROM competency_levels l
        JOIN competency_competencies c ON c.id = l.competency_id
        WHERE c.framework_id = @Id
        ORDER BY l.level
        """;

    public const string Insert = """
        INSERT INTO competency_frameworks (id, code, version_no, name_zh, name_en, status, based_on_id, published_at, version, created_at, updated_at)
        VALUES (@Id, @Code, @VersionNo, @NameZh, @NameEn, @Status, @BasedOnId, @PublishedAt, 1, @Now, @Now)
        """;

    /// <summary>The one statement that re-checks a draft: only a draft at the version the caller read changes.</summary>
    public const string UpdateDraft = """
        UPDATE competency_frameworks SET name_zh = @NameZh, name_en = @NameEn, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'draft'
        """;

    public const string DeleteLevels = """
        DELETE FROM competency_levels WHERE competency_id IN (SELECT id FROM competency_competencies WHERE framework_id = @Id)
        """;

    public const string DeleteCompetencies = "DELETE FROM competency_competencies WHERE framework_id = @Id";

    public const string DeleteDimensions = "DELETE FROM competency_dimensions WHERE framework_id = @Id";

    public const string InsertDimension = """
        INSERT INTO competency_dimensions (id, framework_id, code, name_zh, name_en, sort_order)
        VALUES (@Id, @FrameworkId, @Code, @NameZh, @NameEn, @SortOrder)
        """;

    public const string InsertCompetency = """
        INSERT INTO competency_competencies (id, framework_id, dimension_id, code, name_zh, name_en, sort_order)
        VALUES (@Id, @FrameworkId, @DimensionId, @Code, @NameZh, @NameEn, @SortOrder)
        """;

    public const string InsertLevel = """
        INSERT INTO competency_levels (competency_id, level, indicator_zh, indicator_en)
        VALUES (@CompetencyId, @Level, @IndicatorZh, @IndicatorEn)
        """;

    public const string Publish = """
        UPDATE competency_frameworks SET status = 'published', published_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'draft'
        """;

    /// <summary>Publishing a version retires the one published before it (one published version per code).</summary>
    public const string RetireOthers = """
        UPDATE competency_frameworks SET status = 'retired', retired_at = @Now, version = version + 1, updated_at = @Now
        WHERE code = @Code AND status = 'published' AND id <> @Id
        """;

    public const string Retire = """
        UPDATE competency_frameworks SET status = 'retired', retired_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'published'
        """;

    /// <summary>The latest published version of a code (for the default framework and rankings).</summary>
    public const string LatestPublishedOfCode = """
        SELECT id FROM competency_frameworks WHERE code = @Code AND status = 'published' ORDER BY version_no DESC {page}
        """;
}
