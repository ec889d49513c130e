using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Performance.Ratings;

/// <summary>The national 5-level scale of 政务服务“好差评” (GB/T 39734-2020).</summary>
public static class RatingLevels
{
    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [5] = "非常满意", [4] = "满意", [3] = "基本满意", [2] = "不满意", [1] = "非常不满意",
    };

    /// <summary>差评: 1 and 2 open a rectification case.</summary>
    public static bool IsBad(int level) => level <= 2;

    public static int? Parse(string? text)
    {
        var t = text?.Trim();
        if (int.TryParse(t, out var n) && n is >= 1 and <= 5)
        {
            return n;
        }
        return Names.FirstOrDefault(kv => kv.Value == t).Key is var level and > 0 ? level : null;
    }
}

public sealed record RatingItem
{
    /// <summary>The rating's own id in the service-centre system: a resend with the same id changes nothing.</summary>
    [Required, MaxLength(100)]
    public string Id { get; init; } = "";

    /// <summary>The rated worker's staff number (工号), or <see cref="WorkerId"/>.</summary>
    [MaxLength(20)]
    public string? StaffNo { get; init; }

    public Guid? WorkerId { get; init; }

    /// <summary>服务事项, e.g. 居住证办理.</summary>
    [Required, MaxLength(100)]
    public string ServiceItem { get; init; } = "";

    /// <summary>1 非常不满意 … 5 非常满意.</summary>
    public int Level { get; init; }

    /// <summary>Sub-indicators (e.g. 服务态度, 办事效率), each 1–5.</summary>
    public IReadOnlyDictionary<string, int>? SubScores { get; init; }

    public DateTimeOffset? RatedAt { get; init; }

    [MaxLength(500)]
    public string? Comment { get; init; }
}

public sealed record RatingBatchRequest
{
    public IReadOnlyList<RatingItem>? Ratings { get; init; }
}

public static class IngestStatus
{
    public const string Created = "created";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
}

/// <param name="Row">The item's position: index in the batch (from 0) or the sheet's row number.</param>
public sealed record IngestLine(int Row, string? Id, string Status, string? Message, Guid? RectificationId, DateOnly? RectificationDueOn,
    bool CalendarMissing);

public sealed record IngestReport(int Received, int Created, int Duplicates, int Rejected, int RectificationsOpened, IReadOnlyList<IngestLine> Lines);

public sealed record RatingResponse(Guid Id, string ExternalId, Guid WorkerId, string StaffNo, string WorkerName, string ServiceItem, int Level,
    string LevelName, DateTimeOffset RatedAt, DateOnly RatedOn, string? Comment, string Source);

public static class RectificationStatus
{
    public const string Open = "open";
    public const string Closed = "closed";

    /// <summary>A list filter, not a stored state: open and past its due day.</summary>
    public const string Overdue = "overdue";
}

public sealed record RectificationResponse
{
    public Guid Id { get; init; }
    public Guid RatingId { get; init; }
    public string RatingExternalId { get; init; } = "";
    public int Level { get; init; }
    public string ServiceItem { get; init; } = "";
    public string? RatingComment { get; init; }
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string WorkerName { get; init; } = "";
    public DateOnly OpenedOn { get; init; }
    public DateOnly DueOn { get; init; }
    public int WorkingDays { get; init; }

    /// <summary>The deadline was counted through a year with no holiday schedule loaded (plain weekdays assumed).</summary>
    public bool CalendarMissing { get; init; }

    public string Status { get; init; } = "";
    public bool Overdue { get; init; }
    public string? ReturnVisit { get; init; }
    public string? Outcome { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public int Version { get; init; }
}

public sealed record UpdateRectificationRequest
{
    /// <summary>回访记录.</summary>
    [MaxLength(1000)]
    public string? ReturnVisit { get; init; }

    /// <summary>整改结果.</summary>
    [MaxLength(1000)]
    public string? Outcome { get; init; }

    /// <summary>Close the case (needs both the return visit and the outcome).</summary>
    public bool Close { get; init; }

