using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;
using static CommunityWorkforce.Performance.Tests.PerfData;

namespace CommunityWorkforce.Performance.Tests;

/// <summary>Resident ratings (好差评) in through the batch endpoint and .xlsx; bad ones open rectification cases on working days.</summary>
[TestFixture]
public sealed class RatingApiTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    private static string NewId() => $"T-{Guid.NewGuid():N}";

    [TestCase("ratings")]
    [TestCase("rectifications")]
    public async Task A_list_filtered_by_worker_holds_exactly_that_workers_rows_of_the_whole_list(string list)
    {
        // Two ratings for each of two workers (one bad: a rectification case), so both lists have several workers.
        var others = await _hr.GetJson("/api/staffing/workers?pageSize=2&sort=staffNo");
        foreach (var staffNo in others.Items().Select(w => w.Str("staffNo")))
        {
            await _hr.PostAsJsonAsync("/api/performance/ratings/batch",
                new { ratings = new[] { Rating(NewId(), staffNo, 5), Rating(NewId(), staffNo, 1) } }).Ok("ratings");
        }
        // The worker filter runs its own SQL (read by the worker's index): it must agree with the unfiltered list.
        var all = await _hr.AllItems($"/api/performance/{list}");
        var workers = all.GroupBy(r => r.GetProperty("workerId").GetGuid()).ToList();
        Assert.That(workers, Has.Count.GreaterThan(1), $"{list} of several workers");
        foreach (var worker in workers.Take(4))
        {
            var filtered = await _hr.GetJson($"/api/performance/{list}?workerId={worker.Key}&pageSize=200");
            Assert.That(filtered.GetProperty("total").GetInt32(), Is.EqualTo(worker.Count()), $"{list} of {worker.Key}");
            Assert.That(filtered.Items().Select(r => r.GetProperty("id").GetGuid()), Is.EquivalentTo(worker.Select(r => r.GetProperty("id").GetGuid())));
        }
    }

    [Test]
    public async Task A_resent_batch_changes_nothing_and_says_so()
    {
        var batch = new { ratings = new[] { Rating(NewId(), DemoStaffNo, 5), Rating(NewId(), DemoStaffNo, 4), Rating(NewId(), DemoStaffNo, 1) } };

        var first = await _hr.PostAsJsonAsync("/api/performance/ratings/batch", batch).Ok("first");
        var count = await _host.Scalar<long>("SELECT COUNT(*) FROM performance_ratings");
        var cases = await _host.Scalar<long>("SELECT COUNT(*) FROM performance_rectifications");
        var again = await _hr.PostAsJsonAsync("/api/performance/ratings/batch", batch).Ok("again");

        Assert.That(first.Int("created"), Is.EqualTo(3));
        Assert.That(first.Int("rectificationsOpened"), Is.EqualTo(1));
        Assert.That(again.Int("created"), Is.Zero);
        Assert.That(again.Int("duplicates"), Is.EqualTo(3));
        Assert.That(again.GetProperty("lines").EnumerateArray().Select(l => l.Str("status")), Has.All.EqualTo("duplicate"));
        Assert.That(again.GetProperty("lines")[0].Str("message"), Does.Contain("未作任何修改"));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM performance_ratings"), Is.EqualTo(count));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM performance_rectifications"), Is.EqualTo(cases));
    }

    [Test]
    public async Task The_same_batch_sent_twice_in_parallel_stores_each_rating_once()
    {
        var ids = Enumerable.Range(0, 40).Select(_ => NewId()).ToList();
        var batch = new { ratings = ids.Select((id, i) => Rating(id, DemoStaffNo, i % 10 == 0 ? 2 : 5)).ToArray() };
        using var second = await _host.ClientFor("hr.linfen");

        var responses = await Task.WhenAll(_hr.PostAsJsonAsync("/api/performance/ratings/batch", batch), second.PostAsJsonAsync("/api/performance/ratings/batch", batch));
        var reports = await Task.WhenAll(responses.Select(r => r.ReadJson()));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(reports.Sum(r => r.Int("created")), Is.EqualTo(40));
        Assert.That(reports.Sum(r => r.Int("duplicates")), Is.EqualTo(40));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM performance_ratings WHERE external_id IN @Ids", new { Ids = ids }), Is.EqualTo(40));
        Assert.That(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM performance_rectifications c JOIN performance_ratings r ON r.id = c.rating_id WHERE r.external_id IN @Ids",
            new { Ids = ids }), Is.EqualTo(4));
    }

    [Test]
    public async Task A_rating_for_an_unknown_or_out_of_scope_worker_is_reported_per_row_and_the_rest_is_stored()
    {
        var good = NewId();
        var report = await _hr.PostAsJsonAsync("/api/performance/ratings/batch", new
        {
            ratings = new[] { Rating(good, DemoStaffNo, 5), Rating(NewId(), "CW999999", 5), Rating(NewId(), DemoStaffNo, 7) },
        }).Ok("batch");

        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        Assert.That(lines.Select(l => l.Str("status")), Is.EqualTo(new[] { "created", "rejected", "rejected" }));
        Assert.That(lines[1].Str("message"), Does.Contain("CW999999"));
        Assert.That(lines[2].Str("message"), Does.Contain("1–5"));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM performance_ratings WHERE external_id = @Id", new { Id = good }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_bad_rating_on_30_September_2026_is_due_13_October_skipping_National_Day()
    {
        var report = await _hr.PostAsJsonAsync("/api/performance/ratings/batch", new
        {
            ratings = new[] { Rating(NewId(), DemoStaffNo, 1, "2026-09-30T15:00:00+08:00") },
        }).Ok("batch");

        var line = report.GetProperty("lines")[0];
        Assert.That(line.Str("rectificationDueOn"), Is.EqualTo("2026-10-13"));
        var @case = await _hr.GetJson($"/api/performance/rectifications/{line.GetProperty("rectificationId").GetGuid()}");
        Assert.That(@case.Str("status"), Is.EqualTo("open"));
        Assert.That(@case.GetProperty("overdue").GetBoolean(), Is.True, "13 October 2026 has passed");
        var overdue = await _hr.GetJson("/api/performance/rectifications?status=overdue&pageSize=200");
        Assert.That(overdue.Items().Select(i => i.Id()), Does.Contain(@case.Id()));

        var incomplete = await _hr.PutAsJsonAsync($"/api/performance/rectifications/{@case.Id()}", new { close = true, returnVisit = "已回访", version = @case.Int("version") });
        await ProblemAssert.NamesField(incomplete, "outcome");
        var closed = await _hr.PutAsJsonAsync($"/api/performance/rectifications/{@case.Id()}",
            new { close = true, returnVisit = "已电话回访", outcome = "已整改", version = @case.Int("version") }).Ok("close");
        Assert.That(closed.Str("status"), Is.EqualTo("closed"));
        Assert.That(closed.GetProperty("overdue").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_year_without_a_schedule_counts_weekdays_with_a_warning_until_hr_or_an_administrator_loads_it()
    {
        var before = await _hr.GetJson("/api/performance/calendar/working-days?from=2027-09-30&days=5");
        Assert.That(before.GetProperty("scheduleMissing").GetBoolean(), Is.True);
        Assert.That(before.Str("due"), Is.EqualTo("2027-10-07"));

        using var admin = await _host.ClientFor("admin");
        using var leader = await _host.ClientFor("leader.linfen");
        var refusedForLeader = await leader.PutAsJsonAsync("/api/performance/calendar/year", new { year = 2027, source = "x", days = Array.Empty<object>() });
        Assert.That(refusedForLeader.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "leaders read the calendar; HR and admin load it");
        var bad = await admin.PutAsJsonAsync("/api/performance/calendar/year", new
        {
            year = 2027, source = "测试", days = new[] { new { day = "2027-10-13", kind = "workday", name = "调休" } },
        });
        await ProblemAssert.NamesField(bad, "days[0].day");
        await admin.PutAsJsonAsync("/api/performance/calendar/year", new
        {
            year = 2027, source = "国务院办公厅关于2027年部分节假日安排的通知（测试）",
            days = Enumerable.Range(1, 7).Select(d => new { day = $"2027-10-{d:D2}", kind = "holiday", name = "国庆节" })
                .Append(new { day = "2027-10-09", kind = "workday", name = "国庆节调休" }).ToArray(),
        }).Ok("load 2027");
        var loaded = await _hr.GetJson("/api/performance/calendar/year?year=2027");
        Assert.That(loaded.GetProperty("days").GetArrayLength(), Is.EqualTo(8));

        var after = await _hr.GetJson("/api/performance/calendar/working-days?from=2027-09-30&days=5");
        Assert.That(after.GetProperty("scheduleMissing").GetBoolean(), Is.False);
        Assert.That(after.Str("due"), Is.EqualTo("2027-10-13"), "Fri 8, Sat 9 (make-up day), Mon 11, Tue 12, Wed 13 October");
    }

    [Test]
    public async Task An_xlsx_upload_stores_the_good_rows_and_reports_every_row()
    {
        var good = NewId();
        var rows = new[]
        {
            new Dictionary<string, object?> { ["评价编号"] = good, ["工号"] = DemoStaffNo, ["服务事项"] = "社保卡申领", ["评价等级"] = "非常不满意", ["评价时间"] = "2026-11-18 09:30", ["评价内容"] = "排队太久" },
            new Dictionary<string, object?> { ["评价编号"] = NewId(), ["工号"] = "CW888888", ["服务事项"] = "社保卡申领", ["评价等级"] = "满意", ["评价时间"] = "2026-11-18 09:40", ["评价内容"] = null },
            new Dictionary<string, object?> { ["评价编号"] = NewId(), ["工号"] = DemoStaffNo, ["服务事项"] = "社保卡申领", ["评价等级"] = "很好", ["评价时间"] = "2026-11-18 09:50", ["评价内容"] = null },
        };
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(buffer.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "好差评.xlsx");

        var report = await _hr.PostAsync("/api/performance/ratings/import", content).Ok("import");

        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        Assert.That(lines.Select(l => l.Int("row")), Is.EqualTo(new[] { 2, 3, 4 }), "sheet row numbers");
        Assert.That(lines.Select(l => l.Str("status")), Is.EqualTo(new[] { "created", "rejected", "rejected" }));
        Assert.That(lines[0].GetProperty("rectificationId").ValueKind, Is.EqualTo(JsonValueKind.String), "非常不满意 opens a case");
        Assert.That(lines[0].Str("rectificationDueOn"), Is.EqualTo("2026-11-25"), "Wed 18 Nov + 5 working days");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM performance_ratings WHERE external_id = @Id AND source = 'xlsx'", new { Id = good }), Is.EqualTo(1));
    }

    [Test]
    public async Task Workers_cannot_read_ratings_or_cases_and_leaders_cannot_ingest()
    {
        using var worker = await _host.ClientFor("worker.demo");
        using var leader = await _host.ClientFor("leader.linfen");

        Assert.That((await worker.GetAsync("/api/performance/ratings")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await worker.GetAsync("/api/performance/rectifications")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await leader.PostAsJsonAsync("/api/performance/ratings/batch", new { ratings = new[] { Rating(NewId(), DemoStaffNo, 5) } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
        var ratings = await leader.GetJson("/api/performance/ratings?pageSize=5");
        Assert.That(ratings.Int("total"), Is.GreaterThan(0), "the leader reads the street's ratings");
    }
}
