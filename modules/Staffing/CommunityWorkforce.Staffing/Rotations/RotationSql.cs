namespace CommunityWorkforce.Staffing.Rotations;

internal static class RotationSql
{
    private const string Columns = """
        r.id, r.worker_id, w.name AS worker_name, w.staff_no, wu.path AS worker_path,
        r.from_posting_id, fp.title AS from_post_title, fu.name AS from_org_unit_name, f.started_on AS from_started_on,
        f.ended_on AS from_ended_on, f.is_primary AS from_is_primary,
        r.to_post_id, tp.title AS to_post_title, tu.name AS to_org_unit_name, tu.id AS to_org_unit_id, tu.path AS to_path,
        tp.quota AS to_post_quota,
        (SELECT COUNT(*) FROM staffing_postings x WHERE x.post_id = r.to_post_id AND x.ended_on IS NULL) AS to_post_filled,
        r.reason, r.proposed_on, r.status, r.requested_by, r.requested_by_name, r.requested_role, r.submitted_at,
        r.decided_by_name, r.decided_at, r.decision_comment, r.new_posting_id, r.version, r.created_at, r.updated_at
        """;

    /// <summary>Requests of workers in scope (for one request, found by id).</summary>
    private const string ScopedFrom = """
        FROM staffing_rotation_requests r
        JOIN staffing_workers w ON w.id = r.worker_id
        JOIN staffing_org_units wu ON wu.id = w.org_unit_id
        JOIN staffing_postings f ON f.id = r.from_posting_id
        JOIN staffing_posts fp ON fp.id = f.post_id
        JOIN staffing_org_units fu ON fu.id = fp.org_unit_id
        JOIN staffing_posts tp ON tp.id = r.to_post_id
        JOIN staffing_org_units tu ON tu.id = tp.org_unit_id
        WHERE ((@OnlyWorkerId IS NULL AND {scope:wu.path}) OR w.id = @OnlyWorkerId)
        """;

    /// <summary>
    /// Requests of workers in scope, for lists. The second condition repeats the scope in a form that drives the query
    /// from the workers' org-path index (a street's few hundred workers) instead of reading every request in the city.
    /// Not for one request by id: there it would list the scope's workers to find one row. A leader does not see drafts:
    /// they are the requester's until submitted.
    /// </summary>
    private const string ScopedListFrom = ScopedFrom + """
          AND r.worker_id IN (SELECT sw.id FROM staffing_workers sw WHERE {scope:sw.org_path:@WorkerScope} UNION ALL SELECT @OnlyWorkerId)
          AND (@HideDrafts = 0 OR r.status <> 'draft')
        """;

