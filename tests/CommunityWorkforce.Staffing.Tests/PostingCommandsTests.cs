using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// Staffing's posting commands as another module calls them (CareerPath approving a promotion): inside the caller's
/// unit of work, refusals as values, and a refused inner unit of work that can never be committed by the outer owner.
/// </summary>
[TestFixture]
public sealed class PostingCommandsTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private Guid _community;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _community = await OrgTree.IdByCode(_hr, "310106021004");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    private async Task<(AsyncServiceScope Scope, DbSession Db, IPostingCommands Commands)> Unit()
    {
        var scope = _host.Services.CreateAsyncScope();
        return (scope, scope.ServiceProvider.GetRequiredService<DbSession>(), scope.ServiceProvider.GetRequiredService<IPostingCommands>());
    }

    private Task<long> ActivePostings(Guid postId) =>
        _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE post_id = @P AND ended_on IS NULL", new { P = postId });

    [Test]
    public async Task Moving_into_a_full_post_is_a_refusal_and_the_outer_unit_of_work_cannot_commit_it()
    {
        var (workerId, postingId, fromPostId) = await WorkerInNewPost(_hr, _community);
        var full = await CreatePost(_hr, _community, quota: 1, postType: "deputy");
        await Posted(_hr, (await CreateWorker(_hr, _community)).Id(), full.Id());
        var (scope, db, commands) = await Unit();
        await using (scope)
        {
            await using var tx = await db.BeginAsync(CancellationToken.None);
            await db.ExecuteAsync("UPDATE staffing_workers SET phone = '13912345678' WHERE id = @Id", new { Id = workerId }, CancellationToken.None);

            var result = await commands.MoveAsync(new MovePostingCommand(postingId, full.Id(), Today, "promotion"), CancellationToken.None);

            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Refusal, Is.EqualTo(PostingRefusal.HeadcountExceeded));
            Assert.That(db.RollbackOnly, Is.True);
            // An owner that ignores the refusal and commits anyway gets an exception, and nothing is written.
            await Assert.ThrowsAsync<InvalidOperationException>(() => tx.CommitAsync(CancellationToken.None));
        }

        Assert.That(await _host.Scalar<string?>("SELECT ended_on FROM staffing_postings WHERE id = @Id", new { Id = postingId }), Is.Null,
            "the old posting did not end");
        Assert.That(await ActivePostings(full.Id()), Is.EqualTo(1));
        Assert.That(await ActivePostings(fromPostId), Is.EqualTo(1));
        Assert.That(await _host.Scalar<string?>("SELECT phone FROM staffing_workers WHERE id = @Id", new { Id = workerId }), Is.Not.EqualTo("13912345678"),
            "the outer unit of work's own change was rolled back too");
    }

    [Test]
    public async Task A_move_with_room_ends_the_old_posting_starts_the_new_one_and_moves_the_worker_together()
    {
        var (workerId, postingId, _) = await WorkerInNewPost(_hr, _community);
        var otherUnit = await OrgTree.IdByCode(_hr, "310106021005");
        var target = await CreatePost(_hr, otherUnit, quota: 2, postType: "deputy");
        var newPostingId = Guid.NewGuid();
        var (scope, db, commands) = await Unit();
        await using (scope)
        {
            await using var tx = await db.BeginAsync(CancellationToken.None);
            var result = await commands.MoveAsync(new MovePostingCommand(postingId, target.Id(), Today, "promotion", newPostingId), CancellationToken.None);
            Assert.That(result, Is.EqualTo(PostingResult.Done(newPostingId)));
            Assert.That(db.RollbackOnly, Is.False);
            await tx.CommitAsync(CancellationToken.None);
        }

        var worker = await _hr.GetJson($"/api/staffing/workers/{workerId}");
        Assert.That(await _host.Scalar<string?>("SELECT ended_on FROM staffing_postings WHERE id = @Id", new { Id = postingId }), Is.Not.Null);
        Assert.That(await ActivePostings(target.Id()), Is.EqualTo(1));
        Assert.That(worker.GetProperty("orgUnitId").GetGuid(), Is.EqualTo(otherUnit), "a primary posting carries the worker to the new unit");
        var byName = await _hr.GetJson($"/api/staffing/workers?orgUnitId={otherUnit}&q={Uri.EscapeDataString(worker.Str("name"))}");
        Assert.That(byName.GetProperty("total").GetInt32(), Is.EqualTo(1), "the name index follows the worker's unit");
    }

    [Test]
    public async Task An_inner_unit_of_work_disposed_without_commit_makes_the_whole_one_roll_back()
    {
        var worker = await CreateWorker(_hr, _community);
        var (scope, db, _) = await Unit();
        await using (scope)
        {
            await using var outer = await db.BeginAsync(CancellationToken.None);
            await db.ExecuteAsync("UPDATE staffing_workers SET phone = '13900000001' WHERE id = @Id", new { Id = worker.Id() }, CancellationToken.None);
            await using (await db.BeginAsync(CancellationToken.None))
            {
                // Leaves without committing, as a refused command does.
            }

            Assert.That(db.RollbackOnly, Is.True);
            await Assert.ThrowsAsync<InvalidOperationException>(() => outer.CommitAsync(CancellationToken.None));
        }

        Assert.That(await _host.Scalar<string?>("SELECT phone FROM staffing_workers WHERE id = @Id", new { Id = worker.Id() }), Is.Not.EqualTo("13900000001"));
    }

    [Test]
    public async Task Lowering_a_quota_and_filling_the_post_at_once_never_leave_more_holders_than_places()
    {
        var outcomes = new List<(HttpStatusCode Quota, HttpStatusCode Posting, long Filled, int Quota2)>();
        for (var round = 0; round < 8; round++)
        {
            var post = await CreatePost(_hr, _community, quota: 2);
            await Posted(_hr, (await CreateWorker(_hr, _community)).Id(), post.Id());
            var newcomer = await CreateWorker(_hr, _community);

            var lower = _hr.PutAsJsonAsync($"/api/staffing/posts/{post.Id()}", new { title = post.Str("title"), quota = 1, reason = "精简编制", version = 1 });
            var fill = Post(_hr, newcomer.Id(), post.Id());
            await Task.WhenAll(lower, fill);

            var after = await _hr.GetJson($"/api/staffing/posts/{post.Id()}");
            outcomes.Add(((await lower).StatusCode, (await fill).StatusCode, await ActivePostings(post.Id()), after.GetProperty("quota").GetInt32()));
        }

        Assert.That(outcomes.Select(o => o.Filled <= o.Quota2), Has.All.True, string.Join("; ", outcomes));
        Assert.That(outcomes.Select(o => o.Quota == HttpStatusCode.OK ^ o.Posting == HttpStatusCode.Created), Has.All.True,
            "exactly one of the two wins each round: " + string.Join("; ", outcomes));
    }
}
