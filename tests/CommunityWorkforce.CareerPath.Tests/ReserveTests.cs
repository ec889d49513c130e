using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using Dapper;
using static CommunityWorkforce.CareerPath.Tests.CareerData;

namespace CommunityWorkforce.CareerPath.Tests;

/// <summary>后备干部: nomination, review, membership changes and the development plan; scope, roles, races and bad input.</summary>
[TestFixture]
public sealed class ReserveTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _admin = await _host.ClientFor("admin");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _leader.Dispose();
        _worker.Dispose();
        _admin.Dispose();
        _host.Dispose();
    }

    /// <summary>Active 临汾路 workers never nominated (not worker.demo), one per call.</summary>
    private async Task<Guid> FreeWorker()
    {
        await using var connection = Db.Open(_host);
        var ids = (await connection.QueryAsync<string>("""
            SELECT p.worker_id FROM staffing_v_worker_profile p
            WHERE p.status = 'active' AND p.staff_no <> 'CW000001' AND p.org_path LIKE '%/310106021/%'
              AND NOT EXISTS (SELECT 1 FROM career_reserve_members r WHERE r.worker_id = p.worker_id)
            ORDER BY p.staff_no
            """)).ToList();
        var id = Guid.Parse(ids[Interlocked.Increment(ref _picked) % ids.Count]);
        return id;
    }

    private static int _picked = 7;

    private Task<HttpResponseMessage> Nominate(HttpClient client, Guid worker, string reason = "工作实绩突出") =>
        client.PostAsJsonAsync("/api/career/reserve-nominations", new { workerId = worker, targetStage = "deputy", reason });

    private static int Version(JsonElement detail) => detail.GetProperty("member").Int("version");

    private static Guid MemberId(JsonElement detail) => detail.GetProperty("member").GetProperty("memberId").GetGuid();

    private async Task<JsonElement> Accepted(Guid worker)
    {
        var nominated = await Nominate(_hr, worker).Ok(HttpStatusCode.Created);
        // A term that began a year ago ends within the next year, so that an extension falls within the year a request may name.
        return await _leader.PostAsJsonAsync($"/api/career/reserve-members/{MemberId(nominated)}/decision",
            new { accept = true, termStart = Today.AddYears(-1), version = Version(nominated) }).Ok();
    }

    [Test]
    public async Task A_nomination_accepted_by_the_leader_becomes_a_two_year_membership_with_a_plan_reviews_an_extension_and_an_end()
    {
        var worker = await FreeWorker();
        var nominated = await Nominate(_hr, worker).Ok(HttpStatusCode.Created);
        Assert.That(nominated.GetProperty("member").Str("status"), Is.EqualTo("nominated"));
        var pending = await _hr.GetJson("/api/career/reserve-pool?status=nominated&pageSize=200");
        Assert.That(pending.Items().Select(m => m.GetProperty("memberId").GetGuid()), Does.Contain(MemberId(nominated)));
        Assert.That(pending.Int("total"), Is.EqualTo(pending.Items().Count()));

        var id = MemberId(nominated);
        var start = Today.AddYears(-1);
        var accepted = await _leader.PostAsJsonAsync($"/api/career/reserve-members/{id}/decision",
            new { accept = true, note = "同意入库", termStart = start, version = Version(nominated) }).Ok();
        var member = accepted.GetProperty("member");
        Assert.That(member.Str("status"), Is.EqualTo("active"));
        Assert.That(DateOnly.Parse(member.Str("termStart")), Is.EqualTo(start));
        Assert.That(DateOnly.Parse(member.Str("termEnd")), Is.EqualTo(start.AddYears(2).AddDays(-1)), "the default term is two years");
        Assert.That(DateOnly.Parse(member.Str("reviewOn")), Is.EqualTo(start.AddMonths(6)), "the first review six months in");

        var course = (await _hr.GetJson("/api/training/courses?pageSize=100")).Items().First();
        var post = (await _hr.GetJson("/api/staffing/posts?pageSize=1")).Items().First();
        var courseItem = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/plan-items",
            new { kind = "course", courseId = course.Id(), dueOn = Today.AddMonths(2), note = "补足政策理论学时" }).Ok(HttpStatusCode.Created);
        Assert.That(courseItem.Str("title"), Does.Contain(course.Str("title")));
        var rotationItem = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/plan-items",
            new { kind = "rotation", postId = post.Id(), dueOn = Today.AddMonths(8) }).Ok(HttpStatusCode.Created);
        var done = await _hr.PutAsJsonAsync($"/api/career/reserve-plan-items/{courseItem.Id()}",
            new { status = "done", dueOn = Today.AddMonths(2), note = "已完成", version = courseItem.Int("version") }).Ok();
        Assert.That((done.Str("status"), done.Int("version")), Is.EqualTo(("done", 2)));
        var staleItem = await _hr.PutAsJsonAsync($"/api/career/reserve-plan-items/{courseItem.Id()}",
            new { status = "cancelled", dueOn = Today.AddMonths(2), version = courseItem.Int("version") });
        await ProblemAssert.IsProblem(staleItem, HttpStatusCode.Conflict);

        var reviewed = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/reviews",
            new { outcome = "developing", note = "继续培养", nextReviewOn = Today.AddMonths(4), version = Version(accepted) }).Ok();
        Assert.That(DateOnly.Parse(reviewed.GetProperty("member").Str("reviewOn")), Is.EqualTo(Today.AddMonths(4)));
        Assert.That(reviewed.GetProperty("reviews").GetArrayLength(), Is.EqualTo(1));
        Assert.That(reviewed.GetProperty("plan").EnumerateArray().Select(i => i.Id()), Is.EquivalentTo(new[] { courseItem.Id(), rotationItem.Id() }));

        var extended = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/extend",
            new { termEnd = Today.AddYears(1), reason = "培养期延长一年", version = Version(reviewed) }).Ok();
        Assert.That(DateOnly.Parse(extended.GetProperty("member").Str("termEnd")), Is.EqualTo(Today.AddYears(1)));
        var ended = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/end", new { reason = "已提任副职", version = Version(extended) }).Ok();
        Assert.That((ended.GetProperty("member").Str("status"), ended.GetProperty("member").Str("endReason")), Is.EqualTo(("ended", "已提任副职")));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE entity_id = @Id AND action LIKE 'career.reserve.%'", new { Id = id }),
            Is.EqualTo(5), "nominated, accepted, reviewed, extended, ended");

        var again = await Nominate(_hr, worker).Ok(HttpStatusCode.Created);
        Assert.That(MemberId(again), Is.Not.EqualTo(id), "after the membership ended the worker may be nominated again");
    }

    [Test]
    public async Task A_rejected_nomination_names_its_reason_and_a_worker_already_nominated_or_in_the_pool_is_refused_409()
    {
        var worker = await FreeWorker();
        var nominated = await Nominate(_hr, worker).Ok(HttpStatusCode.Created);
        await ProblemAssert.IsProblem(await Nominate(_hr, worker), HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{MemberId(nominated)}/decision",
            new { accept = false, version = Version(nominated) }), "note");
        var rejected = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{MemberId(nominated)}/decision",
            new { accept = false, note = "任职年限不足", version = Version(nominated) }).Ok();
        Assert.That((rejected.GetProperty("member").Str("status"), rejected.GetProperty("member").Str("decisionNote")), Is.EqualTo(("rejected", "任职年限不足")));
        var accepted = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{MemberId(nominated)}/decision", new { accept = true, version = Version(rejected) });
        await ProblemAssert.IsProblem(accepted, HttpStatusCode.Conflict, "urn:cw:problem:invalid-transition");

        var member = await Accepted(await FreeWorker());
        var workerInPool = member.GetProperty("member").GetProperty("workerId").GetGuid();
        await ProblemAssert.IsProblem(await Nominate(_hr, workerInPool), HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
    }

    [Test]
    public async Task Two_nominations_of_the_same_worker_at_once_insert_one()
    {
        var worker = await FreeWorker();
        using var hr2 = await _host.ClientFor("hr.linfen");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Nominate(i % 2 == 0 ? _hr : hr2, worker)));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(5));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM career_reserve_members WHERE worker_id = @W", new { W = worker }), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_decisions_on_the_same_version_one_wins_and_a_stale_version_is_409()
    {
        var nominated = await Nominate(_hr, await FreeWorker()).Ok(HttpStatusCode.Created);
        var id = MemberId(nominated);
        var decisions = await Task.WhenAll(
            _leader.PostAsJsonAsync($"/api/career/reserve-members/{id}/decision", new { accept = true, version = Version(nominated) }),
            _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/decision", new { accept = false, note = "不同意", version = Version(nominated) }));
        Assert.That(decisions.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(decisions.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(1));

        var member = await Accepted(await FreeWorker());
        var mid = MemberId(member);
        var stale = Version(member) - 1;
        await ProblemAssert.IsProblem(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{mid}/extend",
            new { termEnd = Today.AddYears(1), reason = "延长", version = stale }), HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
        await ProblemAssert.IsProblem(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{mid}/reviews",
            new { outcome = "ready", nextReviewOn = Today.AddMonths(3), version = stale }), HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
        await ProblemAssert.IsProblem(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{mid}/end",
            new { reason = "出库", version = stale }), HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
        var unchanged = await _hr.GetJson($"/api/career/reserve-members/{mid}");
        Assert.That((unchanged.GetProperty("member").Str("status"), Version(unchanged)), Is.EqualTo(("active", Version(member))));
        Assert.That(unchanged.GetProperty("reviews").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Another_streets_worker_and_member_are_404_and_a_worker_is_refused_403()
    {
        var nanjing = await OrgTree.IdByCode(_admin, "310106012");
        var other = (await Roster.CreateWorker(_admin, nanjing)).Id();
        await ProblemAssert.IsProblem(await Nominate(_hr, other), HttpStatusCode.NotFound);
        var otherMember = await Nominate(_admin, other).Ok(HttpStatusCode.Created);
        var otherId = MemberId(otherMember);
        foreach (var client in new[] { _hr, _leader })
        {
            Assert.That((await client.GetAsync($"/api/career/reserve-members/{otherId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            await ProblemAssert.IsProblem(await client.PostAsJsonAsync($"/api/career/reserve-members/{otherId}/decision", new { accept = true, version = 1 }), HttpStatusCode.NotFound);
        }
        Assert.That((await _hr.GetJson($"/api/career/reserve-pool?orgUnitId={await OrgTree.IdByCode(_hr, "310106021")}&pageSize=200")).Items()
            .Select(m => m.GetProperty("memberId").GetGuid()), Does.Not.Contain(otherId));
        Assert.That((await _hr.GetAsync($"/api/career/reserve-pool?orgUnitId={nanjing}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var accepted = await _admin.PostAsJsonAsync($"/api/career/reserve-members/{otherId}/decision", new { accept = true, version = 1 }).Ok();
        var otherPost = (await Roster.CreatePost(_admin, nanjing, 1)).Id();
        var own = MemberId(await Accepted(await FreeWorker()));
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{own}/plan-items",
            new { kind = "rotation", postId = otherPost, dueOn = Today.AddMonths(3) }), "postId");
        await ProblemAssert.IsProblem(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{otherId}/end", new { reason = "越权", version = Version(accepted) }),
            HttpStatusCode.NotFound);

        var me = (await _worker.GetJson("/api/staffing/workers/me")).Id();
        await ProblemAssert.IsProblem(await Nominate(_worker, me), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await _worker.PostAsJsonAsync($"/api/career/reserve-members/{own}/decision", new { accept = true, version = 1 }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await _worker.GetAsync("/api/career/reserve-pool"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await _leader.PostAsJsonAsync($"/api/career/reserve-members/{own}/end", new { reason = "x", version = 1 }), HttpStatusCode.Forbidden);
        Assert.That(await _host.Scalar<string>("SELECT status FROM career_reserve_members WHERE id = @Id", new { Id = otherId }), Is.EqualTo("active"));
    }

    [Test]
    public async Task A_term_and_its_plan_may_reach_past_a_year_ahead()
    {
        // A term accepted today ends in two years; extending it by one and planning its last rotation 18 months out are
        // plans, not facts: the planning horizon (five years) applies, not the year allowed for a hire or a posting.
        var nominated = await Nominate(_hr, await FreeWorker()).Ok(HttpStatusCode.Created);
        var id = MemberId(nominated);
        var accepted = await _leader.PostAsJsonAsync($"/api/career/reserve-members/{id}/decision",
            new { accept = true, version = Version(nominated) }).Ok();
        Assert.That(DateOnly.Parse(accepted.GetProperty("member").Str("termEnd")), Is.EqualTo(Today.AddYears(2).AddDays(-1)));
        var extended = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/extend",
            new { termEnd = Today.AddYears(3), reason = "培养期延长一年", version = Version(accepted) }).Ok();
        Assert.That(DateOnly.Parse(extended.GetProperty("member").Str("termEnd")), Is.EqualTo(Today.AddYears(3)));
        var post = (await _hr.GetJson("/api/staffing/posts?pageSize=1")).Items().First();
        var item = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/plan-items",
            new { kind = "rotation", postId = post.Id(), dueOn = Today.AddMonths(18) }).Ok(HttpStatusCode.Created);
        Assert.That(DateOnly.Parse(item.Str("dueOn")), Is.EqualTo(Today.AddMonths(18)));
        var reviewed = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/reviews",
            new { outcome = "developing", nextReviewOn = Today.AddMonths(15), version = Version(extended) }).Ok();
        Assert.That(DateOnly.Parse(reviewed.GetProperty("member").Str("reviewOn")), Is.EqualTo(Today.AddMonths(15)));
    }

    [Test]
    public async Task Bad_input_is_400_naming_the_field()
    {
        var worker = await FreeWorker();
        await ProblemAssert.NamesField(await Nominate(_hr, worker, ""), "reason");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/career/reserve-nominations", new { workerId = worker, targetStage = "mayor", reason = "x" }), "targetStage");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/career/reserve-nominations", new { targetStage = "deputy", reason = "x" }), "workerId");
        var nominated = await Nominate(_hr, worker).Ok(HttpStatusCode.Created);
        var id = MemberId(nominated);
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/decision", new { accept = true }), "version");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/decision",
            new { accept = true, termStart = Today.AddYears(3), version = 1 }), "termStart");
        var member = await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/decision", new { accept = true, version = 1 }).Ok();
        Assert.That(DateOnly.Parse(member.GetProperty("member").Str("termStart")), Is.EqualTo(Today), "the term starts today by default");
        var v = Version(member);
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/extend",
            new { termEnd = Today.AddYears(1), reason = "缩短", version = v }), "termEnd");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/extend", new { termEnd = Today.AddYears(6), reason = "x", version = v }), "termEnd");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/plan-items",
            new { kind = "course", courseId = Guid.NewGuid(), dueOn = Today.AddYears(6) }), "dueOn");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/extend", new { termEnd = Today.AddMonths(6), version = v }), "reason");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/reviews",
            new { outcome = "excellent", nextReviewOn = Today.AddMonths(3), version = v }), "outcome");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/reviews",
            new { outcome = "ready", nextReviewOn = Today.AddDays(-1), version = v }), "nextReviewOn");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/end", new { version = v }), "reason");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/plan-items",
            new { kind = "course", courseId = Guid.NewGuid(), dueOn = Today.AddMonths(1) }), "courseId");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/plan-items",
            new { kind = "course", dueOn = Today.AddMonths(1) }), "courseId");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/plan-items",
            new { kind = "visit", dueOn = Today.AddMonths(1) }), "kind");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync($"/api/career/reserve-members/{id}/plan-items",
            new { kind = "rotation", postId = Guid.NewGuid() }), "dueOn");
        await ProblemAssert.NamesField(await _hr.GetAsync("/api/career/reserve-pool?status=retired"), "status");
        await ProblemAssert.NamesField(await _hr.GetAsync("/api/career/reserve-pool?sort=salary"), "sort");
        await ProblemAssert.NamesField(await _hr.GetAsync("/api/career/succession-risk?pageSize=0"), "pageSize");
        var after = await _hr.GetJson($"/api/career/reserve-members/{id}");
        Assert.That((Version(after), after.GetProperty("plan").GetArrayLength()), Is.EqualTo((v, 0)), "nothing changed");
    }

    [Test]
    public async Task The_demo_street_has_a_pending_nomination_and_a_development_plan_and_the_lists_are_paged()
    {
        var pending = await _hr.GetJson("/api/career/reserve-pool?status=nominated&pageSize=200");
        Assert.That(pending.Int("total"), Is.GreaterThan(0));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(DISTINCT kind) FROM career_reserve_plan_items WHERE created_by = 'demo'"), Is.EqualTo(2));
        var first = await _hr.GetJson("/api/career/reserve-pool?pageSize=2&page=1&sort=staffNo");
        var second = await _hr.GetJson("/api/career/reserve-pool?pageSize=2&page=2&sort=staffNo");
        Assert.That(first.Int("total"), Is.GreaterThan(2));
        Assert.That((first.Int("page"), first.Int("pageSize"), first.Items().Count()), Is.EqualTo((1, 2, 2)));
        Assert.That(first.Items().Select(m => m.Str("memberId")).Intersect(second.Items().Select(m => m.Str("memberId"))), Is.Empty);
        var risk = await _hr.GetJson("/api/career/succession-risk?years=15&pageSize=1");
        Assert.That(risk.Items().Count(), Is.EqualTo(Math.Min(1, risk.Int("total"))));
    }
}
