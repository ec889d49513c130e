using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Insights.Tests.InsightsWorld;

namespace CommunityWorkforce.Insights.Tests;

/// <summary>
/// The insights cache never serves what a write through the API has changed, never lets two callers' views share an
/// entry; and the home unit of accounts with and without an org scope.
/// </summary>
public sealed class CacheAndHomeTests
{
    [Test]
    public async Task Writes_through_the_api_show_in_the_next_dashboard_norms_and_forecast_read()
    {
        var (street, units) = await NewStreet(5000);
        var post = await NewPost(units[0], 3);
        var first = await NewWorker(units[0], new Person(new DateOnly(1985, 3, 1), true));
        await Place(first, post);

        string Dashboard() => $"/api/insights/org-units/{street}/dashboard";
        var before = await Admin.GetJson(Dashboard());
        var again = await Admin.GetJson(Dashboard());
        var norms = await Admin.GetJson($"/api/insights/org-units/{street}/norms");
        var forecast = await Admin.GetJson($"/api/insights/org-units/{street}/forecast");
        Assert.That((before.Int("headcount"), before.GetProperty("vacancy").Int("filled")), Is.EqualTo((1, 1)));
        Assert.That(again.Int("headcount"), Is.EqualTo(1), "a repeated read gives the same figures");

        // Staffing: hire a worker and fill the post through Staffing's endpoints.
        var second = await NewWorker(units[0], new Person(new DateOnly(1990, 5, 1), false));
        var afterHire = await Admin.GetJson(Dashboard());
        Assert.That(afterHire.Int("headcount"), Is.EqualTo(2), "a hire shows in the next dashboard read");
        await Place(second, post);
        var afterFill = await Admin.GetJson(Dashboard());
        var vacancy = afterFill.GetProperty("vacancy");
        Assert.That((vacancy.Int("filled"), vacancy.Int("vacant")), Is.EqualTo((2, 1)), "a filled post shows in the next dashboard read");
        var normsAfter = await Admin.GetJson($"/api/insights/org-units/{street}/norms");
        int Filled(System.Text.Json.JsonElement n) => n.GetProperty("lines").EnumerateArray().Single(l => l.Id() == units[0]).Int("filled");
        Assert.That((Filled(norms), Filled(normsAfter)), Is.EqualTo((1, 2)), "the norms read sees the new posting");
        var forecastAfter = await Admin.GetJson($"/api/insights/org-units/{street}/forecast");
        Assert.That((forecast.GetProperty("total").Int("headcount"), forecastAfter.GetProperty("total").Int("headcount")), Is.EqualTo((1, 2)));

        // CompetencyFramework: a 全岗通 certification shows in the next read.
        var line = (await Admin.GetJson("/api/competency/service-lines")).EnumerateArray().First();
        await Admin.PostAsJsonAsync("/api/competency/certifications", new
        {
            workerId = second, lineId = line.Id(), score = 80, passMark = 60, certifiedOn = Today.AddDays(-3).ToString("yyyy-MM-dd"), validMonths = 12,
        }).Ok(HttpStatusCode.Created);
        var afterCertification = await Admin.GetJson(Dashboard());
        Assert.That(afterCertification.GetProperty("allRound").Int("certified"), Is.EqualTo(1));

        // Training: a social-work certificate shows in the next read.
        await Admin.PostAsJsonAsync("/api/training/certificates", new
        {
            workerId = first, kind = "social-work", level = "assistant", number = $"SW{Next()}", issuedOn = "2023-06-01", registeredOn = "2023-07-01",
        }).Ok(HttpStatusCode.Created);
        var afterCertificate = await Admin.GetJson(Dashboard());
        Assert.That(afterCertificate.GetProperty("certification").Int("certified"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_large_dashboard_is_recomputed_in_the_background_after_a_write_and_shows_it_within_seconds()
    {
        var from = CommunityWorkforce.Insights.Dashboard.DashboardReader.ServeWhileRefreshingFrom;
        try
        {
            // Every dashboard counts as large here (a city's, in production: 5,000 people and more).
            CommunityWorkforce.Insights.Dashboard.DashboardReader.ServeWhileRefreshingFrom = 1;
            var (street, units) = await NewStreet(5000);
            await NewWorker(units[0], new Person(new DateOnly(1984, 2, 1), true));
            string Dashboard() => $"/api/insights/org-units/{street}/dashboard";
            Assert.That((await Admin.GetJson(Dashboard())).Int("headcount"), Is.EqualTo(1));

            await NewWorker(units[0], new Person(new DateOnly(1991, 7, 1), false));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var right = (await Admin.GetJson(Dashboard())).Int("headcount");
            Assert.That(right, Is.EqualTo(1).Or.EqualTo(2), "right after the write: as it was, or already recomputed");
            var seen = right;
            while (seen != 2 && watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
                seen = (await Admin.GetJson(Dashboard())).Int("headcount");
            }
            Assert.That(seen, Is.EqualTo(2), $"the hire shows without another write (after {watch.ElapsedMilliseconds} ms)");

            // The figures are kept per unit and shared; the trail is each caller's own.
            var leader = await NewAccount("leader", street);
            var leaders = await leader.GetJson(Dashboard());
            Assert.That((leaders.Int("headcount"), leaders.GetProperty("trail").GetArrayLength()), Is.EqualTo((2, 1)));
            Assert.That((await Admin.GetJson(Dashboard())).GetProperty("trail").GetArrayLength(), Is.EqualTo(3));
        }
        finally
        {
            CommunityWorkforce.Insights.Dashboard.DashboardReader.ServeWhileRefreshingFrom = from;
        }
    }

    [Test]
    public async Task Two_callers_with_different_scopes_never_share_a_cached_dashboard()
    {
        var street = await OrgTree.IdByCode(Hr, CwHost.DemoStreetCode);
        // Admin reads first, so an entry shared by key would hand the leader the admin's whole trail (city → street).
        var admin = await Admin.GetJson($"/api/insights/org-units/{street}/dashboard");
        var leader = await Leader.GetJson($"/api/insights/org-units/{street}/dashboard");
        var adminAgain = await Admin.GetJson($"/api/insights/org-units/{street}/dashboard");
        Assert.Multiple(() =>
        {
            Assert.That(admin.GetProperty("trail").EnumerateArray().Select(t => t.Str("level")), Is.EqualTo(new[] { "city", "district", "street" }));
            Assert.That(leader.GetProperty("trail").EnumerateArray().Select(t => t.Id()), Is.EqualTo(new[] { street }),
                "the leader's read is not the admin's cached one");
            Assert.That(adminAgain.GetProperty("trail").GetArrayLength(), Is.EqualTo(3), "nor the other way round");
            Assert.That(leader.Int("headcount"), Is.EqualTo(admin.Int("headcount")));
        });

        // A leader of another street cannot read this street at all, cached or not.
        var (other, _) = await NewStreet(1000);
        var otherLeader = await NewAccount("leader", other);
        Assert.That((await otherLeader.GetAsync($"/api/insights/org-units/{street}/dashboard")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await otherLeader.GetJson("/api/insights/home")).Id(), Is.EqualTo(other));
    }

    [Test]
    public async Task Another_admin_starts_at_the_city_and_an_account_without_a_scope_gets_a_clear_problem()
    {
        var admin = await NewAccount("admin", null);
        var home = await admin.GetJson("/api/insights/home");
        Assert.That(home.Str("level"), Is.EqualTo("city"));

        var (street, _) = await NewStreet(1000);
        var userName = $"hr.noscope{Next()}";
        var hr = await NewAccount("hr", street, userName);
        Assert.That((await hr.GetJson("/api/insights/home")).Id(), Is.EqualTo(street));

        // The account loses its unit: its new token has no org scope.
        await Execute("UPDATE access_accounts SET org_unit_id = NULL WHERE user_name = @UserName", new { UserName = userName });
        var unscoped = await Host.ClientFor(userName, CwHost.ChangedPassword);
        var response = await unscoped.GetAsync("/api/insights/home");
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "urn:cw:problem:forbidden");
        Assert.That(problem.Str("detail"), Does.Contain("组织范围"));
    }

    private static async Task<HttpClient> NewAccount(string role, Guid? orgUnitId, string? userName = null)
    {
        userName ??= $"{role}.i{Next()}";
        var created = await Admin.PostAsJsonAsync("/api/access/accounts",
            new { userName, displayName = "测试账号", role, orgUnitId }).Ok("account", HttpStatusCode.Created);
        return await Host.ClientForNewAccount(userName, created.Str("temporaryPassword"));
    }
}
