using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Training.Sessions;

public static class SessionStatus
{
    public const string Scheduled = "scheduled";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Scheduled, Cancelled];
}

public static class EnrollmentStatus
{
    /// <summary>Holds a seat.</summary>
    public const string Enrolled = "enrolled";

    /// <summary>On the waiting list (候补), in queue order.</summary>
    public const string Waiting = "waiting";

    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Enrolled, Waiting, Cancelled];
}

public sealed record ScheduleSessionRequest
{
    [Required]
    public Guid? CourseId { get; init; }

    /// <summary>The organising unit; its subtree may attend. Default: the HR officer's own unit.</summary>
    public Guid? OrgUnitId { get; init; }

    [Required]
    public DateTimeOffset? StartsAt { get; init; }

    [Required]
    public DateTimeOffset? EndsAt { get; init; }

    [Required, MaxLength(200)]
    public string? Place { get; init; }

    [Required, MaxLength(100)]
    public string? Trainer { get; init; }

    /// <summary>Seats (1–500).</summary>
    [Required]
    public int? Capacity { get; init; }

    /// <summary>Last day to enrol (报名截止), on or before the session's day.</summary>
    [Required, PlausibleDate]
    public DateOnly? EnrolDeadline { get; init; }
}

public sealed record SessionResponse
{
    public Guid Id { get; init; }
    public Guid CourseId { get; init; }
    public string CourseCode { get; init; } = "";
    public string CourseTitle { get; init; } = "";
    public string Category { get; init; } = "";
    public decimal Hours { get; init; }
    public bool OpenEnrolment { get; init; }
    public Guid OrgUnitId { get; init; }
    public DateOnly SessionDate { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string Place { get; init; } = "";
    public string Trainer { get; init; } = "";
    public int Capacity { get; init; }
    public DateOnly EnrolDeadline { get; init; }
    public string Status { get; init; } = "";
    public int Enrolled { get; init; }
    public int Waiting { get; init; }

    /// <summary>Enrolled participants whose attendance is not yet taken.</summary>
    public int AttendancePending { get; init; }

    public int Version { get; init; }
}

public sealed record SessionListQuery
{
    public Guid? CourseId { get; init; }

    [PlausibleDate]
    public DateOnly? From { get; init; }

    [PlausibleDate]
    public DateOnly? To { get; init; }

    [MaxLength(20)]
    public string? Status { get; init; }

    /// <summary><c>due</c>: started sessions with participants whose attendance is not taken.</summary>
    [MaxLength(20)]
    public string? Attendance { get; init; }

