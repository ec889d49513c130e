using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>轮岗: HR or the worker proposes, the street's leader approves or rejects; approval moves the posting.</summary>
[TestFixture]
public sealed class RotationApiTests
{
    private CwHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;
    private Guid _from;
    private Guid _to;
    private Guid _third;

    private static string ProposedOn => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _from = await OrgTree.IdByCode(_admin, "310106021005");
        _to = await OrgTree.IdByCode(_admin, "310106021006");
        _third = await OrgTree.IdByCode(_admin, "310106021007");
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

    private static Task<HttpResponseMessage> Propose(HttpClient client, Guid workerId, Guid fromPostingId, Guid toPostId, bool submit = true) =>
        client.PostAsJsonAsync("/api/staffing/rotation-requests",
            new { workerId, fromPostingId, toPostId, reason = "任职满五年轮岗交流", proposedOn = ProposedOn, submit });

    private static async Task<JsonElement> Proposed(HttpClient client, Guid workerId, Guid fromPostingId, Guid toPostId, bool submit = true)
    {
        var response = await Propose(client, workerId, fromPostingId, toPostId, submit);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    /// <summary>A new worker in a new post of one community, and a vacant new post (quota 1) in another.</summary>
    private async Task<(Guid WorkerId, Guid PostingId, Guid ToPostId)> Rotatable()
    {
        var (workerId, postingId, _) = await WorkerInNewPost(_hr, _from);
        var target = await CreatePost(_hr, _to, quota: 1);
        return (workerId, postingId, target.Id());
    }

    private Task<HttpResponseMessage> Approve(HttpClient client, Guid requestId) =>
        client.PostAsJsonAsync($"/api/staffing/rotation-requests/{requestId}/approve", new { comment = "同意" });

    private Task<string> StatusOf(Guid requestId) =>
        _host.Scalar<string>("SELECT status FROM staffing_rotation_requests WHERE id = @Id", new { Id = requestId });

    private Task<long> ActivePostingsOf(Guid workerId, Guid postId) => _host.Scalar<long>(
        "SELECT COUNT(*) FROM staffing_postings WHERE worker_id = @W AND post_id = @P AND ended_on IS NULL", new { W = workerId, P = postId });

    [Test]
    public async Task Hr_proposes_a_rotation_to_a_vacancy_in_another_community_and_it_is_submitted()
    {
        var (workerId, postingId, toPostId) = await Rotatable();

        var request = await Proposed(_hr, workerId, postingId, toPostId);

        Assert.That(request.Str("status"), Is.EqualTo("submitted"));
        Assert.That(request.GetProperty("fromPostingId").GetGuid(), Is.EqualTo(postingId));
        Assert.That(request.GetProperty("toPostId").GetGuid(), Is.EqualTo(toPostId));
        Assert.That(request.Str("requestedByName"), Is.EqualTo("临汾路街道人事专员（演示）"), "the requester by display name, not login name");
        Assert.That(request.GetProperty("submittedAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Approval_ends_the_old_posting_the_day_before_and_starts_the_new_one_and_moves_the_worker()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId);

        var response = await Approve(_leader, request.Id());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var approved = await response.ReadJson();
        Assert.That(approved.Str("status"), Is.EqualTo("approved"));
        Assert.That(approved.Str("decidedByName"), Is.EqualTo("临汾路街道分管领导（演示）"), "the decider by display name");
        var old = await _host.Row("SELECT ended_on, end_reason FROM staffing_postings WHERE id = @Id", new { Id = postingId });
        Assert.That(Db.AsDate(old["ended_on"]), Is.EqualTo(Today.AddDays(-1)));
        Assert.That(old["end_reason"], Is.EqualTo("rotation"));
        Assert.That(await ActivePostingsOf(workerId, toPostId), Is.EqualTo(1));
        var newPosting = await _host.Row("SELECT id, started_on, reason, is_primary FROM staffing_postings WHERE worker_id = @W AND post_id = @P",
            new { W = workerId, P = toPostId });
        Assert.That(Db.AsDate(newPosting["started_on"]), Is.EqualTo(DateOnly.Parse(ProposedOn, CultureInfo.InvariantCulture)));
        Assert.That(newPosting["reason"], Is.EqualTo("rotation"));
        Assert.That(Db.AsBool(newPosting["is_primary"]), Is.True);
        Assert.That(approved.GetProperty("newPostingId").GetGuid(), Is.EqualTo(Db.AsGuid(newPosting["id"])));
        Assert.That((await _hr.GetJson($"/api/staffing/workers/{workerId}")).GetProperty("orgUnitId").GetGuid(), Is.EqualTo(_to));
    }

    [Test]
    public async Task Rotating_a_secondary_posting_leaves_the_worker_in_their_unit()
    {
        var (workerId, _, _) = await WorkerInNewPost(_hr, _from);
        var secondary = await CreatePost(_hr, _third, quota: 1);
        var secondaryPosting = await Posted(_hr, workerId, secondary.Id(), isPrimary: false);
        var target = await CreatePost(_hr, _to, quota: 1);
        var request = await Proposed(_hr, workerId, secondaryPosting.Id(), target.Id());

        var response = await Approve(_leader, request.Id());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await _hr.GetJson($"/api/staffing/workers/{workerId}")).GetProperty("orgUnitId").GetGuid(), Is.EqualTo(_from));
        Assert.That(await _host.Scalar<long>("SELECT is_primary FROM staffing_postings WHERE worker_id = @W AND post_id = @P",
            new { W = workerId, P = target.Id() }), Is.Zero);
    }

    [Test]
    public async Task An_approved_request_cannot_be_approved_again()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId);
        Assert.That((await Approve(_leader, request.Id())).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var again = await Approve(_leader, request.Id());

        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "urn:cw:problem:invalid-transition");
        Assert.That(await ActivePostingsOf(workerId, toPostId), Is.EqualTo(1));
    }

    [Test]
    public async Task An_invalid_transition_problem_keeps_the_numeric_http_status_of_rfc_9457()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId);
        Assert.That((await _leader.PostAsJsonAsync($"/api/staffing/rotation-requests/{request.Id()}/reject", new { comment = "暂缓" })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));

        var again = await Approve(_leader, request.Id());

        var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:cw:problem:invalid-transition"));
        Assert.That(problem.GetProperty("status").ValueKind, Is.EqualTo(JsonValueKind.Number), problem.ToString());
        Assert.That(problem.ToString(), Does.Contain("rejected"));
    }

    [Test]
    public async Task Ten_parallel_approvals_of_one_request_let_exactly_one_through()
    {
        var (workerId, postingId, _) = await WorkerInNewPost(_hr, _from);
        var target = await CreatePost(_hr, _to, quota: 5);
        var request = await Proposed(_hr, workerId, postingId, target.Id());

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Approve(_leader, request.Id())));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(9));
        Assert.That(await ActivePostingsOf(workerId, target.Id()), Is.EqualTo(1));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE worker_id = @W", new { W = workerId }), Is.EqualTo(2));
    }

    [Test]
    public async Task Two_requests_for_the_last_free_place_approved_in_parallel_give_one_success_and_roll_the_loser_back()
    {
        var first = await WorkerInNewPost(_hr, _from);
        var second = await WorkerInNewPost(_hr, _from);
        var target = await CreatePost(_hr, _to, quota: 1);
        var requests = new[]
        {
            await Proposed(_hr, first.WorkerId, first.PostingId, target.Id()),
            await Proposed(_hr, second.WorkerId, second.PostingId, target.Id()),
        };

        var responses = await Task.WhenAll(requests.Select(r => Approve(_leader, r.Id())));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        var loser = Array.FindIndex(responses, r => r.StatusCode != HttpStatusCode.OK);
        var problem = await ProblemAssert.IsProblem(responses[loser], HttpStatusCode.Conflict, "urn:cw:problem:headcount-exceeded");
        // The leader cannot change quotas: the refusal says what they can do (reject, or ask HR), not "raise the quota".
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("驳回").And.Contain("人事专员"));
        var loserRequest = requests[loser].Id();
        var loserWorker = loser == 0 ? first : second;
        Assert.That(await StatusOf(loserRequest), Is.EqualTo("submitted"));
        Assert.That(await _host.Scalar<string?>("SELECT ended_on FROM staffing_postings WHERE id = @Id", new { Id = loserWorker.PostingId }), Is.Null);
        Assert.That(await ActivePostingsOf(loserWorker.WorkerId, target.Id()), Is.Zero);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE post_id = @Id AND ended_on IS NULL", new { Id = target.Id() }), Is.EqualTo(1));
        Assert.That((await _hr.GetJson($"/api/staffing/workers/{loserWorker.WorkerId}")).GetProperty("orgUnitId").GetGuid(), Is.EqualTo(_from));
    }

    [Test]
    public async Task Rejecting_needs_a_comment()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId);

        var response = await _leader.PostAsJsonAsync($"/api/staffing/rotation-requests/{request.Id()}/reject", new { comment = " " });

        await ProblemAssert.NamesField(response, "comment");
        Assert.That(await StatusOf(request.Id()), Is.EqualTo("submitted"));
    }

    [Test]
    public async Task A_rejection_with_a_comment_is_visible_to_the_requester_and_moves_nothing()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId);

        var response = await _leader.PostAsJsonAsync($"/api/staffing/rotation-requests/{request.Id()}/reject", new { comment = "本年度暂缓轮岗" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var seenByHr = await _hr.GetJson($"/api/staffing/rotation-requests/{request.Id()}");
        Assert.That(seenByHr.Str("status"), Is.EqualTo("rejected"));
        Assert.That(seenByHr.Str("decisionComment"), Is.EqualTo("本年度暂缓轮岗"));
        Assert.That(await _host.Scalar<string?>("SELECT ended_on FROM staffing_postings WHERE id = @Id", new { Id = postingId }), Is.Null);
        Assert.That(await ActivePostingsOf(workerId, toPostId), Is.Zero);
    }

    [Test]
    public async Task Hr_withdraws_a_submitted_request_and_it_can_no_longer_be_approved()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId);

        var withdrawn = await _hr.PostAsJsonAsync($"/api/staffing/rotation-requests/{request.Id()}/withdraw", new { });
        var approve = await Approve(_leader, request.Id());

        Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await withdrawn.Content.ReadAsStringAsync());
        Assert.That((await withdrawn.ReadJson()).Str("status"), Is.EqualTo("withdrawn"));
        await ProblemAssert.IsProblem(approve, HttpStatusCode.Conflict, "urn:cw:problem:invalid-transition");
    }

    [Test]
    public async Task A_draft_is_not_for_the_leader_until_it_is_submitted()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var draft = await Proposed(_hr, workerId, postingId, toPostId, submit: false);
        Assert.That(draft.Str("status"), Is.EqualTo("draft"));

        var early = await Approve(_leader, draft.Id());
        var submitted = await _hr.PostAsJsonAsync($"/api/staffing/rotation-requests/{draft.Id()}/submit", new { });

        await ProblemAssert.IsProblem(early, HttpStatusCode.Conflict, "urn:cw:problem:invalid-transition");
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await submitted.Content.ReadAsStringAsync());
        Assert.That((await submitted.ReadJson()).Str("status"), Is.EqualTo("submitted"));
        Assert.That((await Approve(_leader, draft.Id())).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Hr_and_workers_cannot_approve()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId);

        await ProblemAssert.IsProblem(await Approve(_hr, request.Id()), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await Approve(_worker, request.Id()), HttpStatusCode.Forbidden);
        Assert.That(await StatusOf(request.Id()), Is.EqualTo("submitted"));
    }

    [Test]
    public async Task A_leader_of_another_street_does_not_see_or_decide_this_streets_requests()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId);
        using var stranger = await NewAccount(_host, _admin, "leader", await OrgTree.IdByCode(_admin, OtherStreetCode));

        var get = await stranger.GetAsync($"/api/staffing/rotation-requests/{request.Id()}");
        var approve = await Approve(stranger, request.Id());
        var reject = await stranger.PostAsJsonAsync($"/api/staffing/rotation-requests/{request.Id()}/reject", new { comment = "越权" });
        var list = await stranger.GetJson("/api/staffing/rotation-requests?pageSize=200");

        await ProblemAssert.IsProblem(get, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(approve, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(reject, HttpStatusCode.NotFound);
        Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(await StatusOf(request.Id()), Is.EqualTo("submitted"));
    }

    [Test]
    public async Task A_worker_proposes_their_own_rotation_and_sees_only_their_own_requests()
    {
        var me = await _worker.GetJson("/api/staffing/workers/me");
        var myPosting = (await _worker.GetJson($"/api/staffing/workers/{me.Id()}/postings")).EnumerateArray()
            .First(p => p.GetProperty("endedOn").ValueKind == JsonValueKind.Null);
        var target = await CreatePost(_hr, _to, quota: 2);
        var others = await _hr.GetJson("/api/staffing/rotation-requests?pageSize=200");
        Assert.That(others.GetProperty("total").GetInt32(), Is.GreaterThan(0));

        var response = await Propose(_worker, me.Id(), myPosting.Id(), target.Id());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.ReadJson();
        Assert.That(created.Str("requestedRole"), Is.EqualTo("worker"));
        var mine = await _worker.GetJson("/api/staffing/rotation-requests?pageSize=200");
        Assert.That(mine.Items().Select(r => r.Id()), Does.Contain(created.Id()));
        Assert.That(mine.Items().Select(r => r.GetProperty("workerId").GetGuid()), Has.All.EqualTo(me.Id()));
        var someoneElses = others.Items().First(r => r.GetProperty("workerId").GetGuid() != me.Id()).Id();
        await ProblemAssert.IsProblem(await _worker.GetAsync($"/api/staffing/rotation-requests/{someoneElses}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_worker_cannot_propose_a_rotation_for_someone_else()
    {
        var (workerId, postingId, toPostId) = await Rotatable();

        var response = await Propose(_worker, workerId, postingId, toPostId);

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_rotation_requests WHERE worker_id = @W", new { W = workerId }), Is.Zero);
    }

    [Test]
    public async Task A_second_open_request_for_the_same_posting_is_a_409()
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        await Proposed(_hr, workerId, postingId, toPostId);
        var elsewhere = await CreatePost(_hr, _third, quota: 1);

        var second = await Propose(_hr, workerId, postingId, elsewhere.Id());

        await ProblemAssert.IsProblem(second, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_rotation_requests WHERE from_posting_id = @P", new { P = postingId }), Is.EqualTo(1));
    }

    [Test]
    public async Task Counts_give_the_leader_the_submitted_requests_of_their_street()
    {
        var counts = await _leader.GetJson("/api/staffing/rotation-requests/counts");

        var submitted = await _host.Scalar<long>("""
            SELECT COUNT(*) FROM staffing_rotation_requests r
            JOIN staffing_workers w ON w.id = r.worker_id JOIN staffing_org_units u ON u.id = w.org_unit_id
            WHERE r.status = 'submitted' AND u.path LIKE '/310000/310106/310106021/%'
            """);
        Assert.That(counts.GetProperty("submitted").GetInt32(), Is.GreaterThanOrEqualTo(5));
        Assert.That(counts.GetProperty("submitted").GetInt32(), Is.EqualTo(submitted));
        // Drafts stay the requester's until submitted: HR counts them, the leader does not (issue 11).
        Assert.That(counts.GetProperty("draft").GetInt32(), Is.Zero);
        Assert.That((await _hr.GetJson("/api/staffing/rotation-requests/counts")).GetProperty("draft").GetInt32(), Is.GreaterThanOrEqualTo(1));
    }

    private Task<string?> AuditReason(string action, Guid requestId) => _host.Scalar<string?>(
        "SELECT reason FROM platform_audit_log WHERE action = @Action AND entity_id = @Id", new { Action = action, Id = requestId });

    [TestCase("submit")]
    [TestCase("withdraw")]
    public async Task A_requester_comment_over_500_characters_is_refused_naming_comment_and_nothing_changes(string action)
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId, submit: false);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/rotation-requests/{request.Id()}/{action}",
            new { comment = new string('长', 501), version = 1 });

        await ProblemAssert.NamesField(response, "comment");
        Assert.That(await StatusOf(request.Id()), Is.EqualTo("draft"));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE entity_id = @Id AND action <> 'staffing.rotation.requested'",
            new { Id = request.Id() }), Is.Zero);
    }

    [TestCase("submit", "submitted")]
    [TestCase("withdraw", "withdrawn")]
    public async Task A_requester_comment_of_500_characters_is_accepted_and_kept_with_the_change(string action, string status)
    {
        var (workerId, postingId, toPostId) = await Rotatable();
        var request = await Proposed(_hr, workerId, postingId, toPostId, submit: false);
        var comment = "说明" + new string('长', 498);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/rotation-requests/{request.Id()}/{action}",
            new { comment, version = 1 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await StatusOf(request.Id()), Is.EqualTo(status));
        Assert.That(await AuditReason($"staffing.rotation.{status}", request.Id()), Is.EqualTo(comment));
    }
}
