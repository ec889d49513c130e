using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Performance.Tests;

/// <summary>HR loads a year's holiday schedule; the workbench warns while this year or next has none, and stops once loaded.</summary>
[TestFixture]
public sealed class CalendarTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _leader.Dispose();
        _host.Dispose();
    }

    private Task<long> Audited() => _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'performance.calendar.loaded'");

    private static int ThisYear => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;

    private async Task<int?> CardCount()
    {
        var card = (await _hr.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray()
            .Where(t => t.Str("key") == "performance.holiday-schedule-missing").ToList();
        return card.Count == 0 ? null : card[0].Int("count");
    }

    /// <summary>A schedule shaped like the real ones: New Year's Day off, a make-up Saturday or Sunday near it.</summary>
    private static object Schedule(int year, int? version)
    {
        var weekend = Enumerable.Range(2, 20).Select(d => new DateOnly(year, 1, d)).First(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return new
        {
            year, source = $"国务院办公厅关于{year}年部分节假日安排的通知", version,
            days = new object[]
            {
                new { day = $"{year}-01-01", kind = "holiday", name = "元旦" },
                new { day = weekend.ToString("yyyy-MM-dd"), kind = "workday", name = "元旦调休上班" },
            },
        };
    }

    [Test]
    public async Task The_card_counts_the_years_without_a_schedule_and_disappears_once_hr_loads_them()
    {
        var missing = await _hr.GetJson("/api/performance/calendar/missing");
        var years = missing.Items().Select(i => i.Int("year")).ToList();
        Assert.That(years, Does.Contain(ThisYear + 1), "the shipped schedules stop at 2026: next year is missing");
        Assert.That(await CardCount(), Is.EqualTo(missing.Int("total")), "the card counts the list it opens");
        var audited = await Audited();

        foreach (var year in years)
        {
            var loaded = await _hr.PutAsJsonAsync("/api/performance/calendar/year", Schedule(year, null)).Ok($"load {year}");
            Assert.That(loaded.GetProperty("days").GetArrayLength(), Is.EqualTo(2));
        }

        Assert.That((await _hr.GetJson("/api/performance/calendar/missing")).Int("total"), Is.Zero);
        Assert.That(await CardCount(), Is.Null, "no card once every year is loaded");
        var nextYear = await _leader.GetJson($"/api/performance/calendar/year?year={ThisYear + 1}");
        Assert.That(nextYear.GetProperty("days").EnumerateArray().Select(d => d.Str("name")), Does.Contain("元旦"), "everyone reads the loaded year");
        Assert.That(await Audited(), Is.EqualTo(audited + years.Count), "each load is audited");
    }

    [Test]
    public async Task A_bad_row_is_a_400_naming_the_row_and_field_and_a_stale_replace_is_409()
    {
        var year = ThisYear + 3;
        var bad = await _hr.PutAsJsonAsync("/api/performance/calendar/year", new
        {
            year, source = "测试", days = new object[]
            {
                new { day = $"{year}-05-01", kind = "holiday", name = "劳动节" },
                new { day = $"{year + 1}-05-02", kind = "holiday", name = "劳动节" },
                new { day = $"{year}-05-03", kind = "rest", name = "劳动节" },
            },
        });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.That(errors.TryGetProperty("days[1].day", out _), Is.True, errors.ToString());
        Assert.That(errors.TryGetProperty("days[2].kind", out _), Is.True, errors.ToString());

        var first = await _hr.PutAsJsonAsync("/api/performance/calendar/year", Schedule(year, null)).Ok("load");
        var replaced = await _hr.PutAsJsonAsync("/api/performance/calendar/year", Schedule(year, first.Int("version"))).Ok("replace");
        Assert.That(replaced.Int("version"), Is.EqualTo(first.Int("version") + 1));
        var stale = await _hr.PutAsJsonAsync("/api/performance/calendar/year", Schedule(year, first.Int("version")));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await _leader.PutAsJsonAsync("/api/performance/calendar/year", Schedule(year, replaced.Int("version")))).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden), "leaders read the calendar but do not load it");
    }
}
