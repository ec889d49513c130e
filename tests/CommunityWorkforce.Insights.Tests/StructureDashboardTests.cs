using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using Dapper;
using MiniExcelLibs;
using static CommunityWorkforce.Insights.Tests.InsightsWorld;

namespace CommunityWorkforce.Insights.Tests;

/// <summary>Every dashboard figure against a direct count: on a street built with known people, and on the demo street.</summary>
public sealed class StructureDashboardTests
{
    private static int Count(JsonElement list, string key, string keyProperty = "key") =>
        list.EnumerateArray().Single(e => e.Str(keyProperty) == key).Int("count");

    private static DateOnly YearsAgo(int years, int days = 10) => Today.AddYears(-years).AddDays(-days);

    [Test]
    public async Task The_dashboard_and_forecast_read_wide_and_matched_here_equal_the_reads_of_the_subtree()
    {
        // A large subtree reads everyone's certifications, grades and post types and keeps its own (WideFrom); the demo
        // street is small, so lower the thresholds and compare. The write between (a new street elsewhere) only makes
        // the second reads miss the cache.
        var street = await OrgTree.IdByCode(Admin, CwHost.DemoStreetCode);
        var narrow = (await Admin.GetJson($"/api/insights/org-units/{street}/dashboard")).ToString()
                     + (await Admin.GetJson($"/api/insights/org-units/{street}/forecast")).ToString();
        var (dashboardFrom, forecastFrom) = (CommunityWorkforce.Insights.Dashboard.DashboardSql.WideFrom, CommunityWorkforce.Insights.Forecast.ForecastSql.WideFrom);
        try
        {
            CommunityWorkforce.Insights.Dashboard.DashboardSql.WideFrom = 0;
            CommunityWorkforce.Insights.Forecast.ForecastSql.WideFrom = 0;
            await NewStreet(1000);
            var wide = (await Admin.GetJson($"/api/insights/org-units/{street}/dashboard")).ToString()
                       + (await Admin.GetJson($"/api/insights/org-units/{street}/forecast")).ToString();
            Assert.That(wide, Is.EqualTo(narrow));
            Assert.That(narrow, Does.Contain("\"allRound\"").Or.Contain("\"grades\""), "the dashboard has the figures compared");
        }
        finally
        {
            CommunityWorkforce.Insights.Dashboard.DashboardSql.WideFrom = dashboardFrom;
            CommunityWorkforce.Insights.Forecast.ForecastSql.WideFrom = forecastFrom;
        }
    }

