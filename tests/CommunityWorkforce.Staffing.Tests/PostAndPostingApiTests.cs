using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>Posts with their quotas, and postings that fill them, through HTTP against the real host.</summary>
[TestFixture]
public sealed class PostAndPostingApiTests
{
    private CwHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _hr = null!;
    private Guid _community;
    private Guid _fenxi;
    private Guid _otherStreet;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
        _community = await OrgTree.IdByCode(_admin, "310106021004");
        _fenxi = await OrgTree.IdByCode(_admin, FenxiCode);
        _otherStreet = await OrgTree.IdByCode(_admin, OtherStreetCode);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _admin.Dispose();
        _hr.Dispose();
        _host.Dispose();
    }

    private Task<HttpResponseMessage> ChangeQuota(Guid postId, string title, int quota, string? reason, int version = 1) =>
        _hr.PutAsJsonAsync($"/api/staffing/posts/{postId}", new { title, quota, reason, version });

    [Test]
    public async Task Hr_creates_a_post_in_their_street_with_the_whole_quota_vacant()
    {
        var title = UniqueTitle();

        var response = await _hr.PostAsJsonAsync("/api/staffing/posts", new { orgUnitId = _community, postType = "deputy", title, quota = 2 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var post = await response.ReadJson();
        Assert.That(post.Str("title"), Is.EqualTo(title));
        Assert.That(post.GetProperty("quota").GetInt32(), Is.EqualTo(2));
        Assert.That(post.GetProperty("filled").GetInt32(), Is.Zero);
        Assert.That(post.GetProperty("vacant").GetInt32(), Is.EqualTo(2));
        Assert.That(post.Str("status"), Is.EqualTo("active"));
    }

    [Test]
    public async Task Hr_cannot_create_a_post_in_another_street()
    {
        var title = UniqueTitle();

        var response = await _hr.PostAsJsonAsync("/api/staffing/posts", new { orgUnitId = _otherStreet, postType = "staff", title, quota = 2 });

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_posts WHERE title = @Title", new { Title = title }), Is.Zero);
    }

    [Test]
    public async Task The_same_title_twice_in_one_unit_is_a_409_duplicate()
    {
        var post = await CreatePost(_hr, _community, quota: 1);

        var again = await _hr.PostAsJsonAsync("/api/staffing/posts",
            new { orgUnitId = _community, postType = "staff", title = post.Str("title"), quota = 3 });

        var problem = await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        Assert.That(problem.Str("field"), Is.EqualTo("title"));
    }

    [Test]
    public async Task Changing_a_quota_needs_a_reason()
    {
        var post = await CreatePost(_hr, _community, quota: 2);

        var response = await ChangeQuota(post.Id(), post.Str("title"), 3, reason: null);

        await ProblemAssert.NamesField(response, "reason");
        Assert.That((await _hr.GetJson($"/api/staffing/posts/{post.Id()}")).GetProperty("quota").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_quota_change_with_a_reason_is_saved_and_audited_with_that_reason()
    {
        var post = await CreatePost(_hr, _community, quota: 2);

        var response = await ChangeQuota(post.Id(), post.Str("title"), 5, reason: "区编办核增编制");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadJson()).GetProperty("quota").GetInt32(), Is.EqualTo(5));
        Assert.That(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.post.quota-changed' AND entity_id = @Id AND reason = '区编办核增编制'",
            new { Id = post.Id() }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_quota_below_the_people_holding_the_post_is_refused()
    {
        var post = await CreatePost(_hr, _community, quota: 2);
        await Posted(_hr, (await CreateWorker(_hr, _community)).Id(), post.Id());
        await Posted(_hr, (await CreateWorker(_hr, _community)).Id(), post.Id());

        var response = await ChangeQuota(post.Id(), post.Str("title"), 1, reason: "压缩编制");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "urn:cw:problem:quota-below-filled");
        Assert.That(problem.GetProperty("filled").GetInt32(), Is.EqualTo(2));
        Assert.That(await _host.Scalar<long>("SELECT quota FROM staffing_posts WHERE id = @Id", new { Id = post.Id() }), Is.EqualTo(2));
    }

    [Test]
    public async Task A_post_someone_holds_cannot_be_closed()
    {
        var (_, _, postId) = await WorkerInNewPost(_hr, _community);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/posts/{postId}/close", new { version = 1 });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "urn:cw:problem:rule-violation");
        Assert.That(await _host.Scalar<string>("SELECT status FROM staffing_posts WHERE id = @Id", new { Id = postId }), Is.EqualTo("active"));
    }

    [Test]
    public async Task An_empty_post_closes()
    {
        var post = await CreatePost(_hr, _community, quota: 1);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/posts/{post.Id()}/close", new { version = 1 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadJson()).Str("status"), Is.EqualTo("closed"));
    }

    [TestCase("社区党组织书记")]
    [TestCase("居委会主任")]
    [TestCase("居委会副主任")]
    [TestCase("社区专职工作者")]
    public async Task Posting_into_a_full_post_is_refused_with_409_and_nothing_is_written(string title)
    {
        var posts = await _hr.GetJson($"/api/staffing/posts?orgUnitId={_fenxi}&pageSize=50");
        var full = posts.Items().Single(p => p.Str("title") == title);
        Assert.That(full.GetProperty("filled").GetInt32(), Is.EqualTo(full.GetProperty("quota").GetInt32()), "the demo post should be exactly full");
        var worker = await CreateWorker(_hr, _fenxi);
        const string countSql = "SELECT COUNT(*) FROM staffing_postings WHERE post_id = @Id";
        var before = await _host.Scalar<long>(countSql, new { Id = full.Id() });

        var response = await Post(_hr, worker.Id(), full.Id());

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "urn:cw:problem:headcount-exceeded");
        Assert.That(await _host.Scalar<long>(countSql, new { Id = full.Id() }), Is.EqualTo(before));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE worker_id = @Id", new { Id = worker.Id() }), Is.Zero);
        Assert.That(await _host.Scalar<long>(
            "SELECT COUNT(*) FROM platform_audit_log WHERE action = 'staffing.posting.started' AND changes LIKE @W",
            new { W = $"%{worker.Id()}%" }), Is.Zero);
    }

    [Test]
    public async Task Twenty_five_parallel_postings_into_three_places_fill_exactly_three()
    {
        var post = await CreatePost(_hr, _community, quota: 3);
        var workers = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            workers.Add((await CreateWorker(_hr, _community)).Id());
        }

        var responses = await Task.WhenAll(workers.Select(w => Post(_hr, w, post.Id())));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(3));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(22));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await ProblemAssert.IsProblem(refused, HttpStatusCode.Conflict, "urn:cw:problem:headcount-exceeded");
        }
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE post_id = @Id AND ended_on IS NULL", new { Id = post.Id() }), Is.EqualTo(3));
    }

    [Test]
    public async Task A_worker_cannot_hold_the_same_post_twice()
    {
        var (workerId, _, postId) = await WorkerInNewPost(_hr, _community);
        var raised = await ChangeQuota(postId, (await _hr.GetJson($"/api/staffing/posts/{postId}")).Str("title"), 3, "留出空位");
        Assert.That(raised.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var again = await Post(_hr, workerId, postId, startedOn: "2021-01-01");

        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "urn:cw:problem:rule-violation");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE post_id = @Id", new { Id = postId }), Is.EqualTo(1));
    }

    [Test]
    public async Task Making_a_second_posting_primary_clears_the_first_ones_primary_flag()
    {
        var (workerId, firstPostingId, _) = await WorkerInNewPost(_hr, _community);
        var second = await CreatePost(_hr, _community, quota: 1);

        var posting = await Posted(_hr, workerId, second.Id(), isPrimary: true);

        Assert.That(posting.GetProperty("isPrimary").GetBoolean(), Is.True);
        var history = await _hr.GetJson($"/api/staffing/workers/{workerId}/postings");
        Assert.That(history.EnumerateArray().Single(p => p.Id() == firstPostingId).GetProperty("isPrimary").GetBoolean(), Is.False);
        Assert.That(history.EnumerateArray().Count(p => p.GetProperty("isPrimary").GetBoolean()), Is.EqualTo(1));
        Assert.That((await _hr.GetJson($"/api/staffing/workers/{workerId}")).GetProperty("primaryPostId").GetGuid(), Is.EqualTo(second.Id()));
    }

    [Test]
    public async Task A_second_posting_without_a_primary_flag_leaves_the_first_primary()
    {
        var (workerId, firstPostingId, firstPostId) = await WorkerInNewPost(_hr, _community);
        var second = await CreatePost(_hr, _community, quota: 1);

        var posting = await Posted(_hr, workerId, second.Id());

        Assert.That(posting.GetProperty("isPrimary").GetBoolean(), Is.False);
        Assert.That((await _hr.GetJson($"/api/staffing/workers/{workerId}")).GetProperty("primaryPostId").GetGuid(), Is.EqualTo(firstPostId));
        Assert.That(await _host.Scalar<long>("SELECT is_primary FROM staffing_postings WHERE id = @Id", new { Id = firstPostingId }), Is.EqualTo(1));
    }

    [Test]
    public async Task Posting_history_is_kept_per_worker_and_per_post()
    {
        var (workerId, firstPostingId, firstPostId) = await WorkerInNewPost(_hr, _community);
        var second = await CreatePost(_hr, _community, quota: 1);
        var ended = await _hr.PostAsJsonAsync($"/api/staffing/postings/{firstPostingId}/end",
            new { endedOn = "2023-06-30", endReason = "promotion", version = 1 });
        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ended.Content.ReadAsStringAsync());
        var secondPosting = await _hr.PostAsJsonAsync("/api/staffing/postings",
            new { workerId, postId = second.Id(), startedOn = "2023-07-01", reason = "promotion" });
        Assert.That(secondPosting.StatusCode, Is.EqualTo(HttpStatusCode.Created), await secondPosting.Content.ReadAsStringAsync());

        var byWorker = await _hr.GetJson($"/api/staffing/workers/{workerId}/postings");
        var byPost = await _hr.GetJson($"/api/staffing/posts/{firstPostId}/postings");

        Assert.That(byWorker.EnumerateArray().Select(p => p.GetProperty("postId").GetGuid()), Is.EqualTo(new[] { second.Id(), firstPostId }));
        Assert.That(byWorker[0].GetProperty("endedOn").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(byWorker[1].Str("endedOn"), Is.EqualTo("2023-06-30"));
        Assert.That(byWorker[1].Str("endReason"), Is.EqualTo("promotion"));
        Assert.That(byPost.EnumerateArray().Select(p => p.GetProperty("workerId").GetGuid()), Is.EqualTo(new[] { workerId }));
        Assert.That(byPost[0].Str("endedOn"), Is.EqualTo("2023-06-30"));
        Assert.That((await _hr.GetJson($"/api/staffing/posts/{firstPostId}")).GetProperty("filled").GetInt32(), Is.Zero);
    }
}
