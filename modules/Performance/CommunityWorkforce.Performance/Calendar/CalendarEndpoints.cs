using System.ComponentModel.DataAnnotations;
using Validator = CommunityWorkforce.BuildingBlocks.Http.Validator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Performance.Calendar;

/// <summary>
/// The holiday schedule per year: everyone reads it; HR or an administrator loads or replaces a year (e.g. 2027 once the State
/// Council publishes it). The schedule is one for the whole country, so a loaded year serves every street.
/// </summary>
internal static class CalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/performance/calendar").WithTags("Performance calendar");
        group.MapGet("/", Years).RequireAuthorization(Policies.AnyRole).WithName("ListCalendarYears");
        group.MapGet("/year", Get).RequireAuthorization(Policies.AnyRole).WithName("GetCalendarYear");
        group.MapGet("/missing", Missing).RequireAuthorization(Policies.AnyRole).WithName("ListMissingCalendarYears");
        group.MapPut("/year", Put).RequireAuthorization(Policies.HrOrAdmin).WithName("PutCalendarYear")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/working-days", AddWorkingDays).RequireAuthorization(Policies.AnyRole).WithName("AddWorkingDays");
    }

    private static async Task<Ok<List<CalendarYearResponse>>> Years(DbSession db, CancellationToken ct) =>
        TypedResults.Ok((await db.QueryAsync<CalendarYearRow>(CalendarSql.Years, null, ct))
            .Select(y => new CalendarYearResponse(y.Year, y.Source, y.Version, [])).ToList());

    /// <summary>This year and next year when no holiday schedule is loaded for them (the workbench card counts these).</summary>
    private static async Task<Ok<PagedResult<MissingCalendarYear>>> Missing(CalendarStore store, TimeProvider clock, CancellationToken ct)
    {
        var missing = await store.MissingYearsAsync(LocalDate.Today(clock), ct);
        return TypedResults.Ok(new PagedResult<MissingCalendarYear>(missing.Select(y => new MissingCalendarYear(y)).ToList(), missing.Count, 1, 2));
    }

    private static async Task<Results<Ok<CalendarYearResponse>, NotFound>> Get(int year, DbSession db, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<CalendarYearRow>(CalendarSql.Year, new { Year = year }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var days = await db.QueryAsync<CalendarDay>(CalendarSql.DaysOfYear, new { Year = year }, ct);
        return TypedResults.Ok(new CalendarYearResponse(year, row.Source, row.Version,
            days.Select(d => new CalendarDayDto(d.Day, d.Kind, d.Name)).ToList()));
    }

    /// <summary>Replaces a year's schedule (<c>?year=</c> reads it) (creates it when new; a loaded year needs the version read).</summary>
    private static async Task<Results<Ok<CalendarYearResponse>, ValidationProblem, ProblemHttpResult>> Put(
        PutCalendarYearRequest request, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var year = request.Year;
        var (db, _, audit, clock) = write;
        var validator = new Validator().Range("year", year, 2000, 2100).Required("source", request.Source, 200);
        var days = request.Days ?? [];
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            validator.OneOf($"days[{i}].kind", d.Kind, [CalendarStore.Holiday, CalendarStore.Workday]);
            validator.Required($"days[{i}].name", d.Name, 50);
            validator.Rule(d.Day.Year == year, $"days[{i}].day", Text.Of($"日期不在 {year} 年。", $"The date is not in {year}."));
            validator.Rule(d.Kind != CalendarStore.Workday || d.Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
                $"days[{i}].day", Text.Of("调休上班日应为周六或周日。", "A make-up working day is a Saturday or Sunday."));
        }
        validator.Rule(days.Select(d => d.Day).Distinct().Count() == days.Count, "days", Text.Of("日期重复。", "A date appears twice."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginAsync(ct);
        var existing = await db.QuerySingleOrDefaultAsync<CalendarYearRow>(CalendarSql.Year, new { Year = year }, ct);
        if (existing is not null)
        {
            if (request.Version is null || await db.ExecuteAsync(CalendarSql.UpdateYear,
                    new { Year = year, request.Source, Now = now, request.Version }, ct) == 0)
            {
                return Problems.StaleVersion(false);
            }
        }
        else if (await db.ExecuteAsync(CalendarSql.InsertYear, new { Year = year, request.Source, Now = now }, ct) == 0)
        {
            return Problems.StaleVersion(false);
        }
        await db.ExecuteAsync(CalendarSql.DeleteDays, new { Year = year }, ct);
        foreach (var d in days)
        {
            await db.ExecuteAsync(CalendarSql.InsertDay, new { d.Day, Year = year, d.Kind, Name = d.Name.Trim() }, ct);
        }
        await audit.WriteAsync(new AuditEntry("performance.calendar.loaded", "calendar-year", null, null,
            new { year, request.Source, holidays = days.Count(d => d.Kind == CalendarStore.Holiday), workdays = days.Count(d => d.Kind == CalendarStore.Workday) }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new CalendarYearResponse(year, request.Source, (existing?.Version ?? 0) + 1,
            days.OrderBy(d => d.Day).Select(d => new CalendarDayDto(d.Day, d.Kind, d.Name.Trim())).ToList()));
    }

    /// <summary>The due date <paramref name="days"/> working days after <paramref name="from"/>, as the rectification and appeal deadlines count.</summary>
    private static async Task<Results<Ok<WorkingDaysResponse>, ValidationProblem>> AddWorkingDays(
        DateOnly from, int days, CalendarStore store, CancellationToken ct)
    {
        var validator = new Validator().Range("days", days, 0, 366);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (due, missing) = (await store.LoadAsync(ct)).AddWorkingDays(from, days);
        return TypedResults.Ok(new WorkingDaysResponse(from, days, due, missing));
    }
}

/// <summary>A year (this or next) with no holiday schedule loaded: its deadlines count plain weekdays.</summary>
public sealed record MissingCalendarYear(int Year);

public sealed record CalendarDayDto(DateOnly Day, [property: Required, MaxLength(20)] string Kind, [property: Required, MaxLength(50)] string Name);

public sealed record CalendarYearResponse(int Year, string Source, int Version, IReadOnlyList<CalendarDayDto> Days);

public sealed record PutCalendarYearRequest(int Year, [property: Required, MaxLength(200)] string Source, IReadOnlyList<CalendarDayDto>? Days, int? Version);

/// <param name="ScheduleMissing">True when a day counted lies in a year with no holiday schedule loaded (plain weekdays were assumed).</param>
public sealed record WorkingDaysResponse(DateOnly From, int Days, DateOnly Due, bool ScheduleMissing);
