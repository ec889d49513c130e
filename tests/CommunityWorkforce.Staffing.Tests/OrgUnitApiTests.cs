using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>The org tree through HTTP against the real host on a fresh database.</summary>
[TestFixture]
public sealed class OrgUnitApiTests
{
    private CwHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;
    private Guid _linfen;
    private Guid _otherStreet;
    private Guid _district;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _linfen = await OrgTree.IdByCode(_admin, CwHost.DemoStreetCode);
        _otherStreet = await OrgTree.IdByCode(_admin, "310106012");
        _district = await OrgTree.IdByCode(_admin, "310106");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        foreach (var client in new[] { _admin, _hr, _leader, _worker })
        {
            client.Dispose();
        }
        _host.Dispose();
    }

    /// <summary>Today: a unit cannot close before it was established, which for these units is today.</summary>
    private static string ClosedOn => StaffingData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonElement> Create(HttpClient client, Guid parentId, string code, string name, string level = "community")
    {
        var response = await client.PostAsJsonAsync("/api/staffing/org-units", new { parentId, code, name, level, households = 2100, population = 5000 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    [Test]
    public async Task Hr_tree_is_rooted_at_their_street()
    {
        var tree = await (await _hr.GetAsync("/api/staffing/org-units/tree")).ReadJson();

        Assert.That(tree.GetArrayLength(), Is.EqualTo(1));
        Assert.That(tree[0].GetProperty("code").GetString(), Is.EqualTo(CwHost.DemoStreetCode));
        Assert.That(tree[0].GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()),
            Does.Contain("临汾路街道社区事务受理服务中心"));
    }

    [Test]
    public async Task Admin_tree_starts_at_the_city_and_holds_the_fourteen_jingan_streets()
    {
        var tree = await (await _admin.GetAsync("/api/staffing/org-units/tree")).ReadJson();

        var city = tree.EnumerateArray().Single(n => n.GetProperty("code").GetString() == "310000");
        var jingan = city.GetProperty("children").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "310106");
        Assert.That(jingan.GetProperty("children").GetArrayLength(), Is.GreaterThanOrEqualTo(14));
    }

    [Test]
    public async Task Hr_list_contains_only_their_subtree()
    {
        var page = await (await _hr.GetAsync("/api/staffing/org-units?pageSize=200&status=all")).ReadJson();

        var paths = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("path").GetString()!).ToList();
        Assert.That(paths, Is.Not.Empty);
        Assert.That(paths, Has.All.StartsWith("/310000/310106/310106021/"));
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(paths.Count));
    }

    [Test]
    public async Task Out_of_scope_unit_is_404_for_hr_and_leader_and_403_for_worker()
    {
        await ProblemAssert.IsProblem(await _hr.GetAsync($"/api/staffing/org-units/{_otherStreet}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await _leader.GetAsync($"/api/staffing/org-units/{_otherStreet}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await _worker.GetAsync($"/api/staffing/org-units/{_linfen}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await _worker.GetAsync("/api/staffing/org-units"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Leader_reads_but_may_not_change_the_tree()
    {
        var read = await _leader.GetAsync($"/api/staffing/org-units/{_linfen}");
        var write = await _leader.PostAsJsonAsync("/api/staffing/org-units", new { parentId = _linfen, code = "L1", name = "领导新建", level = "community" });

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAssert.IsProblem(write, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Hr_creates_a_community_under_their_street_with_an_audit_row()
    {
        var created = await Create(_hr, _linfen, "310106021101", "新建测试居委会");

        Assert.That(created.GetProperty("path").GetString(), Is.EqualTo("/310000/310106/310106021/310106021101/"));
        Assert.That(created.GetProperty("version").GetInt32(), Is.EqualTo(1));
        var audits = await _host.Scalar<long>(
            "SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.org-unit.created' AND user_name = 'hr.linfen' AND entity_id = @Id",
            new { Id = created.GetProperty("id").GetGuid() });
        Assert.That(audits, Is.EqualTo(1));
    }

    [Test]
    public async Task Hr_cannot_create_under_another_street()
    {
        var response = await _hr.PostAsJsonAsync("/api/staffing/org-units", new { parentId = _otherStreet, code = "X9", name = "越权", level = "community" });

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_org_units WHERE code = 'X9'"), Is.Zero);
    }

    [Test]
    public async Task A_community_cannot_sit_directly_under_a_district()
    {
        var response = await _admin.PostAsJsonAsync("/api/staffing/org-units", new { parentId = _district, code = "BAD1", name = "层级错误", level = "community" });

        await ProblemAssert.NamesField(response, "level");
    }

    [Test]
    public async Task Duplicate_code_is_409()
    {
        var response = await _hr.PostAsJsonAsync("/api/staffing/org-units", new { parentId = _linfen, code = "310106021001", name = "重复编码", level = "community" });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("code"));
    }

    [Test]
    public async Task Concurrent_edit_with_a_stale_version_is_409_and_with_if_match_412()
    {
        var unit = await Create(_hr, _linfen, "310106021102", "并发测试居委会");
        var id = unit.GetProperty("id").GetGuid();

        var first = await _hr.PutAsJsonAsync($"/api/staffing/org-units/{id}", new { name = "并发测试一", households = 1, population = 2, version = 1 });
        var stale = await _hr.PutAsJsonAsync($"/api/staffing/org-units/{id}", new { name = "并发测试二", households = 1, population = 2, version = 1 });
        using var ifMatch = new HttpRequestMessage(HttpMethod.Put, $"/api/staffing/org-units/{id}")
        {
            Content = JsonContent.Create(new { name = "并发测试三", households = 1, population = 2 }),
        };
        ifMatch.Headers.IfMatch.ParseAdd("\"1\"");
        var staleIfMatch = await _hr.SendAsync(ifMatch);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        await ProblemAssert.IsProblem(stale, HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
        await ProblemAssert.IsProblem(staleIfMatch, HttpStatusCode.PreconditionFailed, "urn:cw:problem:precondition-failed");
        var current = await (await _hr.GetAsync($"/api/staffing/org-units/{id}")).ReadJson();
        Assert.That(current.GetProperty("name").GetString(), Is.EqualTo("并发测试一"));
    }

    [Test]
    public async Task Parallel_edits_with_the_same_version_let_exactly_one_win()
    {
        var unit = await Create(_hr, _linfen, "310106021103", "并行测试居委会");
        var id = unit.GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _hr.PutAsJsonAsync($"/api/staffing/org-units/{id}", new { name = $"并行{i}", households = i, population = i, version = 1 })));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(19));
        Assert.That(await _host.Scalar<long>("SELECT version FROM staffing_org_units WHERE code = '310106021103'"), Is.EqualTo(2));
    }

    [Test]
    public async Task Moving_a_street_re_roots_its_whole_subtree_and_takes_it_out_of_hr_scope()
    {
        var street = await Create(_admin, _district, "310106901", "迁移测试街道", "street");
        var community = await Create(_admin, street.GetProperty("id").GetGuid(), "310106901001", "迁移测试居委会");
        var otherDistrict = await Create(_admin, await OrgTree.IdByCode(_admin, "310000"), "310199", "迁移目标区", "district");

        var moved = await _admin.PostAsJsonAsync($"/api/staffing/org-units/{street.GetProperty("id").GetGuid()}/move",
            new { newParentId = otherDistrict.GetProperty("id").GetGuid(), version = 1 });

        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var child = await (await _admin.GetAsync($"/api/staffing/org-units/{community.GetProperty("id").GetGuid()}")).ReadJson();
        Assert.That(child.GetProperty("path").GetString(), Is.EqualTo("/310000/310199/310106901/310106901001/"));
        Assert.That(child.GetProperty("depth").GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public async Task Hr_moving_a_community_to_another_street_gets_404_and_nothing_changes()
    {
        var community = await Create(_hr, _linfen, "310106021104", "不能越权移动");

        var response = await _hr.PostAsJsonAsync($"/api/staffing/org-units/{community.GetProperty("id").GetGuid()}/move",
            new { newParentId = _otherStreet, version = 1 });

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
        var path = await _host.Scalar<string>("SELECT path FROM staffing_org_units WHERE code = '310106021104'");
        Assert.That(path, Does.StartWith("/310000/310106/310106021/"));
    }

    [Test]
    public async Task A_unit_cannot_move_under_its_own_descendant()
    {
        var street = await Create(_admin, _district, "310106902", "循环测试街道", "street");
        var community = await Create(_admin, street.GetProperty("id").GetGuid(), "310106902001", "循环测试居委会");

        var response = await _admin.PostAsJsonAsync($"/api/staffing/org-units/{street.GetProperty("id").GetGuid()}/move",
            new { newParentId = community.GetProperty("id").GetGuid(), version = 1 });

        await ProblemAssert.NamesField(response, "newParentId");
    }

    [Test]
    public async Task Closing_needs_no_active_children_and_hr_cannot_close_their_own_root()
    {
        var street = await Create(_admin, _district, "310106903", "撤销测试街道", "street");
        var community = await Create(_admin, street.GetProperty("id").GetGuid(), "310106903001", "撤销测试居委会");
        var streetId = street.GetProperty("id").GetGuid();

        var blocked = await _admin.PostAsJsonAsync($"/api/staffing/org-units/{streetId}/close",
            new { closedOn = ClosedOn, reason = "区划调整", version = 1 });
        var closedChild = await _admin.PostAsJsonAsync($"/api/staffing/org-units/{community.GetProperty("id").GetGuid()}/close",
            new { closedOn = ClosedOn, reason = "合并", version = 1 });
        var closedStreet = await _admin.PostAsJsonAsync($"/api/staffing/org-units/{streetId}/close",
            new { closedOn = ClosedOn, reason = "区划调整", version = 1 });
        var ownRoot = await _hr.PostAsJsonAsync($"/api/staffing/org-units/{_linfen}/close",
            new { closedOn = ClosedOn, reason = "越权", version = 1 });

        await ProblemAssert.IsProblem(blocked, HttpStatusCode.Conflict, "urn:cw:problem:org-unit-has-active-children");
        Assert.That((await closedChild.ReadJson()).GetProperty("status").GetString(), Is.EqualTo("closed"));
        Assert.That(closedStreet.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAssert.IsProblem(ownRoot, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Lists_page_sort_and_search_with_whitelisted_fields_only()
    {
        var page = await (await _hr.GetAsync("/api/staffing/org-units?pageSize=2&page=2&sort=code&level=community")).ReadJson();
        var search = await (await _hr.GetAsync("/api/staffing/org-units?q=阳曲")).ReadJson();
        var badSort = await _hr.GetAsync("/api/staffing/org-units?sort=password_hash");
        var hugePage = await _hr.GetAsync("/api/staffing/org-units?pageSize=100000");

        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        Assert.That(page.GetProperty("page").GetInt32(), Is.EqualTo(2));
        Assert.That(page.GetProperty("items")[0].GetProperty("code").GetString(), Is.EqualTo("310106021003"));
        Assert.That(search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()), Is.EqualTo(new[] { "阳曲路居民委员会" }));
        await ProblemAssert.NamesField(badSort, "sort");
        await ProblemAssert.NamesField(hugePage, "pageSize");
    }

    [Test]
    public async Task Search_wildcards_are_taken_literally()
    {
        var page = await (await _hr.GetAsync("/api/staffing/org-units?q=%25")).ReadJson();

        Assert.That(page.GetProperty("total").GetInt32(), Is.Zero);
    }
}
