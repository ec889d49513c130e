using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Training.Tests.TrainingData;

namespace CommunityWorkforce.Training.Tests;

/// <summary>
/// The "done when", through HTTP on the demo street: a session of 12 places, 15 enrol (3 wait), one cancels and
/// the first waiting moves up (and is told on the workbench), attendance is taken, hours count toward the year.
/// </summary>
[TestFixture]
public sealed class SessionFlowTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _worker = null!;
    private Guid _me;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _worker = await _host.ClientFor("worker.demo");
        _me = (await _worker.GetJson("/api/staffing/workers/me")).Id();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _worker.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task Twelve_places_fifteen_enrol_three_wait_a_cancellation_moves_the_first_up_and_hours_count_toward_the_year()
    {
        var course = await CreateCourse(_hr, hours: 6);
        var session = await Schedule(_hr, course.Id(), capacity: 12);
        var others = await DemoWorkers(_hr, 14);
        var first = await Enrol(_hr, session.Id(), [.. others.Take(12)]).Ok();
        var waiting = await Enrol(_hr, session.Id(), others[12], others[13]).Ok();
        var mine = await Enrol(_worker, session.Id()).Ok();

        Assert.That(first.GetProperty("enrolled").GetInt32(), Is.EqualTo(12));
        Assert.That(waiting.GetProperty("waiting").GetInt32(), Is.EqualTo(2));
        var myResult = mine.GetProperty("results")[0];
        Assert.That(myResult.Str("outcome"), Is.EqualTo("waiting"));
        Assert.That(myResult.GetProperty("waitingPosition").GetInt32(), Is.EqualTo(3), "third in the queue");
        var state = await _hr.GetJson($"/api/training/sessions/{session.Id()}");
        Assert.That((state.GetProperty("enrolled").GetInt32(), state.GetProperty("waiting").GetInt32()), Is.EqualTo((12, 3)));

        // One enrolled worker cancels: the first on the waiting list (others[12]) moves up, not the later ones.
        var roster = await _hr.GetJson($"/api/training/enrollments?sessionId={session.Id()}&status=enrolled&pageSize=50");
        var leaving = roster.Items().First(e => e.GetProperty("workerId").GetGuid() == others[3]);
        var cancelled = await _hr.PostAsJsonAsync($"/api/training/enrollments/{leaving.Id()}/cancel", new { reason = "临时有事" }).Ok();
        var promoted = cancelled.GetProperty("promoted").EnumerateArray().ToList();
        Assert.That(promoted.Select(p => p.GetProperty("workerId").GetGuid()), Is.EqualTo(new[] { others[12] }));
        var after = await _hr.GetJson($"/api/training/sessions/{session.Id()}");
        Assert.That((after.GetProperty("enrolled").GetInt32(), after.GetProperty("waiting").GetInt32()), Is.EqualTo((12, 2)));
        var myQueue = (await _worker.GetJson($"/api/training/enrollments?sessionId={session.Id()}")).Items().Single();
        Assert.That(myQueue.GetProperty("waitingPosition").GetInt32(), Is.EqualTo(2), "worker.demo moved from third to second");

        // Two more cancel: worker.demo moves up and is told on the workbench.
        var before = await MovedUpCount();
        foreach (var worker in new[] { others[4], others[5] })
        {
            var row = roster.Items().First(e => e.GetProperty("workerId").GetGuid() == worker);
            await _hr.PostAsJsonAsync($"/api/training/enrollments/{row.Id()}/cancel", new { }).Ok();
        }
        var mineNow = (await _worker.GetJson($"/api/training/enrollments?sessionId={session.Id()}")).Items().Single();
        Assert.That(mineNow.Str("status"), Is.EqualTo("enrolled"));
        Assert.That(mineNow.GetProperty("promotedAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null));
        Assert.That(await MovedUpCount(), Is.EqualTo(before + 1));

        // The session's day comes (attendance is taken from then on); attendance, then hours: they count toward the year.
        var moved = await _host.Scalar<int>("""
            UPDATE training_sessions SET session_date = @Day, starts_at = @At, ends_at = @Ends WHERE id = @Id;
            SELECT COUNT(*) FROM training_sessions WHERE id = @Id AND session_date = @Day
            """, new { Id = session.Id().ToString().ToUpperInvariant(), Day = Today.ToString("yyyy-MM-dd"), At = DateTimeOffset.UtcNow.AddMinutes(-5), Ends = DateTimeOffset.UtcNow.AddHours(3) });
        Assert.That(moved, Is.EqualTo(1));
        var track = await _worker.GetJson($"/api/training/workers/{_me}/track");
        var hoursBefore = track.GetProperty("compliance").GetProperty("hoursDone").GetDecimal();
        // The unit's compliance report (kept in a cache between writes) shows the same hours before and after.
        async Task<decimal> ReportedHours() =>
            (await _hr.GetJson("/api/training/compliance?q=CW000001&pageSize=5")).Items().Single().GetProperty("hoursDone").GetDecimal();
        Assert.That(await ReportedHours(), Is.EqualTo(hoursBefore));
        await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/attendance",
            new { entries = new[] { new { workerId = _me, attended = true }, new { workerId = others[0], attended = false } } }).Ok();
        await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/completion", new { entries = new[] { new { workerId = _me, score = 92 } } }).Ok();
        var trackAfter = await _worker.GetJson($"/api/training/workers/{_me}/track?year={Today.Year}");
        Assert.That(trackAfter.GetProperty("compliance").GetProperty("hoursDone").GetDecimal(), Is.EqualTo(hoursBefore + 6));
        Assert.That(await ReportedHours(), Is.EqualTo(hoursBefore + 6), "the hours credited show in the report at once");
        Assert.That(trackAfter.GetProperty("completed").EnumerateArray().Any(e => e.GetProperty("sessionId").GetGuid() == session.Id()
            && e.GetProperty("hoursCredited").GetDecimal() == 6 && e.GetProperty("score").GetInt32() == 92), Is.True);

        // Feedback from the attendee: 1–5 only.
        var myEnrollment = mineNow.Id();
        await ProblemAssert.NamesField(await _worker.PostAsJsonAsync($"/api/training/enrollments/{myEnrollment}/feedback", new { rating = 6 }), "rating");
        var rated = await _worker.PostAsJsonAsync($"/api/training/enrollments/{myEnrollment}/feedback", new { rating = 5, comment = "很实用" }).Ok();
        Assert.That(rated.GetProperty("feedbackRating").GetInt32(), Is.EqualTo(5));
    }

    private async Task<int> MovedUpCount()
    {
        var todos = (await _worker.GetJson("/api/me/todos")).GetProperty("todos").EnumerateArray();
        return todos.Where(t => t.Str("key") == "training.moved-up").Select(t => t.GetProperty("count").GetInt32()).SingleOrDefault();
    }

    [Test]
    public async Task Attendance_for_a_worker_not_enrolled_is_400_and_hours_without_attendance_are_409()
    {
        var course = await CreateCourse(_hr);
        var session = await Schedule(_hr, course.Id(), capacity: 2, inDays: 0);
        var workers = await DemoWorkers(_hr, 3);
        await Enrol(_hr, session.Id(), workers[0], workers[1], workers[2]).Ok();

        var notEnrolled = await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/attendance",
            new { entries = new[] { new { workerId = workers[0], attended = true }, new { workerId = workers[2], attended = true } } });
        await ProblemAssert.NamesField(notEnrolled, "entries[1].workerId");
        var unattended = await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/completion", new { entries = new[] { new { workerId = workers[1] } } });
        await ProblemAssert.IsProblem(unattended, HttpStatusCode.Conflict, "urn:cw:problem:not-attended");
        await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/attendance", new { entries = new[] { new { workerId = workers[1], attended = false } } }).Ok();
        var absent = await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/completion", new { entries = new[] { new { workerId = workers[1] } } });
        await ProblemAssert.IsProblem(absent, HttpStatusCode.Conflict, "urn:cw:problem:not-attended");
        await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/attendance", new { entries = new[] { new { workerId = workers[0], attended = true } } }).Ok();
        var tooMany = await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/completion", new { entries = new[] { new { workerId = workers[0], hours = 7 } } });
        await ProblemAssert.NamesField(tooMany, "entries[0].hours");
        var credited = await _host.Scalar<double?>("SELECT hours_credited FROM training_enrollments WHERE session_id = @S AND worker_id = @W",
            new { S = session.Id().ToString().ToUpperInvariant(), W = workers[0].ToString().ToUpperInvariant() });
        Assert.That(credited, Is.Null, "nothing credited by the refused requests");
    }

    [Test]
    public async Task Attendance_before_the_session_has_started_is_409_naming_the_session_date_and_changes_nothing()
    {
        var session = await Schedule(_hr, (await CreateCourse(_hr)).Id(), capacity: 3, inDays: 1);
        var worker = (await DemoWorkers(_hr, 1))[0];
        await Enrol(_hr, session.Id(), worker).Ok();

        var early = await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/attendance",
            new { entries = new[] { new { workerId = worker, attended = true } } });
        var problem = await ProblemAssert.IsProblem(early, HttpStatusCode.Conflict, "urn:cw:problem:rule-violation");
        Assert.That(problem.Str("field"), Is.EqualTo("sessionDate"), problem.ToString());
        Assert.That(problem.Str("sessionDate"), Is.EqualTo(Today.AddDays(1).ToString("yyyy-MM-dd")), problem.ToString());
        var attended = await _host.Scalar<long?>("SELECT attended FROM training_enrollments WHERE session_id = @S AND worker_id = @W",
            new { S = session.Id().ToString().ToUpperInvariant(), W = worker.ToString().ToUpperInvariant() });
        Assert.That(attended, Is.Null, "nothing recorded by the refused request");

        // On the session's day it is taken.
        var today = await Schedule(_hr, (await CreateCourse(_hr)).Id(), capacity: 3, inDays: 0);
        await Enrol(_hr, today.Id(), worker).Ok();
        await _hr.PostAsJsonAsync($"/api/training/sessions/{today.Id()}/attendance",
            new { entries = new[] { new { workerId = worker, attended = true } } }).Ok();
    }

    [Test]
    public async Task A_worker_enrols_only_themself_only_in_open_courses_and_never_sees_another_workers_records()
    {
        var open = await Schedule(_hr, (await CreateCourse(_hr, open: true)).Id(), capacity: 5);
        var closed = await Schedule(_hr, (await CreateCourse(_hr, open: false)).Id(), capacity: 5);
        var other = (await DemoWorkers(_hr, 1))[0];

        await ProblemAssert.IsProblem(await Enrol(_worker, closed.Id()), HttpStatusCode.Forbidden);
        await ProblemAssert.NamesField(await Enrol(_worker, open.Id(), other), "workerIds");
        var enrolled = await Enrol(_worker, open.Id()).Ok();
        Assert.That(enrolled.GetProperty("results")[0].Str("outcome"), Is.EqualTo("enrolled"));
        var again = await Enrol(_worker, open.Id()).Ok();
        Assert.That(again.GetProperty("results")[0].Str("outcome"), Is.EqualTo("already"));

        await Enrol(_hr, open.Id(), other).Ok();
        Assert.That((await _worker.GetAsync($"/api/training/workers/{other}/track")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _worker.GetAsync($"/api/training/workers/{other}/compliance")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var list = await _worker.GetJson($"/api/training/enrollments?sessionId={open.Id()}");
        Assert.That(list.Items().Select(e => e.GetProperty("workerId").GetGuid()), Is.EqualTo(new[] { _me }), "only their own enrolment");
        var othersEnrollment = (await _hr.GetJson($"/api/training/enrollments?sessionId={open.Id()}&workerId={other}")).Items().Single();
        Assert.That((await _worker.GetAsync($"/api/training/enrollments/{othersEnrollment.Id()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _worker.PostAsJsonAsync($"/api/training/enrollments/{othersEnrollment.Id()}/cancel", new { })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _worker.GetAsync("/api/training/compliance")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Enrolment_after_the_deadline_is_409_and_a_group_is_enrolled_in_one_action()
    {
        var yesterday = (await _hr.GetJson("/api/training/sessions?attendance=due&pageSize=5")).Items().First();
        await ProblemAssert.IsProblem(await Enrol(_hr, yesterday.Id(), (await DemoWorkers(_hr, 1))[0]), HttpStatusCode.Conflict, "urn:cw:problem:enrolment-closed");

        var session = await Schedule(_hr, (await CreateCourse(_hr)).Id(), capacity: 500);
        var community = await OrgTree.IdByCode(_hr, CwHost.DemoStreetCode + "001");
        var group = await _hr.PostAsJsonAsync($"/api/training/sessions/{session.Id()}/enrollments", new { groupOrgUnitId = community, groupPostType = "staff" }).Ok();
        var expected = (await _hr.GetJson($"/api/staffing/workers?orgUnitId={community}&pageSize=200")).Items()
            .Count(w => w.Str("status") != "left" && w.TryGetProperty("primaryPostType", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() == "staff");
        Assert.That(group.GetProperty("enrolled").GetInt32(), Is.EqualTo(expected).And.GreaterThan(0));
    }

    [Test]
    public async Task A_session_downloads_as_an_ics_calendar_entry()
    {
        var session = await Schedule(_hr, (await CreateCourse(_hr)).Id(), capacity: 5);
        var response = await _hr.GetAsync($"/api/training/sessions/{session.Id()}/calendar.ics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
        Assert.That(text, Does.StartWith("BEGIN:VCALENDAR").And.Contain("BEGIN:VEVENT").And.Contain("SUMMARY:" + session.Str("courseTitle"))
            .And.Contain("LOCATION:街道党群服务中心"));
    }
}