    [Test]
    public async Task A_known_street_shows_exactly_its_people_posts_certificates_and_grades()
    {
        var (street, units) = await NewStreet(1000, 2000);
        var people = new[]
        {
            (units[0], new Person(YearsAgo(25), true, "21", "01", "2024-01-01", "2024-01-01")),   // <30 male, bachelor, CPC, 0-2 years
            (units[0], new Person(YearsAgo(33), false, "31", "13", "2018-01-01", "2018-01-01")),  // 30-34 female, college, masses
            (units[0], new Person(YearsAgo(47), false, "14", "07", "2008-01-01", "2010-01-01")),  // 45-49 female, master, democratic
            (units[1], new Person(YearsAgo(58), true, "61", "01", "1995-01-01", "1995-01-01")),   // 55-59 male, senior high, CPC, 21+
        };
        var ids = new List<Guid>();
        foreach (var (unit, p) in people)
        {
            ids.Add(await NewWorker(unit, p));
        }
        var postA = await NewPost(units[0], 4);
        var postB = await NewPost(units[1], 5);
        await Place(ids[0], postA, "2024-01-01");
        await Place(ids[1], postA);
        await Place(ids[3], postB);
        await Admin.PostAsJsonAsync("/api/training/certificates", new
        {
            workerId = ids[1], kind = "social-work", level = "assistant", number = $"SW{Next()}", issuedOn = "2023-06-01", registeredOn = "2023-07-01",
        }).Ok(HttpStatusCode.Created);
        var line = (await Admin.GetJson("/api/competency/service-lines")).EnumerateArray().First();
        await Admin.PostAsJsonAsync("/api/competency/certifications", new
        {
            workerId = ids[2], lineId = line.Id(), score = 90, passMark = 60, certifiedOn = Today.AddMonths(-1).ToString("yyyy-MM-dd"), validMonths = 24,
        }).Ok(HttpStatusCode.Created);
        await Execute("""
            INSERT INTO career_grade_history (id, worker_id, post_type, level, from_date, reason, is_current, created_at)
            VALUES (@A, @WA, 'staff', 3, '2024-01-01', 'test', 1, '2026-01-01'), (@B, @WB, 'staff', 3, '2024-01-01', 'test', 1, '2026-01-01'),
                   (@C, @WC, 'head', 9, '2020-01-01', 'test', 1, '2026-01-01')
            """, new { A = Guid.NewGuid(), WA = ids[0], B = Guid.NewGuid(), WB = ids[1], C = Guid.NewGuid(), WC = ids[3] });

        var d = await Admin.GetJson($"/api/insights/org-units/{street}/dashboard");

        Assert.Multiple(() =>
        {
            Assert.That(d.Int("headcount"), Is.EqualTo(4));
            Assert.That(d.GetProperty("children").EnumerateArray().Select(c => (c.Id(), c.Int("headcount"))),
                Is.EqualTo(new[] { (units[0], 3), (units[1], 1) }));
            var pyramid = d.GetProperty("agePyramid").EnumerateArray().ToDictionary(a => a.Str("band"), a => (a.Int("male"), a.Int("female")));
            Assert.That(pyramid["<30"], Is.EqualTo((1, 0)));
            Assert.That(pyramid["30-34"], Is.EqualTo((0, 1)));
            Assert.That(pyramid["45-49"], Is.EqualTo((0, 1)));
            Assert.That(pyramid["55-59"], Is.EqualTo((1, 0)));
            Assert.That(pyramid.Values.Sum(v => v.Item1 + v.Item2), Is.EqualTo(4));
            var education = d.GetProperty("education");
            Assert.That((Count(education, "10"), Count(education, "20"), Count(education, "30"), Count(education, "60")), Is.EqualTo((1, 1, 1, 1)));
            var political = d.GetProperty("political");
            Assert.That((Count(political, "01"), Count(political, "13"), Count(political, "democratic")), Is.EqualTo((2, 1, 1)));
            var service = d.GetProperty("service");
            Assert.That((Count(service, "0-2"), Count(service, "6-10"), Count(service, "16-20"), Count(service, "21+")), Is.EqualTo((1, 1, 1, 1)));
            var cert = d.GetProperty("certification");
            Assert.That((cert.Int("certified"), cert.GetProperty("rate").GetDecimal(), cert.GetProperty("target").GetDecimal(), cert.GetProperty("meetsTarget").GetBoolean()),
                Is.EqualTo((1, 0.25m, 0.5m, false)));
            var allRound = d.GetProperty("allRound");
            Assert.That((allRound.Int("certified"), allRound.GetProperty("rate").GetDecimal()), Is.EqualTo((1, 0.25m)));
            var shown = allRound.GetProperty("lines").EnumerateArray().Single();
            Assert.That((shown.Str("key"), shown.Int("count")), Is.EqualTo((line.Str("code"), 1)));
            Assert.That((shown.Str("nameZh"), shown.Str("nameEn")), Is.EqualTo((line.Str("nameZh"), line.Str("nameEn"))),
                "the 全岗通 line is shown by CompetencyFramework's name, not its code");
            Assert.That(shown.Str("nameZh"), Is.Not.EqualTo(shown.Str("key")));
            Assert.That(d.GetProperty("grades").EnumerateArray().Select(g => (g.Str("postType"), g.Int("level"), g.Int("count"))),
                Is.EquivalentTo(new[] { ("head", 9, 1), ("staff", 3, 2) }));
            Assert.That(d.Int("ungraded"), Is.EqualTo(1));
            var vacancy = d.GetProperty("vacancy");
            Assert.That((vacancy.Int("quota"), vacancy.Int("filled"), vacancy.Int("vacant"), vacancy.GetProperty("rate").GetDecimal()),
                Is.EqualTo((9, 3, 6, 0.6667m)));
            Assert.That(d.GetProperty("appraisal").GetProperty("year").ValueKind, Is.EqualTo(JsonValueKind.Null), "no appraisal in a new street");
            Assert.That(d.GetProperty("trail").EnumerateArray().Select(t => t.Str("level")), Is.EqualTo(new[] { "city", "district", "street" }));
        });

        // Real time: a write shows on the next read (the cache is invalidated by the write).
        await NewWorker(units[1], new Person(YearsAgo(40), true));
        var after = await Admin.GetJson($"/api/insights/org-units/{units[1]}/dashboard");
        Assert.That(after.Int("headcount"), Is.EqualTo(2));
    }

    [Test]
    public async Task The_demo_streets_figures_agree_with_direct_counts_of_the_database()
    {
        var street = await OrgTree.IdByCode(Hr, CwHost.DemoStreetCode);
        var d = await Hr.GetJson($"/api/insights/org-units/{street}/dashboard");
        await using var db = Db.Open(Host);
        var rows = (await db.QueryAsync<(string Birth, string Gender, string Education)>("""
            SELECT w.birth_date, w.gender, w.education FROM staffing_workers w JOIN staffing_org_units u ON u.id = w.org_unit_id
            WHERE u.path LIKE '/310000/310106/310106021/%' AND w.status <> 'left'
            """)).ToList();
        var certified = await db.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM staffing_workers w JOIN staffing_org_units u ON u.id = w.org_unit_id
            WHERE u.path LIKE '/310000/310106/310106021/%' AND w.status <> 'left'
              AND w.id IN (SELECT worker_id FROM training_certificates WHERE kind = 'social-work')
            """);
        var quota = await db.ExecuteScalarAsync<int>("""
            SELECT SUM(p.quota) FROM staffing_posts p JOIN staffing_org_units u ON u.id = p.org_unit_id
            WHERE u.path LIKE '/310000/310106/310106021/%' AND p.status = 'active'
            """);
        var year = await db.ExecuteScalarAsync<int?>("SELECT MAX(year) FROM performance_cycles WHERE kind = 'annual' AND status IN ('published', 'closed')");
        var excellent = await db.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM performance_participants p JOIN performance_cycles c ON c.id = p.cycle_id
            WHERE c.kind = 'annual' AND c.year = @Year AND c.status IN ('published', 'closed') AND p.grade = 'excellent' AND p.org_path LIKE '/310000/310106/310106021/%'
            """, new { Year = year });

