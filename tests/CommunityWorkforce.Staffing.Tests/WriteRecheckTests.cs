using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// Write endpoints check what the caller may see before their transaction (so that the SQLite write queue is held only
/// for the change) and re-check inside it what may have changed meanwhile. These tests take the moment in between.
/// </summary>
[TestFixture]
public sealed class WriteRecheckTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private Guid _community;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        var admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
        _community = await OrgTree.IdByCode(admin, "310106021003");
        admin.Dispose();
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task A_worker_who_left_after_the_caller_looked_is_not_posted()
    {
        var worker = await CreateWorker(_hr, _community);
        var post = await CreatePost(_hr, _community, quota: 3);
        var left = await _hr.PostAsJsonAsync($"/api/staffing/workers/{worker.Id()}/status",
            new { status = "left", effectiveOn = Today.ToString("yyyy-MM-dd"), reason = "辞职", version = 1 });
        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK), await left.Content.ReadAsStringAsync());

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var postings = scope.ServiceProvider.GetRequiredService<PostingService>();
        await using var tx = await db.BeginAsync(CancellationToken.None);
        var (postingId, refusal) = await postings.StartAsync(worker.Id(), post.Id(), Today, "secondment", false, "/310000/", CancellationToken.None);

        Assert.That(refusal, Is.EqualTo(PostingRefusal.WorkerLeft));
        Assert.That(postingId, Is.Null);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE post_id = @P", new { P = post.Id() }), Is.Zero);
    }
}
