using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>A worker asks for a rotation themself: they see the open posts of their own street and file for one.</summary>
[TestFixture]
public sealed class WorkerRotationSelfServiceTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new CwHost();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public async Task A_worker_sees_only_open_posts_of_their_own_street_and_files_a_rotation_for_one()
    {
        using var worker = await _host.ClientFor("worker.demo");
        using var admin = await _host.ClientFor("admin");
        var elsewhere = await CreatePost(admin, await OrgTree.IdByCode(admin, "310106012"), 5);

        var open = await worker.GetJson("/api/staffing/posts/open-for-me?pageSize=200");
        var me = await worker.GetJson("/api/staffing/workers/me");
        var postings = await worker.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/staffing/workers/{me.Id()}/postings");
        var current = postings!.First(p => p.GetProperty("endedOn").ValueKind == System.Text.Json.JsonValueKind.Null);
        var target = open.Items().First(p => p.GetProperty("orgUnitId").GetGuid() != current.GetProperty("orgUnitId").GetGuid());
        var filed = await worker.PostAsJsonAsync("/api/staffing/rotation-requests", new
        {
            workerId = me.Id(), fromPostingId = current.Id(), toPostId = target.Id(), reason = "希望到其他社区锻炼",
            proposedOn = Today.AddDays(30).ToString("yyyy-MM-dd"),
        });

        Assert.That(open.GetProperty("total").GetInt32(), Is.GreaterThan(0));
        Assert.That(open.Items().All(p => p.GetProperty("vacant").GetInt32() > 0), Is.True);
        Assert.That(open.Items().Select(p => p.Id()), Does.Not.Contain(elsewhere.Id()));
        Assert.That(filed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await filed.Content.ReadAsStringAsync());
        Assert.That((await filed.ReadJson()).Str("requestedRole"), Is.EqualTo("worker"));
    }

    [Test]
    public async Task An_account_without_a_roster_record_has_no_open_posts()
    {
        using var hr = await _host.ClientFor("hr.linfen");

        await ProblemAssert.IsProblem(await hr.GetAsync("/api/staffing/posts/open-for-me"), HttpStatusCode.NotFound);
    }
}
