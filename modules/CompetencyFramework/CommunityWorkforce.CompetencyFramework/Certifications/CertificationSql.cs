using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.BuildingBlocks.Http;
namespace CommunityWorkforce.CompetencyFramework.Certifications;

internal static class CertificationSql
{
    public const string Lines = """
        SELECT id, code, name_zh, name_en, sort_order, status, version FROM competency_service_lines ORDER BY sort_order, code
        """;

    public const string LineCodeExists = "SELECT COUNT(*) FROM competency_service_lines WHERE code = @Code";

    public const string NextLineOrder = "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM competency_service_lines";

    public const string InsertLine = """
        INSERT INTO competency_service_lines (id, code, name_zh, name_en, sort_order, status, version, created_at, updated_at)
        VALUES (@Id, @Code, @NameZh, @NameEn, @SortOrder, 'active', 1, @Now, @Now)
        """;

    public const string LineActive = "SELECT COUNT(*) FROM competency_service_lines WHERE id = @LineId AND status = 'active'";

    private const string Columns = """
        c.id, c.worker_id, ws.name AS worker_name, ws.staff_no, u.name AS org_unit_name, ws.org_path, c.line_id, l.code AS line_code,
        l.name_zh AS line_name_zh, l.name_en AS line_name_en, c.score, c.pass_mark, c.certified_on, c.expires_on, c.resit_count, c.version
        """;

    private const string From = """
        FROM competency_certifications c
        JOIN competency_service_lines l ON l.id = c.line_id
        JOIN staffing_v_worker_scope ws ON ws.worker_id = c.worker_id
        JOIN staffing_v_org_units u ON u.id = ws.org_unit_id
        WHERE ((@OnlyWorkerId IS NULL AND {scope:ws.org_path}) OR c.worker_id = @OnlyWorkerId)
        """;

    private const string Filters = """
          AND (@WorkerId IS NULL OR c.worker_id = @WorkerId)
          AND (@UnitPath IS NULL OR {scope:ws.org_path:@UnitPath})
          AND (@LineId IS NULL OR c.line_id = @LineId)
          AND (@Q IS NULL OR ws.name LIKE @Q ESCAPE '\' OR ws.staff_no LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " " + From + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) " + From + Filters;

    /// <summary>
    /// Filtered by one worker (<c>@WorkerId</c> set): the plain condition lets SQLite read the worker's few certifications
    /// by the (worker, line) index instead of the scope's every one (131,000 on the city data). Same rows.
    /// </summary>
    public const string ListOfWorker = "SELECT " + Columns + " " + From + " AND c.worker_id = @WorkerId" + Filters + " ORDER BY {orderBy} {page}";

    public const string CountOfWorker = "SELECT COUNT(*) " + From + " AND c.worker_id = @WorkerId" + Filters;

    public const string Get = "SELECT " + Columns + " " + From + " AND c.id = @Id";

    /// <summary>Passed certifications of active workers in scope that expire between today and <c>@Until</c>.</summary>
    private const string ExpiringFilter = """
          AND ws.status = 'active' AND c.score >= c.pass_mark AND c.expires_on >= @Today AND c.expires_on <= @Until
        """;

    public const string Expiring = "SELECT " + Columns + " " + From + ExpiringFilter + " ORDER BY c.expires_on, ws.staff_no, c.id {page}";

    public const string ExpiringCount = "SELECT COUNT(*) " + From + ExpiringFilter;

    public const string Exists = "SELECT COUNT(*) FROM competency_certifications WHERE worker_id = @WorkerId AND line_id = @LineId AND id <> @Id";

    public const string Insert = """
        INSERT INTO competency_certifications (id, worker_id, line_id, score, pass_mark, certified_on, expires_on, resit_count, version, created_at, updated_at)
        VALUES (@Id, @WorkerId, @LineId, @Score, @PassMark, @CertifiedOn, @ExpiresOn, @ResitCount, 1, @Now, @Now)
        """;

    public const string Update = """
        UPDATE competency_certifications
        SET score = @Score, pass_mark = @PassMark, certified_on = @CertifiedOn, expires_on = @ExpiresOn, resit_count = @ResitCount,
            version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>The active workers of one unit with each certification they hold (a row without a line when they hold none).</summary>
    public const string CoverageCells = """
        SELECT ws.worker_id, ws.staff_no, ws.name, l.code AS line_code,
               CASE WHEN c.score >= c.pass_mark AND c.expires_on >= @Today THEN 1 ELSE 0 END AS valid
        FROM staffing_v_worker_scope ws
        LEFT JOIN competency_certifications c ON c.worker_id = ws.worker_id
        LEFT JOIN competency_service_lines l ON l.id = c.line_id AND l.status = 'active'
        WHERE ws.org_unit_id = @OrgUnitId AND ws.status = 'active'
        ORDER BY ws.staff_no
        """;

    /// <summary>How far ahead "expiring" looks unless the caller says.</summary>
    public const int DefaultExpiringDays = 90;

    /// <summary>The arguments of the expiring list and count (the workbench card uses them too).</summary>
    internal static object ExpiringArgs(CurrentUser user, DateOnly today, int days, int skip, int take) => new
    {
        Scope = user.ScopePattern, user.OnlyWorkerId, Today = today, Until = today.AddDays(days), Skip = skip, Take = take,
    };
}