        Assert.That(rows, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(d.Int("headcount"), Is.EqualTo(rows.Count));
            Assert.That(d.GetProperty("agePyramid").EnumerateArray().Sum(a => a.Int("female")), Is.EqualTo(rows.Count(r => r.Gender == "2")));
            Assert.That(Count(d.GetProperty("education"), "20"), Is.EqualTo(rows.Count(r => r.Education.StartsWith('2'))));
            Assert.That(d.GetProperty("certification").Int("certified"), Is.EqualTo(certified));
            Assert.That(d.GetProperty("vacancy").Int("quota"), Is.EqualTo(quota));
            Assert.That(d.GetProperty("children").EnumerateArray().Sum(c => c.Int("headcount")), Is.LessThanOrEqualTo(rows.Count));
        });
        if (year is not null)
        {
            var appraisal = d.GetProperty("appraisal");
            Assert.That(appraisal.Int("year"), Is.EqualTo(year));
            var grades = appraisal.GetProperty("grades").EnumerateArray().ToDictionary(g => g.Str("key"), g => g.Int("count"));
            Assert.That(grades.GetValueOrDefault("excellent"), Is.EqualTo(excellent));
        }
    }

    [Test]
    public async Task The_export_holds_the_dashboards_tables_and_is_audited()
    {
        var street = await OrgTree.IdByCode(Hr, CwHost.DemoStreetCode);
        var d = await Hr.GetJson($"/api/insights/org-units/{street}/dashboard");
        var response = await Hr.GetAsync($"/api/insights/org-units/{street}/dashboard/export");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.That(MiniExcel.GetSheetNames(stream), Does.Contain("年龄结构").And.Contain("下级单位"));
        stream.Position = 0;
        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "概况").Cast<IDictionary<string, object>>().ToList();
        Assert.That(Convert.ToInt32(summary.Single(r => (string)r["项目"] == "在册人数")["数值"]), Is.EqualTo(d.Int("headcount")));
        stream.Position = 0;
        var ages = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "年龄结构").Cast<IDictionary<string, object>>().ToList();
        Assert.That(ages.Sum(r => Convert.ToInt32(r["男"]) + Convert.ToInt32(r["女"]) + Convert.ToInt32(r["其他"])), Is.EqualTo(d.Int("headcount")));
        Assert.That(await Scalar<int>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'insights.dashboard.exported'"), Is.GreaterThan(0));
    }

    [Test]
    public async Task Hr_drills_from_the_city_to_a_community_and_the_leader_sees_only_their_street()
    {
        var home = await Admin.GetJson("/api/insights/home");
        Assert.That(home.Str("level"), Is.EqualTo("city"));
        var city = await Admin.GetJson($"/api/insights/org-units/{home.Id()}/dashboard");
        var jingan = city.GetProperty("children").EnumerateArray().Single(c => c.Str("code") == "310106");
        var district = await Admin.GetJson($"/api/insights/org-units/{jingan.Id()}/dashboard");
        Assert.That(district.Int("headcount"), Is.EqualTo(jingan.Int("headcount")));
        var linfen = district.GetProperty("children").EnumerateArray().Single(c => c.Str("code") == CwHost.DemoStreetCode);
        var street = await Admin.GetJson($"/api/insights/org-units/{linfen.Id()}/dashboard");
        var community = street.GetProperty("children").EnumerateArray().First(c => c.Str("level") == "community");
        var leaf = await Admin.GetJson($"/api/insights/org-units/{community.Id()}/dashboard");
        Assert.That(leaf.Int("headcount"), Is.EqualTo(community.Int("headcount")));

        var leaderHome = await Leader.GetJson("/api/insights/home");
        Assert.That(leaderHome.Id(), Is.EqualTo(linfen.Id()));
        Assert.That((await Leader.GetAsync($"/api/insights/org-units/{jingan.Id()}/dashboard")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Leader.GetAsync($"/api/insights/org-units/{home.Id()}/forecast")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var leaderView = await Leader.GetJson($"/api/insights/org-units/{linfen.Id()}/dashboard");
        Assert.That(leaderView.Int("headcount"), Is.EqualTo(street.Int("headcount")));
        Assert.That(leaderView.GetProperty("trail").EnumerateArray().Select(t => t.Id()), Is.EqualTo(new[] { linfen.Id() }), "the trail stops at the leader's scope");
        Assert.That((await Worker.GetAsync($"/api/insights/org-units/{community.Id()}/dashboard")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Worker.GetAsync("/api/insights/home")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
