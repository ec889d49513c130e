using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>Who is due for rotation, by the configurable tenure threshold (its own host: it changes the settings).</summary>
[TestFixture]
public sealed class DueForRotationTests
{
    private CwHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _hr = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _admin = await _host.ClientFor("admin");
        _hr = await _host.ClientFor("hr.linfen");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _admin.Dispose();
        _hr.Dispose();
        _host.Dispose();
    }

    private async Task<JsonObject> Settings() =>
        JsonNode.Parse(await (await _admin.GetAsync("/api/staffing/settings")).Content.ReadAsStringAsync())!.AsObject();

    [Test]
    public async Task Everyone_listed_has_held_their_post_at_least_the_threshold_and_a_higher_threshold_lists_fewer()
    {
        var settings = await Settings();
        var threshold = settings["rotationThresholdYears"]!.GetValue<int>();
        var before = await _hr.GetJson("/api/staffing/rotations/due?pageSize=200");

        settings["rotationThresholdYears"] = threshold + 5;
        var saved = await _admin.PutAsJsonAsync("/api/staffing/settings", settings);
        var after = await _hr.GetJson("/api/staffing/rotations/due?pageSize=200");

        Assert.That(before.GetProperty("total").GetInt32(), Is.GreaterThan(0));
        Assert.That(before.Items().Select(i => i.GetProperty("yearsInPost").GetInt32()), Has.All.GreaterThanOrEqualTo(threshold));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        Assert.That(after.GetProperty("total").GetInt32(), Is.LessThan(before.GetProperty("total").GetInt32()));
        Assert.That(after.Items().Select(i => i.GetProperty("yearsInPost").GetInt32()), Has.All.GreaterThanOrEqualTo(threshold + 5));
    }

    [Test]
    public async Task The_default_threshold_is_five_years_and_matches_the_active_postings_counted_in_sql()
    {
        using var fresh = new CwHost();
        using var hr = await fresh.ClientFor("hr.linfen");
        var settings = await hr.GetJson("/api/staffing/settings");

        var due = await hr.GetJson("/api/staffing/rotations/due?pageSize=200");

        Assert.That(settings.GetProperty("rotationThresholdYears").GetInt32(), Is.EqualTo(5));
        Assert.That(due.Items().Select(i => i.GetProperty("yearsInPost").GetInt32()), Has.All.GreaterThanOrEqualTo(5));
        var today = StaffingData.Today;
        var expected = await fresh.Scalar<long>("""
            SELECT COUNT(*) FROM staffing_postings g JOIN staffing_workers w ON w.id = g.worker_id
            JOIN staffing_org_units u ON u.id = w.org_unit_id
            WHERE g.ended_on IS NULL AND w.status = 'active' AND g.started_on <= @Cutoff AND u.path LIKE '/310000/310106/310106021/%'
            """, new { Cutoff = today.AddYears(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.That(due.GetProperty("total").GetInt32(), Is.EqualTo(expected));
        Assert.That(due.Items().Count(i => i.GetProperty("hasOpenRequest").GetBoolean()), Is.GreaterThanOrEqualTo(6));
    }

    [Test]
    public async Task Saving_settings_with_a_stale_version_is_409()
    {
        var settings = await Settings();
        var first = await _admin.PutAsJsonAsync("/api/staffing/settings", settings);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());

        settings["rotationThresholdYears"] = 1;
        var stale = await _admin.PutAsJsonAsync("/api/staffing/settings", settings);

        await ProblemAssert.IsProblem(stale, HttpStatusCode.Conflict, "urn:cw:problem:version-conflict");
        Assert.That((await Settings())["rotationThresholdYears"]!.GetValue<int>(), Is.Not.EqualTo(1));
    }

    [Test]
    public async Task Only_admin_changes_the_settings()
    {
        var settings = await Settings();
        settings["rotationThresholdYears"] = 2;

        await ProblemAssert.IsProblem(await _hr.PutAsJsonAsync("/api/staffing/settings", settings), HttpStatusCode.Forbidden);
    }
}