    public int? Version { get; init; }
}

public sealed record RatingUploadForm(IFormFile File);

internal sealed class RectificationRow
{
    public Guid Id { get; init; }
    public Guid RatingId { get; init; }
    public string ExternalId { get; init; } = "";
    public int Level { get; init; }
    public string ServiceItem { get; init; } = "";
    public string? Comment { get; init; }
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string WorkerName { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public DateOnly OpenedOn { get; init; }
    public DateOnly DueOn { get; init; }
    public int WorkingDays { get; init; }
    public bool CalendarMissing { get; init; }
    public string Status { get; init; } = "";
    public string? ReturnVisit { get; init; }
    public string? Outcome { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public int Version { get; init; }

    public RectificationResponse ToResponse(DateOnly today) => new()
    {
        Id = Id, RatingId = RatingId, RatingExternalId = ExternalId, Level = Level, ServiceItem = ServiceItem, RatingComment = Comment,
        WorkerId = WorkerId, StaffNo = StaffNo, WorkerName = WorkerName, OpenedOn = OpenedOn, DueOn = DueOn, WorkingDays = WorkingDays,
        CalendarMissing = CalendarMissing, Status = Status, Overdue = Status == RectificationStatus.Open && DueOn < today,
        ReturnVisit = ReturnVisit, Outcome = Outcome, ClosedOn = ClosedOn, Version = Version,
    };
}

/// <summary>The rectification list's arguments; the list and the workbench card count with the very same.</summary>
internal static class RectificationList
{
    public static object Args(CurrentUser user, string? status, DateOnly today, Guid? workerId, string? unitPath, PageQuery? page) => new
    {
        Scope = user.ScopePattern,
        Status = status == RectificationStatus.Overdue ? RectificationStatus.Open : status,
        DueBefore = status == RectificationStatus.Overdue ? today : (DateOnly?)null,
        WorkerId = workerId, UnitPath = unitPath, Skip = page?.Skip ?? 0, Take = page?.Size ?? 20,
    };
}

internal static class RatingSql
{
    public const string WorkersInScope = "SELECT worker_id, staff_no, org_path FROM staffing_v_worker_scope WHERE {scope:org_path}";

    public const string Insert = """
        INSERT INTO performance_ratings (id, external_id, worker_id, org_path, service_item, level, sub_scores, comment, rated_at, rated_on, source, created_at)
        SELECT @Id, @ExternalId, @WorkerId, @OrgPath, @ServiceItem, @Level, @SubScores, @Comment, @RatedAt, @RatedOn, @Source, @Now
        WHERE NOT EXISTS (SELECT 1 FROM performance_ratings {updlock} WHERE external_id = @ExternalId)
        """;

    public const string InsertRectification = """
        INSERT INTO performance_rectifications (id, rating_id, worker_id, org_path, opened_on, due_on, working_days, calendar_missing, status,
            version, created_at, updated_at)
        VALUES (@Id, @RatingId, @WorkerId, @OrgPath, @OpenedOn, @DueOn, @WorkingDays, @CalendarMissing, 'open', 1, @Now, @Now)
        """;

    private const string RatingFilter = """
         FROM performance_ratings r
         JOIN staffing_v_worker_scope w ON w.worker_id = r.worker_id
         WHERE {scope:r.org_path} AND (@WorkerId IS NULL OR r.worker_id = @WorkerId) AND (@Level IS NULL OR r.level = @Level)
           AND (@From IS NULL OR r.rated_on >= @From) AND (@To IS NULL OR r.rated_on <= @To)
        """;

    public const string CountRatings = "SELECT COUNT(*)" + RatingFilter;

    /// <summary>The rating list's rows, before its order (<see cref="ListRatings"/>, <see cref="ListRatingsOfWorker"/>).</summary>
    private const string RatingRows = """
        SELECT r.id, r.external_id, r.worker_id, w.staff_no, w.name AS worker_name, r.service_item, r.level, r.rated_at, r.rated_on, r.comment, r.source
        """ + RatingFilter;

    public const string ListRatings = RatingRows + " ORDER BY {orderBy} {page}";

    /// <summary>
    /// Filtered by one worker (<c>@WorkerId</c> set): the plain condition lets SQLite read the worker's ratings by the
    /// (worker, day, level) index; with the optional filter alone the city's HR read the city's three million ratings to
    /// find one worker's (1.6 s warm, over a minute cold on the city data). Same rows.
    /// </summary>
    public const string CountRatingsOfWorker = "SELECT COUNT(*)" + RatingFilter + " AND r.worker_id = @WorkerId";

    public const string ListRatingsOfWorker = RatingRows + " AND r.worker_id = @WorkerId ORDER BY {orderBy} {page}";

    private const string CaseColumns = """
        SELECT c.id, c.rating_id, r.external_id, r.level, r.service_item, r.comment, c.worker_id, w.staff_no, w.name AS worker_name, c.org_path,
               c.opened_on, c.due_on, c.working_days, c.calendar_missing, c.status, c.return_visit, c.outcome, c.closed_on, c.version
        FROM performance_rectifications c
        JOIN performance_ratings r ON r.id = c.rating_id
        JOIN staffing_v_worker_scope w ON w.worker_id = c.worker_id
        """;

    private const string CaseFilter = """
         WHERE {scope:c.org_path} AND (@Status IS NULL OR c.status = @Status) AND (@DueBefore IS NULL OR c.due_on < @DueBefore)
           AND (@WorkerId IS NULL OR c.worker_id = @WorkerId) AND (@UnitPath IS NULL OR {scope:c.org_path:@UnitPath})
        """;

    public const string CountCases = "SELECT COUNT(*) FROM performance_rectifications c" + CaseFilter;

    public const string ListCases = CaseColumns + CaseFilter + " ORDER BY {orderBy} {page}";

    /// <summary>One worker's cases, by the (worker, due) index (migration 0007), as <see cref="ListRatingsOfWorker"/> for ratings.</summary>
    public const string CountCasesOfWorker = "SELECT COUNT(*) FROM performance_rectifications c" + CaseFilter + " AND c.worker_id = @WorkerId";

    public const string ListCasesOfWorker = CaseColumns + CaseFilter + " AND c.worker_id = @WorkerId ORDER BY {orderBy} {page}";

    public const string GetCase = CaseColumns + " WHERE c.id = @Id AND {scope:c.org_path}";

    public const string UpdateCase = """
        UPDATE performance_rectifications SET return_visit = @ReturnVisit, outcome = @Outcome, status = @Status, closed_on = @ClosedOn,
            version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'open'
        """;
}
