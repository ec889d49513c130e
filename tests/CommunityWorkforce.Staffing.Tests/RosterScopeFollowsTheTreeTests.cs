using System.Net;
using System.Net.Http.Json;
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
}
