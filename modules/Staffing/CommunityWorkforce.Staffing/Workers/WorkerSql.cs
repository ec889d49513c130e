namespace CommunityWorkforce.Staffing.Workers;

internal static class WorkerSql
{
    private const string Columns = """
        w.id, w.staff_no, w.name, w.id_number_masked, w.birth_date, w.gender, w.ethnic_group, w.political_status,
        w.education, w.phone, w.hire_date, w.service_start_date, w.status, w.left_on, w.left_reason, w.org_unit_id,
        u.name AS org_unit_name, u.path AS org_path, ps.id AS primary_post_id, ps.title AS primary_post_title,
        ps.post_type AS primary_post_type, w.is_demo, w.version, w.created_at, w.updated_at
        """;

    private const string From = """

        FROM staffing_workers w
        JOIN staffing_org_units u ON u.id = w.org_unit_id
        LEFT JOIN staffing_postings pp ON pp.worker_id = w.id AND pp.ended_on IS NULL AND pp.is_primary = 1
        LEFT JOIN staffing_posts ps ON ps.id = pp.post_id
        """;

    private const string SelectFrom = "SELECT " + Columns + From;

    /// <summary>With the protected ID number, for reveal and unmasked export.</summary>
    private const string SelectSecretsFrom = "SELECT w.id_number_cipher, w.id_number_key_id, " + Columns + From;

    /// <summary>Scope for hr/leader/admin: workers of units in the caller's subtree (org_path is the unit's path).</summary>
    private const string InScope = " WHERE w.org_path LIKE @Scope";

    /// <summary>
    /// The same scope for pages of a wide scope (district, city). Written so that SQLite does not turn it into an org_path
    /// index range: such a page is cheapest read in sort order (staff number index) and stopped after one page, not
    /// gathered for tens of thousands of workers and sorted. Counts keep the range (<see cref="InScope"/>), an index-only count.
    /// </summary>
    private const string InScopeForPage = " WHERE (@AllUnits = 1 OR w.org_path LIKE @Scope)";

    /// <summary>
    /// Name fragment: candidates from the n-gram index (gram, org path) — one index range per scope — confirmed by LIKE.
    /// </summary>
    private const string ByName = """
         WHERE w.id IN (SELECT g.worker_id FROM staffing_worker_name_grams g WHERE g.gram = @Gram AND g.org_path LIKE @Scope)
           AND w.name LIKE @NamePattern ESCAPE '\'
        """;

    /// <summary>
    /// Staff-number prefix (a range on its unique index) or a phone's last four digits; the scope is a filter here,
    /// written so that SQLite does not prefer the (much wider) org-path range.
    /// </summary>
    private const string ByCode = """
         WHERE (w.staff_no >= @CodeLow AND w.staff_no <= @CodeHigh OR w.phone_last4 = @Last4)
           AND (@AllUnits = 1 OR w.org_path LIKE @Scope)
        """;

    private const string Filters = """

          AND (@UnitPath IS NULL OR w.org_path LIKE @UnitPath)
          AND (@Status IS NULL OR w.status = @Status)
          AND (@ExcludeLeft = 0 OR w.status <> 'left')
          AND (@EducationLike IS NULL OR w.education LIKE @EducationLike)
          AND (@PoliticalStatus IS NULL OR w.political_status = @PoliticalStatus)
          AND (@BornOnOrBefore IS NULL OR w.birth_date <= @BornOnOrBefore)
          AND (@BornAfter IS NULL OR w.birth_date > @BornAfter)
          AND (@ServiceFromOnOrBefore IS NULL OR w.service_start_date <= @ServiceFromOnOrBefore)
          AND (@ServiceFromAfter IS NULL OR w.service_start_date > @ServiceFromAfter)
          AND (@PostType IS NULL OR EXISTS (
                SELECT 1 FROM staffing_postings p2 JOIN staffing_posts s2 ON s2.id = p2.post_id
                WHERE p2.worker_id = w.id AND p2.ended_on IS NULL AND s2.post_type = @PostType))
        """;

    private const string Page = " ORDER BY {orderBy} {page}";

    /// <summary>A street or smaller: gather the scope through the org_path range, then sort.</summary>
    public const string List = SelectFrom + InScope + Filters + Page;

