namespace CommunityWorkforce.Training.Certificates;

internal static class CertificateSql
{
    private const string Columns = """
        t.id, t.worker_id AS WorkerId, w.name AS WorkerName, w.staff_no AS StaffNo, w.org_path AS OrgPath, t.kind, t.level, t.name, t.number,
        t.issued_on AS IssuedOn, t.registered_on AS RegisteredOn, t.expires_on AS ExpiresOn, t.version,
        COALESCE((SELECT SUM(e.hours_credited) FROM training_enrollments e
            WHERE e.worker_id = t.worker_id AND t.registered_on IS NOT NULL
              AND e.completed_on >= t.registered_on AND e.completed_on <= t.expires_on), 0.0) AS ContinuingHours
        """;

    private const string From = """
         FROM training_certificates t
        JOIN staffing_v_worker_scope w ON w.worker_id = t.worker_id
        WHERE ({scope:w.org_path} OR t.worker_id = @OnlyWorkerId)
        """;

    private const string Filters = """
        AND (@WorkerId IS NULL OR t.worker_id = @WorkerId)
        AND (@Kind IS NULL OR t.kind = @Kind)
        AND (@ExpiringBy IS NULL OR (t.expires_on >= @Today AND t.expires_on <= @ExpiringBy AND w.status <> 'left'))
        AND (@Q IS NULL OR w.name LIKE @Q ESCAPE '\' OR w.staff_no LIKE @Q ESCAPE '\' OR t.name LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + From + Filters + " ORDER BY {orderBy} {page}";

    /// <summary>
    /// One worker's certificates (their track): the list with the worker as a plain condition, so that they are found by
    /// the worker index — the optional filter of <see cref="List"/> alone would read every certificate of the scope.
    /// </summary>
    public const string ListOfWorker = "SELECT " + Columns + From + " AND t.worker_id = @WorkerId " + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*)" + From + Filters;

    public const string CountOfWorker = "SELECT COUNT(*)" + From + " AND t.worker_id = @WorkerId " + Filters;

    /// <summary>
    /// The count and list SQL for a filter: one worker's certificates by the worker index (the optional filter alone read
    /// every certificate of the caller's scope: 53 ms for a street).
    /// </summary>
    public static (string Count, string List) For(CertificateListQuery filter) =>
        filter.WorkerId is not null ? (CountOfWorker, ListOfWorker) : (Count, List);

    public const string Get = "SELECT " + Columns + From + " AND t.id = @Id";

    public const string Insert = """
        INSERT INTO training_certificates (id, worker_id, kind, level, name, number, issued_on, registered_on, expires_on, version, created_at, updated_at)
        VALUES (@Id, @WorkerId, @Kind, @Level, @Name, @Number, @IssuedOn, @RegisteredOn, @ExpiresOn, 1, @Now, @Now)
        """;

    public const string NumberExists = "SELECT COUNT(*) FROM training_certificates WHERE kind = @Kind AND number = @Number";

    /// <summary>Active workers under the unit, and how many of them hold a social-work qualification (its registration may lapse; the qualification does not).</summary>
    public const string Rate = """
        SELECT COUNT(*) AS Workers, COUNT(c.worker_id) AS Certified
        FROM staffing_v_worker_scope w
        LEFT JOIN (SELECT DISTINCT worker_id FROM training_certificates WHERE kind = 'social-work') c ON c.worker_id = w.worker_id
        WHERE w.status <> 'left' AND {scope:w.org_path} AND {scope:w.org_path:@UnitPath}
        """;
}
