using System.Net;
using System.Net.Http.Json;
using Dapper;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// Workers carry a copy of their unit's path (and so does the name index) for fast scoped search; moving units and
/// approving rotations must keep those copies right, or people would vanish from — or leak into — someone's roster.
/// </summary>
[TestFixture]
public sealed class RosterScopeFollowsTheTreeTests
{
    private CwHost _host = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _admin.Dispose();
        _host.Dispose();
    }

    private async Task<Guid> Unit(Guid parentId, string code, string level)
    {
        var response = await _admin.PostAsJsonAsync("/api/staffing/org-units", new { parentId, code, name = UniqueName("单位"), level });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).Id();
    }

    [Test]
    public async Task Moving_a_street_takes_its_workers_into_the_new_districts_roster_and_search()
    {
        var jingan = await OrgTree.IdByCode(_admin, "310106");
        var street = await Unit(jingan, "310106950", "street");
        var community = await Unit(street, "310106950001", "community");
        var otherDistrict = await Unit(await OrgTree.IdByCode(_admin, "310000"), "310198", "district");
        var body = WorkerBody(community);
        var name = (string)body["name"]!;
        var worker = await CreateWorker(_admin, body);
        var hrOfNewDistrict = await NewAccount(_host, _admin, "hr", otherDistrict);

        var before = await hrOfNewDistrict.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(name)}");
        var moved = await _admin.PostAsJsonAsync($"/api/staffing/org-units/{street}/move", new { newParentId = otherDistrict, version = 1 });
        var byName = await hrOfNewDistrict.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(name)}");
        var byList = await hrOfNewDistrict.GetJson("/api/staffing/workers?pageSize=200");
        var linfenHr = await _host.ClientFor("hr.linfen");
        var get = await hrOfNewDistrict.GetAsync($"/api/staffing/workers/{worker.Id()}");

        Assert.That(before.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        Assert.That(byName.Items().Select(i => i.Id()), Is.EqualTo(new[] { worker.Id() }));
        Assert.That(byList.Items().Select(i => i.Id()), Does.Contain(worker.Id()));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await linfenHr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(name)}")).GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task After_a_rotation_into_another_street_the_worker_is_found_there_by_name_and_not_in_the_old_street()
    {
        var jingan = await OrgTree.IdByCode(_admin, "310106");
        var streetA = await Unit(jingan, "310106960", "street");
        var communityA = await Unit(streetA, "310106960001", "community");
        var (workerId, postingId, _) = await WorkerInNewPost(_admin, communityA);
        var target = await CreatePost(_admin, await OrgTree.IdByCode(_admin, "310106021002"), 5);
        var name = (await _admin.GetJson($"/api/staffing/workers/{workerId}")).Str("name");
        var request = await _admin.PostAsJsonAsync("/api/staffing/rotation-requests", new
        {
            workerId, fromPostingId = postingId, toPostId = target.Id(), reason = "跨街道交流", proposedOn = Today.AddDays(1).ToString("yyyy-MM-dd"),
        });
        Assert.That(request.StatusCode, Is.EqualTo(HttpStatusCode.Created), await request.Content.ReadAsStringAsync());
        var requestBody = await request.ReadJson();
        // The deciding leader must see both ends: make one for Jing'an.
        var leader = await NewAccount(_host, _admin, "leader", jingan);

        var approve = await leader.PostAsJsonAsync($"/api/staffing/rotation-requests/{requestBody.Id()}/approve",
            new { version = requestBody.GetProperty("version").GetInt32() });
        var linfenHr = await _host.ClientFor("hr.linfen");
        var hrOfA = await NewAccount(_host, _admin, "hr", streetA);

        Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approve.Content.ReadAsStringAsync());
        Assert.That((await linfenHr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(name)}")).Items().Select(i => i.Id()),
            Is.EqualTo(new[] { workerId }));
        Assert.That((await hrOfA.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(name)}")).GetProperty("total").GetInt32(), Is.Zero);
    }
    [Test]
    public async Task A_rotation_within_a_street_moves_the_worker_between_its_communities_and_leaves_the_name_index_as_it_was()
    {
        var jingan = await OrgTree.IdByCode(_admin, "310106");
        var street = await Unit(jingan, "310106970", "street");
        var from = await Unit(street, "310106970001", "community");
        var to = await Unit(street, "310106970002", "community");
        var (workerId, postingId, _) = await WorkerInNewPost(_admin, from);
        var target = await CreatePost(_admin, to, 5);
        var name = (await _admin.GetJson($"/api/staffing/workers/{workerId}")).Str("name");
        var gramsBefore = await Grams(workerId);
        var request = await _admin.PostAsJsonAsync("/api/staffing/rotation-requests", new
        {
            workerId, fromPostingId = postingId, toPostId = target.Id(), reason = "街道内轮岗", proposedOn = Today.AddDays(1).ToString("yyyy-MM-dd"),
        });
        Assert.That(request.StatusCode, Is.EqualTo(HttpStatusCode.Created), await request.Content.ReadAsStringAsync());
        var requestBody = await request.ReadJson();
        var leader = await NewAccount(_host, _admin, "leader", street);

        var approve = await leader.PostAsJsonAsync($"/api/staffing/rotation-requests/{requestBody.Id()}/approve",
            new { version = requestBody.GetProperty("version").GetInt32() });
        var gramsAfter = await Grams(workerId);
        var hrOfFrom = await NewAccount(_host, _admin, "hr", from);
        var hrOfTo = await NewAccount(_host, _admin, "hr", to);
        var hrOfStreet = await NewAccount(_host, _admin, "hr", street);

        Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approve.Content.ReadAsStringAsync());
        Assert.That(gramsAfter, Is.EqualTo(gramsBefore), "a move within the street rewrites no n-gram");
        Assert.That(gramsAfter.Select(g => g.StreetPath).Distinct(), Is.EqualTo(new[] { "/310000/310106/310106970/" }));
        foreach (var q in new[] { name, "测试" })
        {
            // The full name is confirmed on the worker's row; "测试" is answered from the n-grams alone in a street.
            Assert.That(await Found(hrOfTo, q), Is.EqualTo(new[] { workerId }), $"hr of the new community, q={q}");
            Assert.That(await Found(hrOfFrom, q), Is.Empty, $"hr of the old community, q={q}");
            Assert.That(await Found(hrOfStreet, q), Is.EqualTo(new[] { workerId }), $"hr of the street, q={q}");
            Assert.That(await Found(_admin, q, to), Is.EqualTo(new[] { workerId }), $"admin filtering the new community, q={q}");
            Assert.That(await Found(_admin, q, from), Is.Empty, $"admin filtering the old community, q={q}");
        }
    }

    [Test]
    public async Task A_rotation_of_the_primary_posting_into_a_head_post_moves_the_worker_between_the_post_type_filters()
    {
        var jingan = await OrgTree.IdByCode(_admin, "310106");
        var street = await Unit(jingan, "310106971", "street");
        var from = await Unit(street, "310106971001", "community");
        var to = await Unit(street, "310106971002", "community");
        var (workerId, postingId, _) = await WorkerInNewPost(_admin, from);
        var head = await CreatePost(_admin, to, 1, "head");
        var filed = await _admin.PostAsJsonAsync("/api/staffing/rotation-requests", new
        {
            workerId, fromPostingId = postingId, toPostId = head.Id(), reason = "任社区书记", proposedOn = Today.AddDays(1).ToString("yyyy-MM-dd"),
        });
        Assert.That(filed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await filed.Content.ReadAsStringAsync());
        var request = await filed.ReadJson();
        var leader = await NewAccount(_host, _admin, "leader", street);
        async Task<Guid[]> InStreet(string postType) =>
            (await _admin.GetJson($"/api/staffing/workers?orgUnitId={street}&postType={postType}&pageSize=50")).Items().Select(i => i.Id()).ToArray();
        var staffBefore = await InStreet("staff");

        var approve = await leader.PostAsJsonAsync($"/api/staffing/rotation-requests/{request.Id()}/approve",
            new { version = request.GetProperty("version").GetInt32() });

        Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approve.Content.ReadAsStringAsync());
        Assert.That(staffBefore, Does.Contain(workerId));
        Assert.That(await InStreet("head"), Is.EqualTo(new[] { workerId }), "written with the worker's new unit, in one statement");
        Assert.That(await InStreet("staff"), Does.Not.Contain(workerId));
        var worker = await _admin.GetJson($"/api/staffing/workers/{workerId}");
        Assert.That(worker.Str("orgUnitId"), Is.EqualTo(to.ToString()));
    }

    [Test]
    public async Task Moving_a_community_to_another_street_takes_its_workers_into_that_streets_name_search()
    {
        var jingan = await OrgTree.IdByCode(_admin, "310106");
        var oldStreet = await Unit(jingan, "310106980", "street");
        var newStreet = await Unit(jingan, "310106981", "street");
        var community = await Unit(oldStreet, "310106980001", "community");
        var (workerId, _, _) = await WorkerInNewPost(_admin, community);
        var name = (await _admin.GetJson($"/api/staffing/workers/{workerId}")).Str("name");

        var moved = await _admin.PostAsJsonAsync($"/api/staffing/org-units/{community}/move", new { newParentId = newStreet, version = 1 });
        var hrOfOld = await NewAccount(_host, _admin, "hr", oldStreet);
        var hrOfNew = await NewAccount(_host, _admin, "hr", newStreet);
        var hrOfCommunity = await NewAccount(_host, _admin, "hr", community);

        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        Assert.That((await Grams(workerId)).Select(g => g.StreetPath).Distinct(), Is.EqualTo(new[] { "/310000/310106/310106981/" }));
        foreach (var q in new[] { name, "测试" })
        {
            Assert.That(await Found(hrOfNew, q), Is.EqualTo(new[] { workerId }), $"hr of the new street, q={q}");
            Assert.That(await Found(hrOfOld, q), Is.Empty, $"hr of the old street, q={q}");
            Assert.That(await Found(hrOfCommunity, q), Is.EqualTo(new[] { workerId }), $"hr of the moved community, q={q}");
        }
    }

    [TestCase("/310000/310106/310106021/310106021001/", "/310000/310106/310106021/")]
    [TestCase("/310000/310106/310106021/", "/310000/310106/310106021/")]
    [TestCase("/310000/310106/", "/310000/310106/")]
    [TestCase("/", "/")]
    public void The_name_index_carries_the_street_a_path_lies_in(string path, string street) =>
        Assert.That(Workers.RosterIndex.StreetPathOf(path), Is.EqualTo(street));

    [TestCase("/310000/310106/310106021/310106021001/%", "/310000/310106/310106021/%")]
    [TestCase("/310000/310106/310106021/%", "/310000/310106/310106021/%")]
    [TestCase("/310000/%", "/310000/%")]
    [TestCase(BuildingBlocks.Security.ScopeArgs.NoPath, BuildingBlocks.Security.ScopeArgs.NoPath)]
    public void A_scope_below_a_street_searches_the_streets_n_grams(string scope, string gramScope) =>
        Assert.That(Workers.RosterRequest.GramScopeOf(scope), Is.EqualTo(gramScope));

    /// <summary>The ids a roster name search returns for this caller (optionally filtered to one unit).</summary>
    private static async Task<Guid[]> Found(HttpClient client, string q, Guid? orgUnitId = null) =>
        (await client.GetJson($"/api/staffing/workers?pageSize=200&q={Uri.EscapeDataString(q)}"
                              + (orgUnitId is { } unit ? $"&orgUnitId={unit}" : ""))).Items().Select(i => i.Id()).ToArray();

    /// <summary>The worker's n-gram rows as stored, in order.</summary>
    private async Task<(string Gram, string StreetPath)[]> Grams(Guid workerId)
    {
        await using var connection = Db.Open(_host);
        return (await connection.QueryAsync<(string, string)>(
            "SELECT gram, street_path FROM staffing_worker_name_grams WHERE worker_id = @WorkerId ORDER BY gram",
            new { WorkerId = workerId })).ToArray();
    }
}
