using System.Net;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>A worker account sees its own roster record and postings, and nothing else.</summary>
[TestFixture]
public sealed class WorkerSelfServiceTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _worker = null!;
    private Guid _me;
    private Guid _colleague;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _me = await _host.Scalar<Guid>("SELECT id FROM staffing_workers WHERE staff_no = 'CW000001'");
        _colleague = await _host.Scalar<Guid>("SELECT id FROM staffing_workers WHERE staff_no = 'CW000002'");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _worker.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task Me_is_the_linked_roster_record()
    {
        var me = await _worker.GetJson("/api/staffing/workers/me");

        Assert.That(me.Id(), Is.EqualTo(_me));
        Assert.That(me.Str("staffNo"), Is.EqualTo("CW000001"));
        Assert.That(me.Str("orgUnitName"), Is.EqualTo("汾西路居民委员会"));
        Assert.That(me.Str("idNumberMasked"), Does.Contain("**********"));
    }

    [Test]
    public async Task A_worker_reads_their_own_record_by_id()
    {
        var own = await _worker.GetJson($"/api/staffing/workers/{_me}");

        Assert.That(own.Str("staffNo"), Is.EqualTo("CW000001"));
    }

    [Test]
    public async Task Any_other_worker_is_404_even_a_colleague_in_the_same_community()
    {
        var colleague = await _hr.GetJson($"/api/staffing/workers/{_colleague}");
        Assert.That(colleague.Str("orgUnitName"), Is.EqualTo("汾西路居民委员会"));

        await ProblemAssert.IsProblem(await _worker.GetAsync($"/api/staffing/workers/{_colleague}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_worker_reads_their_own_postings_but_not_a_colleagues()
    {
        var own = await _worker.GetJson($"/api/staffing/workers/{_me}/postings");
        var other = await _worker.GetAsync($"/api/staffing/workers/{_colleague}/postings");

        Assert.That(own.GetArrayLength(), Is.GreaterThan(0));
        Assert.That(own.EnumerateArray().Select(p => p.GetProperty("workerId").GetGuid()), Has.All.EqualTo(_me));
        await ProblemAssert.IsProblem(other, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Posts_are_not_for_workers()
    {
        await ProblemAssert.IsProblem(await _worker.GetAsync("/api/staffing/posts"), HttpStatusCode.Forbidden);
    }
}
