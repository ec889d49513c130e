using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// Names may hold any character a citizen's name can: the 生僻字 of CJK Extension B and later, which GB 18030-2022 asks
/// systems to support (outside the Basic Multilingual Plane, so two UTF-16 units each), and emoji. Each must survive
/// create, rename, search, import and export, in worker names, post titles and org-unit names.
/// </summary>
[TestFixture]
public sealed class RareCharacterTests
{
    /// <summary>Extension B (𠀀 𠀁 𪚥), Extension E (𬌗), Extension G (𰻝), an emoji, and two that share a high surrogate.</summary>
    private static readonly string[] Rare = ["𠀀", "𪚥", "𬌗", "𰻝", "😀", "𠀁"];

    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private Guid _community;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _community = await OrgTree.IdByCode(_hr, FenxiCode);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    [TestCaseSource(nameof(Rare))]
    public async Task A_worker_named_with_a_rare_character_is_created_renamed_and_found(string character)
    {
        var name = "王" + character + UniqueName("");
        var body = WorkerBody(_community);
        body["name"] = name;

        var worker = await CreateWorker(_hr, body);
        var found = await _hr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString("王" + character)}");
        var renamed = await _hr.PutAsJsonAsync($"/api/staffing/workers/{worker.Id()}", new
        {
            name = character + character + "明", ethnicGroup = "01", politicalStatus = "13", education = "21",
            phone = body["phone"], hireDate = "2020-01-01", serviceStartDate = "2019-01-01", version = 1,
        });
        var byNewName = await _hr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(character + "明")}");
        var byOneCharacter = await _hr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(character)}");

        Assert.That(worker.Str("name"), Is.EqualTo(name));
        Assert.That(found.GetProperty("items").EnumerateArray().Select(w => w.Str("name")), Does.Contain(name));
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await renamed.Content.ReadAsStringAsync());
        Assert.That((await _hr.GetJson($"/api/staffing/workers/{worker.Id()}")).Str("name"), Is.EqualTo(character + character + "明"));
        Assert.That(byNewName.GetProperty("items").EnumerateArray().Select(w => w.Id()), Does.Contain(worker.Id()));
        Assert.That(byOneCharacter.GetProperty("items").EnumerateArray().Select(w => w.Id()), Does.Contain(worker.Id()));
    }

    [Test]
    public async Task Two_rare_characters_sharing_a_surrogate_half_are_different_names()
    {
        // 𠀀 (U+20000) and 𠀁 (U+20001) share their high surrogate: split into halves, their n-grams would collide.
        var first = WorkerBody(_community);
        first["name"] = "𠀀𠀁" + UniqueName("");
        var second = WorkerBody(_community);
        second["name"] = "𠀁𠀀" + UniqueName("");

        var a = await CreateWorker(_hr, first);
        var b = await CreateWorker(_hr, second);
        var search = await _hr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString("𠀀𠀁")}");

        Assert.That(search.GetProperty("items").EnumerateArray().Select(w => w.Id()), Does.Contain(a.Id()).And.Not.Contain(b.Id()));
    }

    [Test]
    public async Task Post_titles_and_org_unit_names_keep_rare_characters()
    {
        var title = "𪚥𬌗调解岗" + Next();
        var post = await CreatePost(_hr, _community, quota: 1, title: title);
        var unit = await _hr.PostAsJsonAsync("/api/staffing/org-units", new
        {
            parentId = await OrgTree.IdByCode(_hr, CwHost.DemoStreetCode), code = "3101060219" + (Next() % 90 + 10),
            name = "𠀀𰻝居民委员会😀", level = "community", households = 1200, population = 3000,
        });

        Assert.That(post.Str("title"), Is.EqualTo(title));
        Assert.That((await _hr.GetJson($"/api/staffing/posts/{post.Id()}")).Str("title"), Is.EqualTo(title));
        Assert.That(unit.StatusCode, Is.EqualTo(HttpStatusCode.Created), await unit.Content.ReadAsStringAsync());
        Assert.That((await unit.ReadJson()).Str("name"), Is.EqualTo("𠀀𰻝居民委员会😀"));
    }

    [Test]
    public async Task Import_and_export_round_trip_rare_characters()
    {
        var names = Rare.Select(c => "导" + c + UniqueName("")).ToList();
        var rows = names.Select((name, i) => new Dictionary<string, object?>
        {
            ["工号"] = null, ["姓名"] = name, ["身份证号"] = NewIdNumber(), ["民族"] = "汉族", ["政治面貌"] = "13",
            ["学历"] = "21", ["手机号"] = "1380013" + (8000 + i), ["入职日期"] = "2024-03-01", ["社区工作起始日期"] = "2022-03-01",
            ["所属单位编码"] = FenxiCode, ["岗位名称"] = null, ["任职开始日期"] = null,
        }).ToList();
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, rows);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(buffer.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "生僻字.xlsx");

        var imported = await _hr.PostAsync("/api/staffing/workers/import", form);
        var export = await _hr.GetAsync($"/api/staffing/workers/export?q={Uri.EscapeDataString("导")}");

        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        Assert.That((await imported.ReadJson()).GetProperty("imported").GetInt32(), Is.EqualTo(names.Count));
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var exported = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["姓名"]?.ToString()).ToList();
        Assert.That(exported, Is.SupersetOf(names));
    }
}
