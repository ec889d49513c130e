using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Training.Sessions;

/// <summary>
/// 培训班次 — dated sessions of a course with seats and an enrolment deadline; enrolment with a waiting list (候补) that
/// moves up in order; attendance, hours credited and feedback.
/// </summary>
internal static class SessionEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["startsAt"] = "s.starts_at",
        ["courseTitle"] = "c.title",
        ["capacity"] = "s.capacity",
    };

    private static readonly IReadOnlyDictionary<string, string> EnrollmentSortable = new Dictionary<string, string>
    {
        ["queueNo"] = "e.queue_no",
        ["startsAt"] = "s.starts_at",
        ["workerName"] = "w.name",
        ["staffNo"] = "w.staff_no",
        ["completedOn"] = "e.completed_on",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/training/sessions").WithTags("Training sessions");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListTrainingSessions");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetTrainingSession");
        group.MapGet("/{id:guid}/calendar.ics", Calendar).RequireAuthorization(Policies.AnyRole).WithName("GetTrainingSessionCalendar")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        group.MapPost("/", ScheduleSession.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("ScheduleTrainingSession");
        group.MapPost("/{id:guid}/enrollments", Enrol.Handle).RequireAuthorization(Policies.HrAdminOrWorker).WithName("EnrolInTrainingSession")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/attendance", TakeAttendance.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("TakeTrainingAttendance")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/completion", CompleteTraining.Handle).RequireAuthorization(Policies.HrOrAdmin).WithName("CompleteTraining")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var enrollments = api.MapGroup("/training/enrollments").WithTags("Training enrolments");
        enrollments.MapGet("/", ListEnrollments).RequireAuthorization(Policies.AnyRole).WithName("ListTrainingEnrollments");
        enrollments.MapGet("/{id:guid}", GetEnrollment).RequireAuthorization(Policies.AnyRole).WithName("GetTrainingEnrollment");
        enrollments.MapPost("/{id:guid}/cancel", CancelEnrollment.Handle).RequireAuthorization(Policies.HrAdminOrWorker).WithName("CancelTrainingEnrollment")
            .ProducesProblem(StatusCodes.Status409Conflict);
        enrollments.MapPost("/{id:guid}/feedback", GiveFeedback.Handle).RequireAuthorization(Policies.HrAdminOrWorker).WithName("GiveTrainingFeedback")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<PagedResult<SessionResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] SessionListQuery filter, DbSession db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("status", filter.Status, SessionStatus.All).OneOf("attendance", filter.Attendance, ["due"]);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = SessionLookup.SessionListArgs(user, filter, page, clock.GetUtcNow());
        var total = await db.ExecuteScalarAsync<int>(SessionSql.Count, args, ct);
        var rows = await db.QueryAsync<SessionRow>(PagedSql.WithOrderBy(SessionSql.List, page.OrderBy(Sortable, "-startsAt", "s.id")), args, ct);
        return TypedResults.Ok(new PagedResult<SessionResponse>(rows.Select(r => r.ToResponse()).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<SessionResponse>, NotFound>> Get(Guid id, HttpContext http, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var row = await SessionLookup.FindVisible(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(row.ToResponse());
    }

    /// <summary>The session as an iCalendar (RFC 5545) entry for the participant's own calendar.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> Calendar(Guid id, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var row = await SessionLookup.FindVisible(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", row.CourseTitle);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = row.Id.ToString(),
            Summary = row.CourseTitle,
            Location = row.Place,
            Description = $"{row.CourseCode} · {row.Trainer} · {row.Hours:0.#} 学时",
            Start = new CalDateTime(row.StartsAt.UtcDateTime, "UTC"),
            End = new CalDateTime(row.EndsAt.UtcDateTime, "UTC"),
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"training-{row.SessionDate:yyyyMMdd}.ics");
    }

    private static async Task<Results<Ok<PagedResult<EnrollmentResponse>>, ValidationProblem>> ListEnrollments(
        [AsParameters] PageQuery page, [AsParameters] EnrollmentListQuery filter, DbSession db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, EnrollmentSortable);
        validator.OneOf("status", filter.Status, EnrollmentStatus.All);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = SessionLookup.EnrollmentListArgs(user, filter, page, clock.GetUtcNow());
        var (countSql, listSql) = EnrollmentSql.For(user, filter);
        var total = await db.ExecuteScalarAsync<int>(countSql, args, ct);
        var rows = await db.QueryAsync<EnrollmentRow>(PagedSql.WithOrderBy(listSql, page.OrderBy(EnrollmentSortable, "queueNo", "e.id")), args, ct);
        return TypedResults.Ok(new PagedResult<EnrollmentResponse>(rows.Select(r => r.ToResponse()).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<EnrollmentResponse>, NotFound>> GetEnrollment(Guid id, HttpContext http, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var row = await SessionLookup.FindEnrollment(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(row.ToResponse());
    }
}
