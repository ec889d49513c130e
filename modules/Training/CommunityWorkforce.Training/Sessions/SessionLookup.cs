namespace CommunityWorkforce.Training.Sessions;

/// <summary>Session and enrolment reads shared by the session use cases, the track and the workbench, scoped to the caller.</summary>
internal static class SessionLookup
{
    /// <summary>A session the caller may see, or null (→ 404).</summary>
    internal static Task<SessionRow?> FindVisible(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<SessionRow>(SessionSql.Get, new { Id = id, Scope = user.WorkerPathScope, user.OnlyWorkerId }, ct);

    internal static Task<EnrollmentRow?> FindEnrollment(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<EnrollmentRow>(EnrollmentSql.Get, new { Id = id, Scope = user.WorkerPathScope, user.OnlyWorkerId }, ct);

    /// <summary>The list's arguments; the workbench counts with the same ones.</summary>
    internal static object SessionListArgs(CurrentUser user, SessionListQuery filter, PageQuery page, DateTimeOffset now) => new
    {
        Scope = user.WorkerPathScope, user.OnlyWorkerId, filter.CourseId, filter.From, filter.To, filter.Status,
        Upcoming = filter.Upcoming ?? false, AttendanceDue = filter.Attendance == "due", Now = now,
        Q = page.QPattern, page.Skip, Take = page.Size,
    };

    internal static object EnrollmentListArgs(CurrentUser user, EnrollmentListQuery filter, PageQuery page, DateTimeOffset now) => new
    {
        Scope = user.WorkerPathScope, user.OnlyWorkerId, filter.SessionId, filter.WorkerId, filter.Status,
        Upcoming = filter.Upcoming ?? false, Promoted = filter.Promoted ?? false, Completed = filter.Completed ?? false, Now = now,
        Q = page.QPattern, page.Skip, Take = page.Size,
    };
}
