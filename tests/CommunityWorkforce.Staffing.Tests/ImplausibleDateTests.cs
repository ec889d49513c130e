using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// Dates in requests lie on or after the record's own start and at most <c>Validation:FutureHorizonDays</c> (366 by
/// default) ahead; anything else is a 400 naming the field, and nothing is written.
/// </summary>
[TestFixture]
public sealed class ImplausibleDateTests
{
    private CwHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _hr = null!;
    private Guid _street;
    private Guid _community;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
        _street = await OrgTree.IdByCode(_admin, CwHost.DemoStreetCode);
        _community = await OrgTree.IdByCode(_admin, "310106021004");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _admin.Dispose();
        _hr.Dispose();
        _host.Dispose();
    }

    private async Task<Guid> NewCommunity()
    {
        var code = "310106021" + (700 + Next() % 290).ToString("D3", CultureInfo.InvariantCulture);
        var response = await _hr.PostAsJsonAsync("/api/staffing/org-units",
            new { parentId = _street, code, name = UniqueName("日期测试居委会"), level = "community" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).Id();
    }

    private Task<string> OrgUnitStatus(Guid id) =>
        _host.Scalar<string>("SELECT status FROM staffing_org_units WHERE id = @Id", new { Id = id });

    private Task<HttpResponseMessage> Close(Guid id, string closedOn) =>
        _hr.PostAsJsonAsync($"/api/staffing/org-units/{id}/close", new { closedOn, reason = "区划调整", version = 1 });

    [TestCase("0001-01-01")]
    [TestCase("9999-12-31")]
    public async Task Closing_an_org_unit_on_an_implausible_date_is_refused_naming_closedOn(string closedOn)
    {
        var unit = await NewCommunity();

        await ProblemAssert.NamesField(await Close(unit, closedOn), "closedOn");

        Assert.That(await OrgUnitStatus(unit), Is.EqualTo("active"));
    }

    [Test]
    public async Task Closing_an_org_unit_before_it_was_established_is_refused_and_on_the_day_it_is_accepted()
    {
        var unit = await NewCommunity();

        var before = await Close(unit, "2000-01-01");
        Assert.That(await OrgUnitStatus(unit), Is.EqualTo("active"));
        var today = await Close(unit, Day(Today));

        var problem = await ProblemAssert.NamesField(before, "closedOn");
        Assert.That(problem.GetProperty("errors").GetProperty("closedOn")[0].GetString(), Does.Contain(Day(DateOnly.FromDateTime(DateTime.UtcNow))),
            "the message names the day the unit was established (recorded)");
        Assert.That(today.StatusCode, Is.EqualTo(HttpStatusCode.OK), await today.Content.ReadAsStringAsync());
        Assert.That(await OrgUnitStatus(unit), Is.EqualTo("closed"));
    }

    [Test]
    public async Task A_worker_leaving_on_9999_12_31_is_refused_naming_effectiveOn_and_keeps_their_posting()
    {
        var (workerId, postingId, _) = await WorkerInNewPost(_hr, _community);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/workers/{workerId}/status",
            new { status = "left", effectiveOn = "9999-12-31", reason = "辞职", version = 1 });

        await ProblemAssert.NamesField(response, "effectiveOn");
        Assert.That(await _host.Scalar<string>("SELECT status FROM staffing_workers WHERE id = @Id", new { Id = workerId }), Is.EqualTo("active"));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE id = @Id AND ended_on IS NULL", new { Id = postingId }),
            Is.EqualTo(1));
    }

    [Test]
    public async Task A_posting_ending_on_9999_12_31_is_refused_naming_endedOn()
    {
        var (_, postingId, _) = await WorkerInNewPost(_hr, _community);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/postings/{postingId}/end",
            new { endedOn = "9999-12-31", endReason = "secondment", version = 1 });

        await ProblemAssert.NamesField(response, "endedOn");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE id = @Id AND ended_on IS NULL", new { Id = postingId }),
            Is.EqualTo(1));
    }

    [Test]
    public async Task A_posting_ending_before_it_started_is_refused_naming_endedOn()
    {
        var (_, postingId, _) = await WorkerInNewPost(_hr, _community);

        var response = await _hr.PostAsJsonAsync($"/api/staffing/postings/{postingId}/end",
            new { endedOn = "2019-12-31", endReason = "secondment", version = 1 });

        await ProblemAssert.NamesField(response, "endedOn");
    }

    [Test]
    public async Task A_posting_may_end_up_to_the_horizon_and_not_a_day_beyond()
    {
        var (_, first, _) = await WorkerInNewPost(_hr, _community);
        var (_, second, _) = await WorkerInNewPost(_hr, _community);

        var beyond = await _hr.PostAsJsonAsync($"/api/staffing/postings/{first}/end",
            new { endedOn = Day(Today.AddDays(367)), endReason = "secondment", version = 1 });
        var atHorizon = await _hr.PostAsJsonAsync($"/api/staffing/postings/{second}/end",
            new { endedOn = Day(Today.AddDays(366)), endReason = "secondment", version = 1 });

        await ProblemAssert.NamesField(beyond, "endedOn");
        Assert.That(atHorizon.StatusCode, Is.EqualTo(HttpStatusCode.OK), await atHorizon.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_posting_starting_on_9999_12_31_is_refused_naming_startedOn_and_nothing_is_written()
    {
        var worker = await CreateWorker(_hr, _community);
        var post = await CreatePost(_hr, _community, quota: 1);

        var response = await Post(_hr, worker.Id(), post.Id(), startedOn: "9999-12-31");

        await ProblemAssert.NamesField(response, "startedOn");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings WHERE worker_id = @Id", new { Id = worker.Id() }), Is.Zero);
    }

    [Test]
    public async Task A_rotation_proposed_for_9999_12_31_is_refused_naming_proposedOn()
    {
        var (workerId, postingId, _) = await WorkerInNewPost(_hr, _community);
        var target = await CreatePost(_hr, _community, quota: 1);

        var response = await _hr.PostAsJsonAsync("/api/staffing/rotation-requests",
            new { workerId, fromPostingId = postingId, toPostId = target.Id(), reason = "轮岗交流", proposedOn = "9999-12-31" });

        await ProblemAssert.NamesField(response, "proposedOn");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM staffing_rotation_requests WHERE worker_id = @Id", new { Id = workerId }),
            Is.Zero);
    }

    [TestCase("hireDate", "0001-01-01")]
    [TestCase("hireDate", "9999-12-31")]
    [TestCase("serviceStartDate", "1900-01-01")]
    public async Task A_worker_hired_on_an_implausible_date_is_refused_naming_the_field(string field, string date)
    {
        var body = WorkerBody(_community);
        body[field] = date;

        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/staffing/workers", body), field);
    }

    [Test]
    public async Task A_birth_date_in_the_future_inside_the_id_number_is_refused()
    {
        var body = WorkerBody(_community, IdNumber("440305", Today.AddDays(10), "013"));

        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/staffing/workers", body), "idNumber");
    }

    [Test]
    public async Task The_problem_names_the_bounds_in_the_callers_language()
    {
        var (_, postingId, _) = await WorkerInNewPost(_hr, _community);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staffing/postings/{postingId}/end")
        {
            Content = JsonContent.Create(new { endedOn = "9999-12-31", endReason = "secondment", version = 1 }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = await ProblemAssert.NamesField(await _hr.SendAsync(request), "endedOn");

        var message = problem.GetProperty("errors").GetProperty("endedOn")[0].GetString();
        Assert.That(message, Does.StartWith("The date must lie between 1950-01-01 and " + Day(Today.AddDays(366))));
    }
}

/// <summary><c>Validation:FutureHorizonDays</c> moves the horizon.</summary>
[TestFixture]
public sealed class FutureHorizonSettingTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private Guid _community;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost(new Dictionary<string, string?> { ["Validation:FutureHorizonDays"] = "30" });
        _hr = await _host.ClientFor("hr.linfen");
        using var admin = await _host.ClientFor("admin");
        _community = await OrgTree.IdByCode(admin, "310106021004");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task A_horizon_of_30_days_refuses_day_31_and_accepts_day_30()
    {
        var (_, first, _) = await WorkerInNewPost(_hr, _community);
        var (_, second, _) = await WorkerInNewPost(_hr, _community);

        var beyond = await _hr.PostAsJsonAsync($"/api/staffing/postings/{first}/end",
            new { endedOn = Today.AddDays(31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endReason = "secondment", version = 1 });
        var within = await _hr.PostAsJsonAsync($"/api/staffing/postings/{second}/end",
            new { endedOn = Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endReason = "secondment", version = 1 });

        await ProblemAssert.NamesField(beyond, "endedOn");
        Assert.That(within.StatusCode, Is.EqualTo(HttpStatusCode.OK), await within.Content.ReadAsStringAsync());
        var ended = await within.ReadJson();
        Assert.That(ended.GetProperty("endedOn").GetString(), Is.EqualTo(Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
