using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.CompetencyFramework.Tests.CompetencyData;

namespace CommunityWorkforce.CompetencyFramework.Tests;

/// <summary>全岗通 certifications, a unit's coverage matrix, expiring certifications, and the workbench cards.</summary>
[TestFixture]
public sealed class CertificationAndWorkbenchTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;
    private Guid _unit;
    private Guid _a;
    private Guid _b;
    private Dictionary<string, Guid> _lines = null!;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
        // A new community with two new workers, so that the matrix holds only what this fixture certifies.
        var street = await OrgTree.IdByCode(_hr, Linfen);
        var code = "3101060219" + (Next() % 90 + 10);
        _unit = (await _hr.PostAsJsonAsync("/api/staffing/org-units", new
        {
            parentId = street, code, name = $"测试居委会{code}", level = "community", households = 1500, population = 3600,
        }).Ok(HttpStatusCode.Created)).Id();
        _a = await NewWorker();
        _b = await NewWorker();
        _lines = (await _hr.GetJson("/api/competency/service-lines")).EnumerateArray().ToDictionary(l => l.Str("code"), l => l.Id());
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        foreach (var client in new[] { _hr, _leader, _worker })
        {
            client.Dispose();
        }
        _host.Dispose();
    }

    private async Task<Guid> NewWorker()
    {
        var n = Next();
        var birth = new DateOnly(1980, 1, 1).AddDays(n * 37);
        var first17 = "440305" + birth.ToString("yyyyMMdd") + "013";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var check = "10X98765432"[first17.Select((ch, i) => (ch - '0') * weights[i]).Sum() % 11];
        var worker = await _hr.PostAsJsonAsync("/api/staffing/workers", new
        {
            name = "全岗通测试" + "甲乙丙丁戊己庚辛壬癸"[n % 10] + "甲乙丙丁戊己庚辛壬癸"[n / 10 % 10], idNumber = first17 + check, ethnicGroup = "01",
            politicalStatus = "13", education = "21", phone = "1380000" + n.ToString("D4"), hireDate = "2020-01-01",
            serviceStartDate = "2019-01-01", orgUnitId = _unit,
        }).Ok(HttpStatusCode.Created);
        return worker.Id();
    }

    /// <summary>A certification valid for 12 months that expires on <paramref name="expiresOn"/>.</summary>
    private Task<HttpResponseMessage> Certify(Guid workerId, string line, int score, DateOnly expiresOn, int passMark = 60, int validMonths = 12) =>
        _hr.PostAsJsonAsync("/api/competency/certifications", new
        {
            workerId, lineId = _lines[line], score, passMark, certifiedOn = expiresOn.AddDays(1).AddMonths(-validMonths).ToString("yyyy-MM-dd"),
            validMonths, resitCount = score < passMark ? 1 : 0,
        });

    [Test]
    public async Task Certifications_filtered_by_worker_hold_exactly_that_workers_rows_of_the_whole_list()
    {
        // The worker filter runs its own SQL (read by the worker's index): it must agree with the unfiltered list.
        var all = await _hr.AllItems("/api/competency/certifications");
        var workers = all.GroupBy(r => r.GetProperty("workerId").GetGuid()).ToList();
        Assert.That(workers, Has.Count.GreaterThan(1), "certifications of several workers");
        foreach (var worker in workers.Take(4))
        {
            var filtered = await _hr.GetJson($"/api/competency/certifications?workerId={worker.Key}&pageSize=200");
            Assert.That(filtered.GetProperty("total").GetInt32(), Is.EqualTo(worker.Count()), $"certifications of {worker.Key}");
            Assert.That(filtered.Items().Select(r => r.GetProperty("id").GetGuid()), Is.EquivalentTo(worker.Select(r => r.GetProperty("id").GetGuid())));
        }
    }

    [Test]
    public async Task The_coverage_matrix_flags_uncovered_lines_and_single_points_of_failure()
    {
        var later = Today.AddMonths(6);
        await Certify(_a, "civil-affairs", 85, later).Ok(HttpStatusCode.Created);
        await Certify(_b, "civil-affairs", 90, later).Ok(HttpStatusCode.Created);
        await Certify(_a, "elderly-care", 75, later).Ok(HttpStatusCode.Created);
        await Certify(_b, "mediation", 50, later).Ok(HttpStatusCode.Created);
        await Certify(_b, "health", 80, Today.AddDays(-1)).Ok(HttpStatusCode.Created);

        var matrix = await _leader.GetJson($"/api/competency/coverage?orgUnitId={_unit}");

        var coverage = matrix.GetProperty("coverage").EnumerateArray().ToDictionary(c => c.Str("lineCode"));
        Assert.That(coverage["civil-affairs"].Int("holders"), Is.EqualTo(2));
        Assert.That(coverage["elderly-care"].GetProperty("singlePointOfFailure").GetBoolean(), Is.True);
        Assert.That(coverage["mediation"].GetProperty("uncovered").GetBoolean(), Is.True, "a failed exam covers nothing");
        Assert.That(coverage["health"].GetProperty("uncovered").GetBoolean(), Is.True, "an expired certification covers nothing");
        Assert.That(coverage.Count, Is.EqualTo(9));
        var b = matrix.GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("workerId").GetGuid() == _b);
        Assert.That(b.GetProperty("lapsedLines").EnumerateArray().Select(l => l.GetString()), Is.EquivalentTo(new[] { "mediation", "health" }));

        await ProblemAssert.IsProblem(await Certify(_a, "civil-affairs", 70, later), HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        await ProblemAssert.NamesField(await Certify(_a, "disability", 101, later), "score");
        await ProblemAssert.NamesField(await Certify(_a, "disability", 80, later, validMonths: 0), "validMonths");
        var expiry = matrix.GetProperty("workers").EnumerateArray().Count();
        Assert.That(expiry, Is.EqualTo(2));
        var listed = await _hr.GetJson($"/api/competency/certifications?workerId={_b}&lineId={_lines["health"]}");
        Assert.That(listed.Items().Single().GetProperty("expiresOn").GetString(), Is.EqualTo(Today.AddDays(-1).ToString("yyyy-MM-dd")));
        Assert.That(listed.Items().Single().GetProperty("valid").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Certifications_expiring_within_90_days_are_listed_and_counted_on_hrs_workbench()
    {
        await Certify(_a, "party-building", 88, Today.AddDays(30)).Ok(HttpStatusCode.Created);
        await Certify(_b, "party-building", 88, Today.AddDays(200)).Ok(HttpStatusCode.Created);

        var expiring = await _hr.GetJson("/api/competency/certifications/expiring?withinDays=90&pageSize=200");

        var mine = expiring.Items().Where(c => c.GetProperty("workerId").GetGuid() == _a || c.GetProperty("workerId").GetGuid() == _b).ToList();
        Assert.That(mine.Select(c => (c.GetProperty("workerId").GetGuid(), c.Str("lineCode"))), Does.Contain((_a, "party-building")));
        Assert.That(mine.Select(c => (c.GetProperty("workerId").GetGuid(), c.Str("lineCode"))), Does.Not.Contain((_b, "party-building")));
        var card = await Card(_hr, "competency.certifications-expiring");
        Assert.That(card.Int("count"), Is.EqualTo(expiring.Int("total")));
    }

    [Test]
    public async Task A_worker_sees_only_their_own_certifications()
    {
        var me = await _host.Scalar<Guid>("SELECT id FROM staffing_workers WHERE staff_no = 'CW000001'");

        var page = await _worker.GetJson("/api/competency/certifications?pageSize=200");

        Assert.That(page.Items().Select(c => c.GetProperty("workerId").GetGuid()).Distinct(), Is.SubsetOf(new[] { me }));
        var theirs = await _worker.GetJson($"/api/competency/certifications?workerId={_a}");
        Assert.That(theirs.Int("total"), Is.Zero);
        Assert.That((await _worker.GetAsync($"/api/competency/coverage?orgUnitId={_unit}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Every_competency_card_counts_exactly_the_list_it_links_to()
    {
        // Something waiting for each role: an open campaign for 汾西路 (worker.demo's community) and an overdue one.
        var (frameworkId, _) = await DefaultFramework(_hr);
        var fenxi = await OrgTree.IdByCode(_hr, Fenxi);
        await CreateCampaign(_hr, frameworkId, fenxi, ["staff", "deputy", "head"]);
        var past = await _hr.PostAsJsonAsync("/api/competency/campaigns", new
        {
            name = "逾期测评", frameworkId, orgUnitId = fenxi, postTypes = new[] { "staff" },
            periodStart = Today.AddMonths(-3).ToString("yyyy-MM-dd"), periodEnd = Today.AddDays(-20).ToString("yyyy-MM-dd"),
            deadline = Today.AddDays(-10).ToString("yyyy-MM-dd"),
        }).Ok(HttpStatusCode.Created);
        Assert.That(past.GetProperty("overdue").GetBoolean(), Is.True);

        var seen = new List<string>();
        foreach (var client in new[] { _hr, _leader, _worker })
        {
            var todos = await client.GetJson("/api/me/todos");
            foreach (var todo in todos.GetProperty("todos").EnumerateArray().Where(t => t.Str("module") == "competency"))
            {
                var list = await client.GetJson("/api" + todo.Str("apiList"));
                Assert.That(todo.Int("count"), Is.EqualTo(list.Int("total")), todo.Str("key"));
                Assert.That(todo.Int("count"), Is.GreaterThan(0));
                seen.Add(todo.Str("key"));
            }
        }
        Assert.That(seen, Is.SupersetOf(new[]
        {
            "competency.self-assessments-waiting", "competency.supervisor-assessments-waiting", "competency.campaigns-overdue",
        }));
        Assert.That((await Card(_worker, "competency.self-assessments-waiting")).Int("count"), Is.GreaterThanOrEqualTo(2));
    }

    private static async Task<JsonElement> Card(HttpClient client, string key)
    {
        var todos = await client.GetJson("/api/me/todos");
        return todos.GetProperty("todos").EnumerateArray().Single(t => t.Str("key") == key);
    }
}
