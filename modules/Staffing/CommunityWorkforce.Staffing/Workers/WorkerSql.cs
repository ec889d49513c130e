namespace CommunityWorkforce.Staffing.Workers;

internal static class WorkerSql
{
    private const string From = """

        FROM staffing_workers w
        JOIN staffing_org_units u ON u.id = w.org_unit_id
        LEFT JOIN staffing_postings pp ON pp.worker_id = w.id AND pp.ended_on IS NULL AND pp.is_primary = 1
        LEFT JOIN staffing_posts ps ON ps.id = pp.post_id
        """;

    /// <summary>With the protected ID number, for reveal and unmasked export.</summary>
    private const string SelectSecretsFrom = "SELECT w.id_number_cipher, w.id_number_key_id, " + RosterQuery.Columns + From;

    /// <summary>One worker: hr/leader within scope, a worker only themself.</summary>
    public const string Get = SelectSecretsFrom + """
         WHERE w.id = @Id AND ((@OnlyWorkerId IS NULL AND {scope:w.org_path}) OR w.id = @OnlyWorkerId)
        """;

    /// <summary>
    /// An n-gram row carries the worker's street (<see cref="RosterIndex.StreetPathOf"/>), staff number and status, so
    /// that a name search in a street or wider pages on it alone.
    /// </summary>
    public const string InsertGram = """
        INSERT INTO staffing_worker_name_grams (gram, street_path, staff_no, status, worker_id)
        SELECT @Gram, @StreetPath, w.staff_no, w.status, w.id FROM staffing_workers w WHERE w.id = @WorkerId
        """;

    /// <summary>
    /// The post types a worker holds now, as bits (<see cref="RosterArgs.PostTypeBit"/>): SUM of DISTINCT powers of two
    /// is their bitwise OR. Correlated to the row being updated.
    /// </summary>
    private const string CurrentPostTypes = """
        (SELECT COALESCE(SUM(DISTINCT CASE s.post_type WHEN 'head' THEN 1 WHEN 'deputy' THEN 2 WHEN 'staff' THEN 4 ELSE 0 END), 0)
         FROM staffing_postings p JOIN staffing_posts s ON s.id = p.post_id
         WHERE p.worker_id = staffing_workers.id AND p.ended_on IS NULL)
        """;

    /// <summary>
    /// Kept by PostingService after a posting of the worker starts or ends. Written only when the bits change (most
    /// postings start and end within one post type): the row is then left as it is, and so is its entry in the roster's
    /// scope index, which carries <c>post_types</c>.
    /// </summary>
    public const string RefreshPostTypes = "UPDATE staffing_workers SET post_types = " + CurrentPostTypes +
        " WHERE id = @WorkerId AND post_types <> " + CurrentPostTypes;

    /// <summary>The same, for the worker holding posting <c>@PostingId</c>.</summary>
    public const string RefreshPostTypesOfPosting = "UPDATE staffing_workers SET post_types = " + CurrentPostTypes +
        " WHERE id = (SELECT g.worker_id FROM staffing_postings g WHERE g.id = @PostingId) AND post_types <> " + CurrentPostTypes;

    /// <summary>Every worker (bulk loads that write postings directly: the benchmark's generator).</summary>
    public const string RefreshAllPostTypes = "UPDATE staffing_workers SET post_types = " + CurrentPostTypes;

    public const string SetGramsStatus = "UPDATE staffing_worker_name_grams SET status = @Status WHERE worker_id = @WorkerId";

    /// <summary>The worker's n-grams move to another street (the condition keeps a repeated call from writing).</summary>
    public const string SetGramsStreet = """
        UPDATE staffing_worker_name_grams SET street_path = @StreetPath WHERE worker_id = @WorkerId AND street_path <> @StreetPath
        """;

    public const string OrgPathOf = "SELECT org_path FROM staffing_workers WHERE id = @WorkerId";

    public const string DeleteGrams = "DELETE FROM staffing_worker_name_grams WHERE worker_id = @WorkerId";

    /// <summary>Keeps workers' copy of the org path right when a subtree moves.</summary>
    public const string MoveOrgPaths = """
        UPDATE staffing_workers SET org_path = @NewPath {cat} {substr}(org_path, @OldPathLength + 1, 400)
        WHERE org_path LIKE @OldPathPattern
        """;

    /// <summary>A street or a district moved: its n-grams' street paths start with its path, which changes.</summary>
    public const string MoveGramStreets = """
        UPDATE staffing_worker_name_grams SET street_path = @NewPath {cat} {substr}(street_path, @OldPathLength + 1, 400)
        WHERE street_path LIKE @OldPathPattern
        """;

    /// <summary>A unit below a street moved to another street: its workers' n-grams (found by their new paths) follow.</summary>
    public const string SetGramStreetsOfSubtree = """
        UPDATE staffing_worker_name_grams SET street_path = @NewStreetPath
        WHERE worker_id IN (SELECT w.id FROM staffing_workers w WHERE {scope:w.org_path:@NewPathPattern})
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

    /// <summary>The worker's unit, its path and the post types of their active postings (<see cref="RosterIndex.PlaceAsync"/>).</summary>
    public const string Place = "UPDATE staffing_workers SET org_unit_id = @OrgUnitId, org_path = @OrgPath, post_types = " +
        CurrentPostTypes + ", version = version + 1, updated_at = @Now WHERE id = @Id";
}