    /// <summary>Only sessions not yet started.</summary>
    public bool? Upcoming { get; init; }
}

internal sealed class SessionRow
{
    public Guid Id { get; init; }
    public Guid CourseId { get; init; }
    public string CourseCode { get; init; } = "";
    public string CourseTitle { get; init; } = "";
    public string Category { get; init; } = "";
    public decimal Hours { get; init; }
    public bool OpenEnrolment { get; init; }
    public int? RecurrenceMonths { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public DateOnly SessionDate { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string Place { get; init; } = "";
    public string Trainer { get; init; } = "";
    public int Capacity { get; init; }
    public DateOnly EnrolDeadline { get; init; }
    public string Status { get; init; } = "";
    public int Enrolled { get; init; }
    public int Waiting { get; init; }
    public int AttendancePending { get; init; }
    public int Version { get; init; }

    public SessionResponse ToResponse() => new()
    {
        Id = Id, CourseId = CourseId, CourseCode = CourseCode, CourseTitle = CourseTitle, Category = Category, Hours = Hours,
        OpenEnrolment = OpenEnrolment, OrgUnitId = OrgUnitId, SessionDate = SessionDate, StartsAt = StartsAt, EndsAt = EndsAt,
        Place = Place, Trainer = Trainer, Capacity = Capacity, EnrolDeadline = EnrolDeadline, Status = Status, Enrolled = Enrolled,
        Waiting = Waiting, AttendancePending = AttendancePending, Version = Version,
    };
}

/// <summary>Enrol workers: the listed ones, or a whole group (a unit's subtree, optionally one post type), in one action.</summary>
public sealed record EnrolRequest
{
    /// <summary>Workers to enrol; a worker enrolling themself may leave it empty.</summary>
    public IReadOnlyList<Guid>? WorkerIds { get; init; }

    /// <summary>Enrol every active worker of this unit's subtree (HR).</summary>
    public Guid? GroupOrgUnitId { get; init; }

    /// <summary>With <see cref="GroupOrgUnitId"/>: only workers whose primary post is of this type.</summary>
    [MaxLength(20)]
    public string? GroupPostType { get; init; }
}

public sealed record EnrolOutcome
{
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";

    /// <summary><c>enrolled</c>, <c>waiting</c>, <c>already</c> (already enrolled or waiting) or <c>refused</c> (left the service).</summary>
    public string Outcome { get; init; } = "";

    public Guid? EnrollmentId { get; init; }

    /// <summary>Place on the waiting list (1 = next to move up).</summary>
    public int? WaitingPosition { get; init; }
}

public sealed record EnrolResponse(IReadOnlyList<EnrolOutcome> Results, int Enrolled, int Waiting);

public sealed record CancelEnrollmentRequest
{
    [MaxLength(500)]
    public string? Reason { get; init; }
}

public sealed record CancelEnrollmentResponse(EnrollmentResponse Cancelled, IReadOnlyList<EnrollmentResponse> Promoted);

public sealed record AttendanceEntry
{
    [Required]
    public Guid? WorkerId { get; init; }

    [Required]
    public bool? Attended { get; init; }
}

public sealed record AttendanceRequest
{
    [Required]
    public IReadOnlyList<AttendanceEntry>? Entries { get; init; }
}

public sealed record CompletionEntry
{
    [Required]
    public Guid? WorkerId { get; init; }

    /// <summary>Hours credited; default the course's hours.</summary>
    public decimal? Hours { get; init; }

    /// <summary>Optional score 0–100.</summary>
    public int? Score { get; init; }
}

public sealed record CompletionRequest
{
    [Required]
    public IReadOnlyList<CompletionEntry>? Entries { get; init; }
}

public sealed record FeedbackRequest
{
    /// <summary>1–5.</summary>
    [Required]
    public int? Rating { get; init; }

    [MaxLength(1000)]
    public string? Comment { get; init; }
}

public sealed record EnrollmentResponse
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public Guid CourseId { get; init; }
    public string CourseTitle { get; init; } = "";
    public decimal CourseHours { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string Place { get; init; } = "";
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string Status { get; init; } = "";
    public int QueueNo { get; init; }

    /// <summary>For a waiting enrolment: its place in the queue (1 = next).</summary>
    public int? WaitingPosition { get; init; }

    /// <summary>When it moved up from the waiting list.</summary>
    public DateTimeOffset? PromotedAt { get; init; }

    public bool? Attended { get; init; }
    public decimal? HoursCredited { get; init; }
    public int? Score { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public int? FeedbackRating { get; init; }
    public string? FeedbackComment { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; init; }
}

public sealed record EnrollmentListQuery
{
    public Guid? SessionId { get; init; }
    public Guid? WorkerId { get; init; }

    [MaxLength(20)]
    public string? Status { get; init; }

    /// <summary>Only sessions not yet started.</summary>
    public bool? Upcoming { get; init; }

    /// <summary>Only enrolments that moved up from the waiting list.</summary>
    public bool? Promoted { get; init; }

    /// <summary>Only completed (hours credited).</summary>
    public bool? Completed { get; init; }
}

internal sealed class EnrollmentRow
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public Guid CourseId { get; init; }
    public string CourseTitle { get; init; } = "";
    public decimal CourseHours { get; init; }
    public int? RecurrenceMonths { get; init; }
    public DateOnly SessionDate { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string Place { get; init; } = "";
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string OrgPath { get; init; } = "";
    public string Status { get; init; } = "";
    public int QueueNo { get; init; }
    public int? WaitingPosition { get; init; }
    public DateTimeOffset? PromotedAt { get; init; }
    public bool? Attended { get; init; }
    public decimal? HoursCredited { get; init; }
    public int? Score { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public int? FeedbackRating { get; init; }
    public string? FeedbackComment { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; init; }

    public EnrollmentResponse ToResponse() => new()
    {
        Id = Id, SessionId = SessionId, CourseId = CourseId, CourseTitle = CourseTitle, CourseHours = CourseHours, StartsAt = StartsAt,
        EndsAt = EndsAt, Place = Place, WorkerId = WorkerId, WorkerName = WorkerName, StaffNo = StaffNo, Status = Status, QueueNo = QueueNo,
        WaitingPosition = Status == EnrollmentStatus.Waiting ? WaitingPosition : null, PromotedAt = PromotedAt, Attended = Attended,
        HoursCredited = HoursCredited, Score = Score, CompletedOn = CompletedOn, FeedbackRating = FeedbackRating,
        FeedbackComment = FeedbackComment, CreatedAt = CreatedAt, Version = Version,
    };
}