    private const string Filters = """
          AND (@Status IS NULL OR r.status = @Status OR (@Status = 'open' AND r.status IN ('draft', 'submitted')))
          AND (@WorkerId IS NULL OR r.worker_id = @WorkerId)
          AND (@UnitPath IS NULL OR {scope:wu.path:@UnitPath} OR {scope:tu.path:@UnitPath})
          AND (@Q IS NULL OR w.name LIKE @Q ESCAPE '\' OR w.staff_no LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " " + ScopedListFrom + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) " + ScopedListFrom + Filters;

    /// <summary>The list unpaged, in the list's order: what the Excel export streams.</summary>
    public const string Export = "SELECT " + Columns + " " + ScopedListFrom + Filters + " ORDER BY {orderBy}";

    /// <summary>
    /// The list filtered by one worker (<c>@WorkerId</c> set: a worker's rotation history on their profile), driven by the
    /// requests' worker index. The lists' scope condition above enumerates the scope's workers (for the city's HR, all
    /// 60,000: 0.7–1 s on the city data, with <c>(@WorkerId IS NULL OR …)</c> unable to use the index); the worker's
    /// visibility is still checked by <see cref="ScopedFrom"/>. Same filters, same rows.
    /// </summary>
    private const string ScopedOneWorkerFrom = ScopedFrom + """
          AND r.worker_id = @WorkerId
          AND (@HideDrafts = 0 OR r.status <> 'draft')
        """;

    public const string ListOfWorker = "SELECT " + Columns + " " + ScopedOneWorkerFrom + Filters + " ORDER BY {orderBy} {page}";

    public const string CountOfWorker = "SELECT COUNT(*) " + ScopedOneWorkerFrom + Filters;

    public const string ExportOfWorker = "SELECT " + Columns + " " + ScopedOneWorkerFrom + Filters + " ORDER BY {orderBy}";

    public const string CountsByStatus = "SELECT r.status, COUNT(*) AS n " + ScopedListFrom + " GROUP BY r.status";

    public const string Get = "SELECT " + Columns + " " + ScopedFrom + " AND r.id = @Id";

    /// <summary>
    /// Filing a request, re-checked inside its transaction in one statement: open requests on the posting, and whether
    /// the posting is still active for a worker who has not left.
    /// </summary>
    public const string FilingChecks = """
        SELECT (SELECT COUNT(*) FROM staffing_rotation_requests r
                WHERE r.from_posting_id = @FromPostingId AND r.status IN ('draft', 'submitted')) AS open_requests,
               (SELECT COUNT(*) FROM staffing_postings g JOIN staffing_workers w ON w.id = g.worker_id
                WHERE g.id = @FromPostingId AND g.ended_on IS NULL AND w.status <> 'left') AS active_postings
        """;

    public const string Insert = """
        INSERT INTO staffing_rotation_requests
            (id, worker_id, from_posting_id, to_post_id, reason, proposed_on, status, requested_by, requested_by_name,
             requested_role, submitted_at, version, created_at, updated_at)
        VALUES
            (@Id, @WorkerId, @FromPostingId, @ToPostId, @Reason, @ProposedOn, @Status, @RequestedBy, @RequestedByName,
             @RequestedRole, @SubmittedAt, 1, @Now, @Now)
        """;

    /// <summary>Moves a request from one state to the next; zero rows when it is no longer in <c>@From</c>.</summary>
    public const string Transition = """
        UPDATE staffing_rotation_requests
        SET status = @To, submitted_at = COALESCE(@SubmittedAt, submitted_at), version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = @From AND (@Version IS NULL OR version = @Version)
        """;

    public const string Decide = """
        UPDATE staffing_rotation_requests
        SET status = @To, decided_by = @DecidedBy, decided_by_name = @DecidedByName, decided_at = @Now,
            decision_comment = @Comment, new_posting_id = @NewPostingId, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'submitted' AND (@Version IS NULL OR version = @Version)
        """;

    /// <summary>A worker who leaves takes their open requests with them.</summary>
    public const string WithdrawOpenForWorker = """
        UPDATE staffing_rotation_requests SET status = 'withdrawn', version = version + 1, updated_at = @Now
        WHERE worker_id = @WorkerId AND status IN ('draft', 'submitted')
        """;

    /// <summary>Active postings older than the threshold, of active workers, in scope.</summary>
    private const string DueFrom = """
        FROM staffing_postings g
        JOIN staffing_workers w ON w.id = g.worker_id
        JOIN staffing_org_units wu ON wu.id = w.org_unit_id
        JOIN staffing_posts p ON p.id = g.post_id
        JOIN staffing_org_units u ON u.id = p.org_unit_id
        WHERE g.ended_on IS NULL AND g.started_on <= @StartedOnOrBefore AND w.status = 'active'
          AND {scope:wu.path}
          AND (@UnitPath IS NULL OR {scope:wu.path:@UnitPath})
          AND (@Q IS NULL OR w.name LIKE @Q ESCAPE '\' OR w.staff_no LIKE @Q ESCAPE '\')
        """;

    public const string Due = """
        SELECT w.id AS worker_id, w.name AS worker_name, w.staff_no, g.id AS posting_id, p.id AS post_id,
               p.title AS post_title, u.name AS org_unit_name, g.started_on,
               (SELECT COUNT(*) FROM staffing_rotation_requests r
                WHERE r.from_posting_id = g.id AND r.status IN ('draft', 'submitted')) AS open_requests
        """ + " " + DueFrom + " ORDER BY g.started_on, w.staff_no {page}";

    public const string DueCount = "SELECT COUNT(*) " + DueFrom;
}
