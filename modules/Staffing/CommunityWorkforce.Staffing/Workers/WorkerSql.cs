namespace CommunityWorkforce.Staffing.Workers;

internal static class WorkerSql
{
    private const string Columns = """
        w.id, w.staff_no, w.name, w.id_number_masked, w.birth_date, w.gender, w.ethnic_group, w.political_status,
        w.education, w.phone, w.hire_date, w.service_start_date, w.status, w.left_on, w.left_reason, w.org_unit_id,
        u.name AS org_unit_name, u.path AS org_path, ps.id AS primary_post_id, ps.title AS primary_post_title,
        ps.post_type AS primary_post_type, w.is_demo, w.version, w.created_at, w.updated_at
        """;

    /// <summary>
    /// The scoped roster: hr/leader see workers of units in their subtree; a worker sees only themself.
    /// </summary>
    private const string ScopedFrom = """
        FROM staffing_workers w
        JOIN staffing_org_units u ON u.id = w.org_unit_id
        LEFT JOIN staffing_postings pp ON pp.worker_id = w.id AND pp.ended_on IS NULL AND pp.is_primary = 1
        LEFT JOIN staffing_posts ps ON ps.id = pp.post_id
        WHERE ((@OnlyWorkerId IS NULL AND u.path LIKE @Scope) OR w.id = @OnlyWorkerId)
        """;

    private const string Filters = """
          AND (@UnitPath IS NULL OR u.path LIKE @UnitPath)
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
          AND (@Q IS NULL OR w.name LIKE @Q ESCAPE '\' OR w.staff_no LIKE @QPrefix ESCAPE '\' OR w.phone LIKE @QSuffix ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " " + ScopedFrom + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) " + ScopedFrom + Filters;

    /// <summary>Every matching row, for export (streamed, no paging).</summary>
    public const string Export = "SELECT " + Columns + ", w.id_number_cipher, w.id_number_key_id " + ScopedFrom + Filters + " ORDER BY w.staff_no";

    public const string Get = "SELECT " + Columns + ", w.id_number_cipher, w.id_number_key_id " + ScopedFrom + " AND w.id = @Id";

    public const string IdNumberHashExists = "SELECT COUNT(*) FROM staffing_workers WHERE id_number_hash = @Hash";

    public const string StaffNoExists = "SELECT COUNT(*) FROM staffing_workers WHERE staff_no = @StaffNo";

    public const string NextStaffNo = "UPDATE staffing_counters SET value = value + 1 WHERE name = 'staff_no'";

    public const string CurrentStaffNo = "SELECT value FROM staffing_counters WHERE name = 'staff_no'";

    public const string Insert = """
        INSERT INTO staffing_workers
            (id, staff_no, name, id_number_cipher, id_number_key_id, id_number_hash, id_number_masked, birth_date, gender,
             ethnic_group, political_status, education, phone, hire_date, service_start_date, status, org_unit_id,
             is_demo, version, created_at, updated_at)
        VALUES
            (@Id, @StaffNo, @Name, @IdNumberCipher, @IdNumberKeyId, @IdNumberHash, @IdNumberMasked, @BirthDate, @Gender,
             @EthnicGroup, @PoliticalStatus, @Education, @Phone, @HireDate, @ServiceStartDate, 'active', @OrgUnitId,
             @IsDemo, 1, @Now, @Now)
        """;

    public const string Update = """
        UPDATE staffing_workers
        SET name = @Name, ethnic_group = @EthnicGroup, political_status = @PoliticalStatus, education = @Education,
            phone = @Phone, hire_date = @HireDate, service_start_date = @ServiceStartDate, version = version + 1,
            updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string SetStatus = """
        UPDATE staffing_workers
        SET status = @Status, left_on = @LeftOn, left_reason = @LeftReason, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string SetOrgUnit = """
        UPDATE staffing_workers SET org_unit_id = @OrgUnitId, version = version + 1, updated_at = @Now WHERE id = @Id
        """;
}
