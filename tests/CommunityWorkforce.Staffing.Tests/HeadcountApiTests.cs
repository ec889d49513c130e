using System.Net;
using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>Headcount against quota and norm, checked against the database (its own host: nothing else writes).</summary>
[TestFixture]
public sealed class HeadcountApiTests
{
    private const string StreetPath = "/310000/310106/310106021/%";

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

    private static string ExpectedStatus(JsonElement line)
    {
        if (line.GetProperty("norm").ValueKind == JsonValueKind.Null)
        {
            return "unknown";
        }
        var norm = line.GetProperty("norm").GetInt32();
        var filled = line.GetProperty("filled").GetInt32();
        return filled < norm ? "short" : filled > norm ? "over" : "ok";
    }

    [Test]
    public async Task Hr_sees_their_street_with_its_sixteen_communities_and_the_centre()
    {
        var summary = await _hr.GetJson("/api/staffing/headcount");

        Assert.That(summary.GetProperty("unit").Str("code"), Is.EqualTo(CwHost.DemoStreetCode));
        Assert.That(summary.GetProperty("unit").Str("name"), Is.EqualTo("临汾路街道"));
        Assert.That(summary.GetProperty("children").GetArrayLength(), Is.EqualTo(17));
    }

    [Test]
    public async Task Filled_and_quota_equal_the_active_postings_and_active_post_quotas_counted_in_sql()
    {
        var summary = await _hr.GetJson("/api/staffing/headcount");

        var filled = await _host.Scalar<long>("""
            SELECT COUNT(*) FROM staffing_postings g JOIN staffing_posts p ON p.id = g.post_id
            JOIN staffing_org_units u ON u.id = p.org_unit_id
            WHERE g.ended_on IS NULL AND u.path LIKE @P
            """, new { P = StreetPath });
        var quota = await _host.Scalar<long>("""
            SELECT SUM(p.quota) FROM staffing_posts p JOIN staffing_org_units u ON u.id = p.org_unit_id
            WHERE p.status = 'active' AND u.path LIKE @P
            """, new { P = StreetPath });
        var unit = summary.GetProperty("unit");
        Assert.That(filled, Is.GreaterThan(250));
        Assert.That(unit.GetProperty("filled").GetInt32(), Is.EqualTo(filled));
        Assert.That(unit.GetProperty("quota").GetInt32(), Is.EqualTo(quota));
        Assert.That(unit.GetProperty("vacant").GetInt32(), Is.EqualTo(Math.Max(0, quota - filled)));
        Assert.That(summary.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("filled").GetInt32()), Is.EqualTo(filled));
    }

    [Test]
    public async Task Each_childs_filled_count_matches_sql()
    {
        var summary = await _hr.GetJson("/api/staffing/headcount");

        foreach (var child in summary.GetProperty("children").EnumerateArray())
        {
            var filled = await _host.Scalar<long>("""
                SELECT COUNT(*) FROM staffing_postings g JOIN staffing_posts p ON p.id = g.post_id
                WHERE g.ended_on IS NULL AND p.org_unit_id = @Id
                """, new { Id = child.GetProperty("orgUnitId").GetGuid() });
            Assert.That(child.GetProperty("filled").GetInt32(), Is.EqualTo(filled), child.Str("name"));
        }
    }

    [Test]
    public async Task Norm_status_is_one_of_four_and_agrees_with_filled_against_norm()
    {
        var summary = await _hr.GetJson("/api/staffing/headcount");

        var lines = summary.GetProperty("children").EnumerateArray().Append(summary.GetProperty("unit")).ToList();
        Assert.That(lines.Select(l => l.Str("normStatus")), Has.All.AnyOf("short", "over", "ok", "unknown"));
        foreach (var line in lines)
        {
            Assert.That(line.Str("normStatus"), Is.EqualTo(ExpectedStatus(line)), line.Str("name"));
        }
        Assert.That(lines.Select(l => l.Str("normStatus")), Has.Some.Not.EqualTo("unknown"));
    }

    [Test]
    public async Task Hr_asking_for_another_streets_unit_gets_404()
    {
        var other = await OrgTree.IdByCode(_admin, StaffingData.OtherStreetCode);

        await ProblemAssert.IsProblem(await _hr.GetAsync($"/api/staffing/headcount?orgUnitId={other}"), HttpStatusCode.NotFound);
        Assert.That((await _admin.GetAsync($"/api/staffing/headcount?orgUnitId={other}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
