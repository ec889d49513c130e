using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;
using static CommunityWorkforce.Training.Tests.TrainingData;

namespace CommunityWorkforce.Training.Tests;

/// <summary>The catalogue, compliance and certificates through HTTP on the demo street.</summary>
[TestFixture]
public sealed class CatalogueAndRecordsTests
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

    [TestCase("enrollments")]
    [TestCase("certificates")]
    public async Task A_list_filtered_by_worker_holds_exactly_that_workers_rows_of_the_whole_list(string list)
    {
        // The worker filter runs its own SQL (read by the worker index): it must agree with the unfiltered list.
        var all = await _hr.AllItems($"/api/training/{list}");
        var workers = all.GroupBy(r => r.GetProperty("workerId").GetGuid()).OrderByDescending(g => g.Count()).Take(3).ToList();
        Assert.That(workers, Is.Not.Empty, $"the demo street has {list}");
        foreach (var worker in workers)
        {
            var filtered = await _hr.GetJson($"/api/training/{list}?workerId={worker.Key}&pageSize=200");
            Assert.That(filtered.GetProperty("total").GetInt32(), Is.EqualTo(worker.Count()), $"{list} of {worker.Key}");
            Assert.That(filtered.Items().Select(r => r.Id()), Is.EquivalentTo(worker.Select(r => r.Id())), $"{list} of {worker.Key}");
        }
    }

    [Test]
    public async Task Enrolments_filtered_by_session_hold_exactly_that_sessions_rows_of_the_whole_list()
    {
        // A session's roster runs its own SQL (read by the session index): it must agree with the unfiltered list.
        var all = await _hr.AllItems("/api/training/enrollments");
        var sessions = all.GroupBy(r => r.GetProperty("sessionId").GetGuid()).OrderByDescending(g => g.Count()).Take(3).ToList();
        Assert.That(sessions, Has.Count.EqualTo(3), "the demo street has sessions with enrolments");
        foreach (var session in sessions)
        {
            var filtered = await _hr.GetJson($"/api/training/enrollments?sessionId={session.Key}&pageSize=200");
            Assert.That(filtered.GetProperty("total").GetInt32(), Is.EqualTo(session.Count()), $"roster of {session.Key}");
            Assert.That(filtered.Items().Select(r => r.Id()), Is.EquivalentTo(session.Select(r => r.Id())), $"roster of {session.Key}");
            var enrolled = session.Count(r => r.GetProperty("status").GetString() == "enrolled");
            var onlyEnrolled = await _hr.GetJson($"/api/training/enrollments?sessionId={session.Key}&status=enrolled&pageSize=200");
            Assert.That(onlyEnrolled.GetProperty("total").GetInt32(), Is.EqualTo(enrolled), "the other filters still apply");
        }
    }

    [Test]
    public async Task Hr_adds_a_course_that_is_found_by_category_and_competency_and_changes_it_with_its_version()
    {
        var code = $"T-CAT-{Next():D4}";
        var created = await _hr.PostAsJsonAsync("/api/training/courses", new
        {
            code, title = "应急演练实操", category = "emergency", delivery = "on-the-job", hours = 3.5, mandatory = true, recurrenceMonths = 24,
            audiencePostTypes = new[] { "staff", "deputy" }, competencies = new[] { new { competencyCode = "ability-emergency-response", targetLevel = 3 } },
        }).Ok(HttpStatusCode.Created);
        Assert.That(created.GetProperty("audiencePostTypes").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "deputy", "staff" }));

        var found = await _worker.GetJson($"/api/training/courses?category=emergency&competencyCode=ability-emergency-response&q={code}");
        Assert.That(found.GetProperty("total").GetInt32(), Is.EqualTo(1));
        var none = await _hr.GetJson($"/api/training/courses?category=digital&q={code}");
        Assert.That(none.GetProperty("total").GetInt32(), Is.Zero);

        var body = new { code, title = "应急演练实操（修订）", category = "emergency", delivery = "on-the-job", hours = 4, version = 1 };
        var updated = await _hr.PutAsJsonAsync($"/api/training/courses/{created.Id()}", body).Ok();
        Assert.That(updated.GetProperty("version").GetInt32(), Is.EqualTo(2));
        await ProblemAssert.IsProblem(await _hr.PutAsJsonAsync($"/api/training/courses/{created.Id()}", body), HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
    }

    [Test]
    public async Task Bad_courses_are_refused_naming_the_field()
    {
        var bad = await _hr.PostAsJsonAsync("/api/training/courses", new { code = "X-1", title = "t", category = "cooking", delivery = "classroom", hours = 0.25 });
        var problem = await ProblemAssert.NamesField(bad, "category");
        Assert.That(problem.GetProperty("errors").TryGetProperty("hours", out _), Is.True, problem.ToString());
        var level = await _hr.PostAsJsonAsync("/api/training/courses", new
        {
            code = "X-2", title = "t", category = "policy", delivery = "classroom", hours = 2, competencies = new[] { new { competencyCode = "x", targetLevel = 9 } },
        });
        await ProblemAssert.NamesField(level, "competencies[0].targetLevel");
        var existing = (await _hr.GetJson("/api/training/courses?pageSize=1")).Items().First().Str("code");
        var duplicate = await _hr.PostAsJsonAsync("/api/training/courses", new { code = existing, title = "t", category = "policy", delivery = "classroom", hours = 2 });
        await ProblemAssert.IsProblem(duplicate, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        Assert.That((await _worker.PostAsJsonAsync("/api/training/courses", new { code = "X-3", title = "t", category = "policy", delivery = "classroom", hours = 2 })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_compliance_report_its_summary_and_its_export_agree()
    {
        var noncompliant = await _hr.GetJson("/api/training/compliance?status=noncompliant&pageSize=200");
        var all = await _leader.GetJson("/api/training/compliance?pageSize=1");
        var summary = await _hr.GetJson("/api/training/compliance/summary");

        Assert.That(summary.GetProperty("workers").GetInt32(), Is.EqualTo(all.GetProperty("total").GetInt32()).And.GreaterThan(100));
        Assert.That(summary.GetProperty("nonCompliant").GetInt32(), Is.EqualTo(noncompliant.GetProperty("total").GetInt32()).And.GreaterThan(0));
        Assert.That(noncompliant.Items().All(i => !i.GetProperty("compliant").GetBoolean()), Is.True);
        Assert.That(noncompliant.Items().All(i => i.GetProperty("hoursDone").GetDecimal() < i.GetProperty("hoursRequired").GetDecimal()
            || i.GetProperty("overdueMandatory").GetInt32() > 0), Is.True);

        var export = await _hr.GetAsync("/api/training/compliance/export?status=noncompliant");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rows = MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).ToList();
        Assert.That(rows, Has.Count.EqualTo(noncompliant.GetProperty("total").GetInt32()));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'training.compliance.exported'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_workers_compliance_counts_this_years_hours_against_the_requirement_and_lists_overdue_mandatory_courses()
    {
        var me = (await _worker.GetJson("/api/staffing/workers/me")).Id();
        var compliance = await _worker.GetJson($"/api/training/workers/{me}/compliance");
        var completions = await _worker.GetJson($"/api/training/enrollments?workerId={me}&completed=true&pageSize=200");
        var thisYear = completions.Items().Where(e => DateOnly.Parse(e.Str("completedOn"), System.Globalization.CultureInfo.InvariantCulture).Year == Today.Year)
            .Sum(e => e.GetProperty("hoursCredited").GetDecimal());

        Assert.That(compliance.GetProperty("hoursDone").GetDecimal(), Is.EqualTo(thisYear));
        Assert.That(compliance.GetProperty("hoursRequired").GetDecimal(), Is.EqualTo(40), "the city default");
        // TR-EMERG-01 (mandatory every 24 months) was never given to worker.demo in the demo data.
        Assert.That(compliance.GetProperty("overdueMandatory").EnumerateArray().Select(c => c.Str("courseCode")), Does.Contain("TR-EMERG-01"));
    }

    [Test]
    public async Task A_social_work_registration_lasts_three_years_with_the_72_hour_rule_and_expiring_ones_are_listed()
    {
        var worker = (await DemoWorkers(_hr, 1))[0];
        var registered = Today.AddYears(-1);
        var created = await _hr.PostAsJsonAsync("/api/training/certificates", new
        {
            workerId = worker, kind = "social-work", level = "assistant", number = $"SWT{Next():D6}", issuedOn = registered.AddDays(-30).ToString("yyyy-MM-dd"),
            registeredOn = registered.ToString("yyyy-MM-dd"),
        }).Ok(HttpStatusCode.Created);
        Assert.That(created.Str("expiresOn"), Is.EqualTo(registered.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd")));
        Assert.That(created.GetProperty("continuingEducationRequired").GetDecimal(), Is.EqualTo(72));
        Assert.That(created.Str("name"), Is.EqualTo("助理社会工作师"));

        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/training/certificates", new
        {
            workerId = worker, kind = "social-work", number = $"SWT{Next():D6}", issuedOn = Today.ToString("yyyy-MM-dd"),
        }), "registeredOn");
        await ProblemAssert.NamesField(await _hr.PostAsJsonAsync("/api/training/certificates", new
        {
            workerId = worker, kind = "other", number = $"FA{Next():D6}", issuedOn = Today.ToString("yyyy-MM-dd"),
        }), "name");

        var expiring = await _hr.GetJson("/api/training/certificates?expiringWithinDays=90&pageSize=200");
        Assert.That(expiring.GetProperty("total").GetInt32(), Is.GreaterThan(0));
        Assert.That(expiring.Items().All(c => c.GetProperty("daysToExpiry").GetInt32() is >= 0 and <= 90), Is.True);
        Assert.That(expiring.Items().Select(c => c.Str("staffNo")), Does.Contain("CW000001"));

        var rate = await _hr.GetJson("/api/training/certificates/rate");
        Assert.That(rate.GetProperty("target").GetDecimal(), Is.EqualTo(0.5m));
        Assert.That(rate.GetProperty("certified").GetInt32(), Is.GreaterThan(0).And.LessThanOrEqualTo(rate.GetProperty("workers").GetInt32()));
    }

    [Test]
    public async Task The_workers_track_shows_progress_certificate_expiry_and_a_course_recommended_from_a_competency_gap()
    {
        var me = (await _worker.GetJson("/api/staffing/workers/me")).Id();
        var track = await _worker.GetJson($"/api/training/workers/{me}/track");

        var compliance = track.GetProperty("compliance");
        var done = compliance.GetProperty("hoursDone").GetDecimal();
        Assert.That(compliance.GetProperty("progress").GetDecimal(), Is.EqualTo(Math.Min(1, Math.Round(done / compliance.GetProperty("hoursRequired").GetDecimal(), 4))));
        Assert.That(track.GetProperty("upcoming").GetArrayLength(), Is.GreaterThan(0));
        var socialWork = track.GetProperty("certificates").EnumerateArray().Single(c => c.Str("kind") == "social-work");
        Assert.That(socialWork.GetProperty("daysToExpiry").GetInt32(), Is.EqualTo(60));
        var recommendations = track.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.That(recommendations.Any(r => r.Str("reason") == "gap" && r.Str("why").Length > 0 && r.GetProperty("competencyCode").ValueKind == JsonValueKind.String),
            Is.True, track.GetProperty("recommendations").ToString());
        Assert.That(recommendations.Any(r => r.Str("reason") == "mandatory"), Is.True);
    }

    [Test]
    public async Task Settings_are_read_by_everyone_and_changed_by_admin_with_their_version()
    {
        using var admin = await _host.ClientFor("admin");
        var settings = await _hr.GetJson("/api/training/settings");
        Assert.That(settings.GetProperty("annualRequiredHours").GetDecimal(), Is.EqualTo(40));
        Assert.That((await _hr.PutAsJsonAsync("/api/training/settings", new { annualRequiredHours = 30, version = 1 })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await ProblemAssert.NamesField(await admin.PutAsJsonAsync("/api/training/settings", new { annualRequiredHours = 30, certificationTargetRate = 2, version = 1 }),
            "certificationTargetRate");
    }
}
