using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.CareerPath.Tests.CareerData;

namespace CommunityWorkforce.CareerPath.Tests;

/// <summary>能上能下: HR files, HR reviews, the street leader decides; grade and posting change together or not at all.</summary>
[TestFixture]
public sealed class PromotionTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _worker = null!;
    private HttpClient _leader = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _leader = await _host.ClientFor("leader.linfen");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _worker.Dispose();
        _leader.Dispose();
        _host.Dispose();
    }

    private async Task<JsonElement> FileAndReview(Guid worker, string toPostType, Guid? targetPostId, int? toLevel = null)
    {
        var filed = await _hr.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = worker, kind = "promotion", toPostType, toLevel, targetPostId, effectiveOn = Today, reason = "工作表现突出，群众认可度高",
        }).Ok(HttpStatusCode.Created);
        Assert.That(filed.Str("status"), Is.EqualTo("submitted"));
        return await _hr.PostAsJsonAsync($"/api/career/applications/{filed.Id()}/review", new { forward = true, note = "符合条件", version = filed.GetProperty("version").GetInt32() }).Ok();
    }

    private Task<long> CurrentPostingsIn(Guid worker, Guid post) =>
        _host.Scalar<long>("SELECT COUNT(*) FROM staffing_v_current_postings WHERE worker_id = @W AND post_id = @P", new { W = worker, P = post });

    [Test]
    public async Task An_approved_promotion_to_deputy_changes_grade_and_posting_together_and_a_full_post_refuses_the_next_one_changing_nothing()
    {
        var workers = await WorkersGraded(_host, Today.Year - 1, "competent", 2);
        var (first, unit) = workers[0];
        var second = workers[1].WorkerId;
        var post = (await _hr.PostAsJsonAsync("/api/staffing/posts", new { orgUnitId = unit, postType = "deputy", title = "副主任（晋升测试）" + Guid.NewGuid().ToString("N")[..4], quota = 1 })
            .Ok(HttpStatusCode.Created)).Id();
        await _hr.RecordGrade(first, "staff", 5, new DateOnly(Today.Year - 2, 1, 1));
        await _hr.RecordGrade(second, "staff", 6, new DateOnly(Today.Year - 2, 1, 1));

        var reviewed = await FileAndReview(first, "deputy", post);
        Assert.That(reviewed.Str("status"), Is.EqualTo("reviewed"));
        var waiting = await _leader.GetJson("/api/career/applications?status=reviewed&pageSize=200");
        Assert.That(waiting.Items().Select(a => a.Id()), Does.Contain(reviewed.Id()), "the leader's inbox lists it");

        var approved = await _leader.PostAsJsonAsync($"/api/career/applications/{reviewed.Id()}/decide", new { approve = true, version = reviewed.GetProperty("version").GetInt32() }).Ok();
        Assert.That(approved.Str("status"), Is.EqualTo("approved"));
        Assert.That(approved.GetProperty("newPostingId").GetGuid(), Is.Not.EqualTo(Guid.Empty));
        var grade = (await _hr.GetJson($"/api/career/workers/{first}/grades")).GetProperty("current");
        Assert.That((grade.Str("postType"), grade.GetProperty("level").GetInt32(), grade.Str("reasonCode")), Is.EqualTo(("deputy", 5, "promotion")));
        Assert.That(await CurrentPostingsIn(first, post), Is.EqualTo(1));

        var blocked = await FileAndReview(second, "deputy", post);
        var refused = await _leader.PostAsJsonAsync($"/api/career/applications/{blocked.Id()}/decide", new { approve = true, version = blocked.GetProperty("version").GetInt32() });
        await ProblemAssert.IsProblem(refused, HttpStatusCode.Conflict, "urn:cw:problem:headcount-exceeded");
        var unchanged = (await _hr.GetJson($"/api/career/workers/{second}/grades")).GetProperty("current");
        Assert.That((unchanged.Str("postType"), unchanged.GetProperty("level").GetInt32()), Is.EqualTo(("staff", 6)), "the grade is untouched");
        Assert.That(await CurrentPostingsIn(second, post), Is.Zero, "the posting is untouched");
        Assert.That((await _hr.GetJson($"/api/career/applications/{blocked.Id()}")).Str("status"), Is.EqualTo("reviewed"));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE entity_id = @Id AND action = 'career.application.decided'", new { Id = blocked.Id() }),
            Is.Zero);
    }

    [Test]
    public async Task Two_leaders_approving_one_application_at_once_change_the_grade_once()
    {
        var (worker, _) = (await WorkersGraded(_host, Today.Year - 1, "excellent", 1))[0];
        await _hr.RecordGrade(worker, "staff", 4, new DateOnly(Today.Year - 1, 1, 1));
        var reviewed = await FileAndReview(worker, "staff", null, 5);
        using var leader2 = await _host.ClientFor("leader.linfen");
        var version = reviewed.GetProperty("version").GetInt32();
        var calls = await Task.WhenAll(
            _leader.PostAsJsonAsync($"/api/career/applications/{reviewed.Id()}/decide", new { approve = true, version }),
            leader2.PostAsJsonAsync($"/api/career/applications/{reviewed.Id()}/decide", new { approve = true, version }));
        Assert.That(calls.Select(c => c.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM career_grade_history WHERE worker_id = @W AND source_id = @A", new { W = worker, A = reviewed.Id() }), Is.EqualTo(1));
    }

    [Test]
    public async Task The_flow_keeps_its_order_and_its_roles()
    {
        var (worker, _) = (await WorkersGraded(_host, Today.Year - 1, "competent", 1))[0];
        await _hr.RecordGrade(worker, "staff", 3, new DateOnly(Today.Year - 1, 1, 1));
        var bad = await _hr.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = worker, kind = "promotion", toPostType = "deputy", toLevel = 17, effectiveOn = Today, reason = "x",
        });
        await ProblemAssert.NamesField(bad, "toLevel");
        var down = await _hr.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = worker, kind = "promotion", toPostType = "staff", toLevel = 2, effectiveOn = Today, reason = "x",
        });
        await ProblemAssert.NamesField(down, "toPostType");

        var filed = await _hr.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = worker, kind = "demotion", toPostType = "staff", toLevel = 2, effectiveOn = Today, reason = "年度考核不合格，按规定降级",
        }).Ok(HttpStatusCode.Created);
        var early = await _leader.PostAsJsonAsync($"/api/career/applications/{filed.Id()}/decide", new { approve = true, version = 1 });
        await ProblemAssert.IsProblem(early, HttpStatusCode.Conflict, "urn:cw:problem:invalid-transition");
        Assert.That((await _hr.PostAsJsonAsync($"/api/career/applications/{filed.Id()}/decide", new { approve = true, version = 1 })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
        var second = await _hr.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = worker, kind = "demotion", toPostType = "staff", toLevel = 1, effectiveOn = Today, reason = "重复",
        });
        await ProblemAssert.IsProblem(second, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        var rejected = await _hr.PostAsJsonAsync($"/api/career/applications/{filed.Id()}/review", new { forward = false, note = "材料不全", version = 1 }).Ok();
        Assert.That(rejected.Str("status"), Is.EqualTo("rejected"));

        var me = (await _worker.GetJson("/api/staffing/workers/me")).Id();
        var forOther = await _worker.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = worker, kind = "promotion", toPostType = "deputy", effectiveOn = Today, reason = "x",
        });
        await ProblemAssert.NamesField(forOther, "workerId");
        Assert.That((await _worker.GetJson("/api/career/applications")).Items().All(a => a.GetProperty("workerId").GetGuid() == me), Is.True);
        Assert.That((await _worker.GetAsync($"/api/career/applications/{filed.Id()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