    /// <summary>A district or the city: read in sort order and stop after one page.</summary>
    public const string ListWide = SelectFrom + InScopeForPage + Filters + Page;
    public const string ListByName = SelectFrom + ByName + Filters + Page;
    public const string ListByCode = SelectFrom + ByCode + Filters + Page;

    /// <summary>Counts read only the workers table (an index range on org_path for a plain scope).</summary>
    public const string Count = "SELECT COUNT(*) FROM staffing_workers w" + InScope + Filters;
    public const string CountByName = "SELECT COUNT(*) FROM staffing_workers w" + ByName + Filters;
    public const string CountByCode = "SELECT COUNT(*) FROM staffing_workers w" + ByCode + Filters;

    /// <summary>Every matching row, for export (streamed, no paging); free text as in the list.</summary>
    public const string Export = SelectSecretsFrom + InScope + Filters + " ORDER BY w.staff_no";
    public const string ExportByName = SelectSecretsFrom + ByName + Filters + " ORDER BY w.staff_no";
    public const string ExportByCode = SelectSecretsFrom + ByCode + Filters + " ORDER BY w.staff_no";

    /// <summary>One worker: hr/leader within scope, a worker only themself.</summary>
    public const string Get = SelectSecretsFrom + """
         WHERE w.id = @Id AND ((@OnlyWorkerId IS NULL AND w.org_path LIKE @Scope) OR w.id = @OnlyWorkerId)
        """;

    public const string InsertGram = "INSERT INTO staffing_worker_name_grams (gram, org_path, worker_id) VALUES (@Gram, @OrgPath, @WorkerId)";

    public const string SetGramsPath = "UPDATE staffing_worker_name_grams SET org_path = @OrgPath WHERE worker_id = @WorkerId";

    public const string DeleteGrams = "DELETE FROM staffing_worker_name_grams WHERE worker_id = @WorkerId";

    /// <summary>Keeps workers' copy of the org path right when a subtree moves.</summary>
    public const string MoveOrgPaths = """
        UPDATE staffing_workers SET org_path = @NewPath {cat} {substr}(org_path, @OldPathLength + 1, 400)
        WHERE org_path LIKE @OldPathPattern
        """;

    public const string MoveGramPaths = """
        UPDATE staffing_worker_name_grams SET org_path = @NewPath {cat} {substr}(org_path, @OldPathLength + 1, 400)
        WHERE org_path LIKE @OldPathPattern
        """;

    public const string IdNumberHashExists = "SELECT COUNT(*) FROM staffing_workers WHERE id_number_hash = @Hash";

    public const string StaffNoExists = "SELECT COUNT(*) FROM staffing_workers WHERE staff_no = @StaffNo";

    public const string NextStaffNo = "UPDATE staffing_counters SET value = value + 1 WHERE name = 'staff_no'";

    public const string CurrentStaffNo = "SELECT value FROM staffing_counters WHERE name = 'staff_no'";

    public const string Insert = """
        INSERT INTO staffing_workers
            (id, staff_no, name, id_number_cipher, id_number_key_id, id_number_hash, id_number_masked, birth_date, gender,
             ethnic_group, political_status, education, phone, phone_last4, hire_date, service_start_date, status, org_unit_id,
             org_path, is_demo, version, created_at, updated_at)
        VALUES
            (@Id, @StaffNo, @Name, @IdNumberCipher, @IdNumberKeyId, @IdNumberHash, @IdNumberMasked, @BirthDate, @Gender,
             @EthnicGroup, @PoliticalStatus, @Education, @Phone, @PhoneLast4, @HireDate, @ServiceStartDate, 'active', @OrgUnitId,
             @OrgPath, @IsDemo, 1, @Now, @Now)
        """;

    public const string Update = """
        UPDATE staffing_workers
        SET name = @Name, ethnic_group = @EthnicGroup, political_status = @PoliticalStatus, education = @Education,
            phone = @Phone, phone_last4 = @PhoneLast4, hire_date = @HireDate, service_start_date = @ServiceStartDate, version = version + 1,
            updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string SetStatus = """
        UPDATE staffing_workers
        SET status = @Status, left_on = @LeftOn, left_reason = @LeftReason, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string SetOrgUnit = """
        UPDATE staffing_workers SET org_unit_id = @OrgUnitId, org_path = @OrgPath, version = version + 1, updated_at = @Now WHERE id = @Id
        """;
}
