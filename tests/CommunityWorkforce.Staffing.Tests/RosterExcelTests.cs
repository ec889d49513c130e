using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityWorkforce.Staffing.Workers;
using Dapper;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>The roster in and out of Excel, through HTTP against the real host.</summary>
[TestFixture]
public sealed class RosterExcelTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private int _sequence;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    /// <summary>A valid ID number never used before in this fixture.</summary>
    private string NewIdNumber(int year = 1990)
    {
        var first17 = $"310106{year}0315{Interlocked.Increment(ref _sequence) % 1000:D3}";
        return first17 + CitizenId.CheckCharacter(first17);
    }

    private Dictionary<string, object?> Row(string name, string? idNumber = null, string unit = "310106021002", string? post = null) => new()
    {
        ["工号"] = null, ["姓名"] = name, ["身份证号"] = idNumber ?? NewIdNumber(), ["民族"] = "汉族", ["政治面貌"] = "13",
        ["学历"] = "21", ["手机号"] = "13800138000", ["入职日期"] = "2024-03-01", ["社区工作起始日期"] = "2022-03-01",
        ["所属单位编码"] = unit, ["岗位名称"] = post, ["任职开始日期"] = null,
    };

    private static byte[] Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, rows.ToList());
        return buffer.ToArray();
    }

    private Task<HttpResponseMessage> Upload(string url, byte[] content, string fileName = "roster.xlsx")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return _hr.PostAsync(url, form);
    }

    private Task<long> WorkerCount() => _host.Scalar<long>("SELECT COUNT(*) FROM staffing_workers");

    [Test]
    public async Task Template_has_every_roster_column()
    {
        var response = await _hr.GetAsync("/api/staffing/workers/import-template");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var columns = MiniExcel.GetColumns(stream, useHeaderRow: true);
        Assert.That(columns, Is.SupersetOf(new[] { "姓名", "身份证号", "民族", "政治面貌", "学历", "入职日期", "所属单位编码" }));
    }

    [Test]
    public async Task Sheet_with_three_bad_rows_is_refused_whole_with_a_per_cell_report()
    {
        var before = await WorkerCount();
        var bad = Row("校验位错");
        bad["身份证号"] = "310106199003150011";
        var rows = new[]
        {
            Row("正常一"), bad, Row("单位不在范围", unit: "310106012"), Row("正常二"),
            new Dictionary<string, object?>(Row("手机号错")) { ["手机号"] = "12345" },
        };

        var response = await Upload("/api/staffing/workers/import", Sheet(rows));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "urn:cw:problem:import-invalid");
        var errors = problem.GetProperty("rowErrors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        Assert.That(errors, Is.EquivalentTo(new[] { (3, "身份证号"), (4, "所属单位编码"), (6, "手机号") }));
        Assert.That(await WorkerCount(), Is.EqualTo(before), "nothing may be written when any row is wrong");
    }

    [Test]
    public async Task Dry_run_and_error_report_name_the_bad_rows_without_writing()
    {
        var before = await WorkerCount();
        var rows = new[] { Row("试算一"), new Dictionary<string, object?>(Row("试算二")) { ["民族"] = "火星族" } };

        var dryRun = await (await Upload("/api/staffing/workers/import/check", Sheet(rows))).ReadJson();
        var report = await Upload("/api/staffing/workers/import/error-report", Sheet(rows));

        Assert.That(dryRun.GetProperty("totalRows").GetInt32(), Is.EqualTo(2));
        Assert.That(dryRun.GetProperty("validRows").GetInt32(), Is.EqualTo(1));
        Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stream = new MemoryStream(await report.Content.ReadAsByteArrayAsync());
        var lines = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(lines.Select(l => l["校验结果"]?.ToString()), Is.EqualTo(new[] { "通过", lines[1]["校验结果"]?.ToString() }));
        Assert.That(lines[1]["校验结果"]?.ToString(), Does.Contain("民族"));
        Assert.That(await WorkerCount(), Is.EqualTo(before));
    }

    [Test]
    public async Task Clean_sheet_imports_all_rows_with_postings_and_a_second_submission_is_refused()
    {
        var post = await (await _hr.GetAsync("/api/staffing/posts?hasVacancy=true&postType=staff&pageSize=1")).ReadJson();
        var target = post.GetProperty("items")[0];
        var unitCode = (await (await _hr.GetAsync($"/api/staffing/org-units/{target.GetProperty("orgUnitId").GetGuid()}")).ReadJson())
            .GetProperty("code").GetString()!;
        var rows = new[] { Row("导入甲", unit: unitCode, post: target.GetProperty("title").GetString()), Row("导入乙", unit: unitCode) };
        var sheet = Sheet(rows);

        var first = await Upload("/api/staffing/workers/import", sheet);
        var second = await Upload("/api/staffing/workers/import", sheet);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        var result = await first.ReadJson();
        Assert.That(result.GetProperty("imported").GetInt32(), Is.EqualTo(2));
        Assert.That(result.GetProperty("postingsCreated").GetInt32(), Is.EqualTo(1));
        await ProblemAssert.IsProblem(second, HttpStatusCode.UnprocessableEntity, "urn:cw:problem:import-invalid");
        var search = await (await _hr.GetAsync("/api/staffing/workers?q=导入甲")).ReadJson();
        Assert.That(search.GetProperty("items")[0].GetProperty("idNumberMasked").GetString(), Does.Match(@"^3101\*{10}\w{4}$"));
        Assert.That(search.GetProperty("items")[0].GetProperty("primaryPostTitle").GetString(), Is.EqualTo(target.GetProperty("title").GetString()));
    }

    [Test]
    public async Task Rows_over_a_posts_quota_are_reported()
    {
        var full = await (await _hr.GetAsync("/api/staffing/posts?q=汾西路&postType=head&pageSize=1")).ReadJson();
        var title = full.GetProperty("items")[0].GetProperty("title").GetString();

        var response = await Upload("/api/staffing/workers/import/check", Sheet([Row("超编", unit: "310106021001", post: title)]));

        var report = await response.ReadJson();
        Assert.That(report.GetProperty("errors")[0].GetProperty("column").GetString(), Is.EqualTo("岗位名称"));
    }

    [Test]
    public async Task Duplicate_id_numbers_within_the_sheet_are_reported_on_the_later_row()
    {
        var id = NewIdNumber();

        var report = await (await Upload("/api/staffing/workers/import/check", Sheet([Row("重复一", id), Row("重复二", id)]))).ReadJson();

        Assert.That(report.GetProperty("errors")[0].GetProperty("row").GetInt32(), Is.EqualTo(3));
        Assert.That(report.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("2"));
    }

    [Test]
    public async Task Not_an_xlsx_a_zip_bomb_and_a_missing_file_are_refused()
    {
        var text = await Upload("/api/staffing/workers/import", "name,id\n张三,1"u8.ToArray(), "roster.xlsx");
        var csv = await Upload("/api/staffing/workers/import", "name,id"u8.ToArray(), "roster.csv");
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }
        var bombResponse = await Upload("/api/staffing/workers/import", bomb.ToArray());
        var none = await _hr.PostAsync("/api/staffing/workers/import", new MultipartFormDataContent());

        await ProblemAssert.IsProblem(text, HttpStatusCode.UnsupportedMediaType);
        await ProblemAssert.IsProblem(csv, HttpStatusCode.UnsupportedMediaType);
        await ProblemAssert.IsProblem(bombResponse, HttpStatusCode.UnsupportedMediaType);
        Assert.That((int)none.StatusCode, Is.InRange(400, 499));
    }

    [Test]
    public async Task Every_upload_answers_a_body_that_is_not_multipart_with_415()
    {
        foreach (var url in new[] { "/api/staffing/workers/import", "/api/staffing/workers/import/check", "/api/staffing/workers/import/error-report" })
        {
            var empty = await _hr.PostAsync(url, null);
            var json = await _hr.PostAsJsonAsync(url, new { file = "roster.xlsx" });

            await ProblemAssert.IsProblem(empty, HttpStatusCode.UnsupportedMediaType);
            await ProblemAssert.IsProblem(json, HttpStatusCode.UnsupportedMediaType);
        }
    }

    [Test]
    public async Task Export_masks_id_numbers_and_is_audited()
    {
        var response = await _hr.GetAsync("/api/staffing/workers/export?q=汾西路");
        var all = await _hr.GetAsync("/api/staffing/workers/export");

        Assert.That(all.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stream = new MemoryStream(await all.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Has.Count.GreaterThan(200));
        Assert.That(rows.Select(r => r["身份证号"]?.ToString()), Has.All.Match(@"^3101\*{10}\w{4}$"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.worker.exported' AND user_name = 'hr.linfen'"),
            Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task Unmasked_export_needs_hr_and_a_reason_and_records_it()
    {
        using var leader = await _host.ClientFor("leader.linfen");

        var noReason = await _hr.PostAsJsonAsync("/api/staffing/workers/export-with-ids?q=CW00000", new { reason = "" });
        var asLeader = await leader.PostAsJsonAsync("/api/staffing/workers/export-with-ids", new { reason = "核对社保" });
        var ok = await _hr.PostAsJsonAsync("/api/staffing/workers/export-with-ids?q=CW00000", new { reason = "核对社保信息" });

        await ProblemAssert.NamesField(noReason, "reason");
        await ProblemAssert.IsProblem(asLeader, HttpStatusCode.Forbidden);
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stream = new MemoryStream(await ok.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r["身份证号"]?.ToString()), Has.All.Match(@"^310106\d{11}[\dX]$"));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.worker.exported-with-ids' AND reason = '核对社保信息'"),
            Is.EqualTo(1));
    }

    [Test]
    public async Task Imported_workers_get_the_name_grams_a_worker_created_alone_gets()
    {
        // An import and the API write a new worker's n-grams through different callers (a way to write them faster for an
        // import will be tried again): both must leave the same rows, with the worker's street, status and staff number.
        var unique = Interlocked.Increment(ref _sequence);
        var names = new[] { $"欧阳𠀀{unique}", $"李 小{unique}", $"王王{unique}" };
        var response = await Upload("/api/staffing/workers/import", Sheet(names.Select(n => Row(n))));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = Roster.WorkerBody(await OrgTree.IdByCode(_hr, "310106021002"));
        body["name"] = $"欧阳𠀀{unique}甲";
        await Roster.CreateWorker(_hr, body);

        await using var connection = Db.Open(_host);
        const string Grams = """
            SELECT w.name AS Name, g.gram AS Gram, g.street_path AS StreetPath, g.status AS Status, g.staff_no AS StaffNo,
                   w.org_path AS OrgPath, w.status AS WorkerStatus, w.staff_no AS WorkerStaffNo
            FROM staffing_workers w JOIN staffing_worker_name_grams g ON g.worker_id = w.id
            WHERE w.name LIKE @Pattern
            """;
        var rows = (await connection.QueryAsync<(string Name, string Gram, string StreetPath, string Status, string StaffNo,
            string OrgPath, string WorkerStatus, string WorkerStaffNo)>(Grams, new { Pattern = $"%{unique}%" })).ToList();
        foreach (var name in names.Append($"欧阳𠀀{unique}甲"))
        {
            var mine = rows.Where(r => r.Name == name).ToList();
            Assert.That(mine.Select(r => r.Gram), Is.EquivalentTo(RosterSearch.Grams(name)), name);
            Assert.That(mine.All(r => r.StreetPath == RosterIndex.StreetPathOf(r.OrgPath) && r.Status == r.WorkerStatus
                && r.StaffNo == r.WorkerStaffNo), Is.True, name);
        }
        var search = await (await _hr.GetAsync($"/api/staffing/workers?q={Uri.EscapeDataString($"小{unique}")}")).ReadJson();
        Assert.That(search.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("name").GetString()),
            Is.EquivalentTo(new[] { $"李 小{unique}" }));
    }

    [Test]
    public async Task Five_thousand_rows_import_in_one_go()
    {
        var rows = Enumerable.Range(0, 5000).Select(i =>
        {
            var first17 = "310106" + new DateOnly(1970, 1, 1).AddDays(i).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "555";
            var row = Row($"批量{i}", first17 + CitizenId.CheckCharacter(first17), unit: "310106021003");
            row["工号"] = $"BULK{i:D5}";
            return row;
        }).ToList();
        var before = await WorkerCount();
        var clock = Stopwatch.StartNew();

        var response = await Upload("/api/staffing/workers/import", Sheet(rows));

        clock.Stop();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await WorkerCount(), Is.EqualTo(before + 5000));
        TestContext.Out.WriteLine($"5,000-row import took {clock.Elapsed.TotalSeconds:F1} s (measured, not asserted)");
    }
}
