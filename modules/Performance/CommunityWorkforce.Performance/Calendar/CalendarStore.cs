namespace CommunityWorkforce.Performance.Calendar;

internal static class CalendarSql
{
    public const string Days = "SELECT calendar_date AS Day, kind AS Kind, name AS Name, year AS Year FROM performance_calendar_days";

    public const string DaysOfYear = """
        SELECT calendar_date AS Day, kind AS Kind, name AS Name, year AS Year FROM performance_calendar_days
        WHERE year = @Year ORDER BY calendar_date
        """;

    public const string Years = "SELECT year AS Year, source AS Source, version AS Version, updated_at AS UpdatedAt FROM performance_calendar_years ORDER BY year";

    public const string Year = "SELECT year AS Year, source AS Source, version AS Version, updated_at AS UpdatedAt FROM performance_calendar_years WHERE year = @Year";

    public const string InsertYear = """
        INSERT INTO performance_calendar_years (year, source, version, updated_at)
        SELECT @Year, @Source, 1, @Now WHERE NOT EXISTS (SELECT 1 FROM performance_calendar_years WHERE year = @Year)
        """;

    public const string UpdateYear = """
        UPDATE performance_calendar_years SET source = @Source, version = version + 1, updated_at = @Now
        WHERE year = @Year AND version = @Version
        """;

    /// <summary>Which of this year and next year have no schedule loaded.</summary>
    public const string LoadedOf = "SELECT year FROM performance_calendar_years WHERE year IN (@ThisYear, @NextYear)";

    public const string DeleteDays = "DELETE FROM performance_calendar_days WHERE year = @Year";

    public const string InsertDay = """
        INSERT INTO performance_calendar_days (calendar_date, year, kind, name) VALUES (@Day, @Year, @Kind, @Name)
        """;
}

internal sealed class CalendarDay
{
    public DateOnly Day { get; init; }
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public int Year { get; init; }
}

internal sealed class CalendarYearRow
{
    public int Year { get; init; }
    public string Source { get; init; } = "";
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Reads the loaded schedules into a <see cref="WorkingCalendar"/> (a few hundred rows in all).</summary>
internal sealed class CalendarStore(DbSession db)
{
    public const string Holiday = "holiday";
    public const string Workday = "workday";

    /// <summary>This year and next year, those of them with no schedule loaded (the workbench card and its list).</summary>
    public async Task<IReadOnlyList<int>> MissingYearsAsync(DateOnly today, CancellationToken ct)
    {
        var loaded = (await db.QueryAsync<int>(CalendarSql.LoadedOf, new { ThisYear = today.Year, NextYear = today.Year + 1 }, ct)).ToHashSet();
        return new[] { today.Year, today.Year + 1 }.Where(y => !loaded.Contains(y)).ToList();
    }

    public async Task<WorkingCalendar> LoadAsync(CancellationToken ct)
    {
        var days = await db.QueryAsync<CalendarDay>(CalendarSql.Days, null, ct);
        var years = await db.QueryAsync<CalendarYearRow>(CalendarSql.Years, null, ct);
        return new WorkingCalendar(days.Where(d => d.Kind == Holiday).Select(d => d.Day),
            days.Where(d => d.Kind == Workday).Select(d => d.Day), years.Select(y => y.Year));
    }
}
