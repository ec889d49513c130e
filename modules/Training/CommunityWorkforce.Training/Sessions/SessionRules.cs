namespace CommunityWorkforce.Training.Sessions;

/// <summary>Pure rules of sessions and their seats.</summary>
internal static class SessionRules
{
    /// <summary>The calendar day in China (UTC+8) on which a moment falls.</summary>
    public static DateOnly LocalDay(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime.AddHours(8));

    /// <summary>Enrolment is open until the end of the deadline day.</summary>
    public static bool EnrolmentOpen(DateOnly deadline, DateOnly today) => today <= deadline;

    /// <summary>Attendance is taken from the session's first day on (Beijing time), never ahead of it.</summary>
    public static bool HasStarted(DateOnly sessionDate, DateOnly today) => today >= sessionDate;

    /// <summary>
    /// Who gets a seat: the first <c>capacity − enrolled</c> newcomers, in the order given; the rest wait. Returns, per newcomer,
    /// whether they got a seat.
    /// </summary>
    public static IReadOnlyList<bool> Seats(int capacity, int enrolled, int newcomers)
    {
        var free = Math.Max(0, capacity - enrolled);
        return Enumerable.Range(0, newcomers).Select(i => i < free).ToList();
    }

    /// <summary>How many waiting enrolments move up after seats free up.</summary>
    public static int ToPromote(int capacity, int enrolled, int waiting) => Math.Min(waiting, Math.Max(0, capacity - enrolled));

    /// <summary>Hours credited: the course's by default; never more than the course gives.</summary>
    public static bool HoursAllowed(decimal hours, decimal courseHours) =>
        hours >= 0.5m && hours <= courseHours && decimal.Round(hours, 1) == hours;
}
