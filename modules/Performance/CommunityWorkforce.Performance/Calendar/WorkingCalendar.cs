namespace CommunityWorkforce.Performance.Calendar;

/// <summary>
/// 工作日 — working days on China's calendar: Monday to Friday, minus the public holidays, plus the make-up working days
/// (调休上班). The schedule of each year is data (<see cref="CalendarStore"/>); a year without one counts plain weekdays,
/// and every answer says whether it relied on such a year so that HR can be warned.
/// </summary>
internal sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly HashSet<int> _loadedYears;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays, IEnumerable<int> loadedYears)
    {
        _holidays = [.. holidays];
        _workdays = [.. makeUpWorkdays];
        _loadedYears = [.. loadedYears];
    }

    public bool HasSchedule(int year) => _loadedYears.Contains(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_workdays.Contains(day))
        {
            return true;
        }
        if (_holidays.Contains(day))
        {
            return false;
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The day that is <paramref name="workingDays"/> working days after <paramref name="start"/> (day 0, which does not
    /// count), and whether any day counted lies in a year with no schedule loaded.
    /// </summary>
    public (DateOnly Due, bool ScheduleMissing) AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var missing = !HasSchedule(start.Year);
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            missing |= !HasSchedule(day.Year);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return (day, missing);
    }
}
