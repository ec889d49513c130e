using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.CareerPath.Contracts;
using static CommunityWorkforce.Insights.Tests.InsightsWorld;

namespace CommunityWorkforce.Insights.Tests;

public sealed class ForecastAndTurnoverTests
{
    [Test]
    public async Task The_forecast_counts_retirements_from_the_table_the_reserve_pool_and_states_its_method()
    {
        var (street, units) = await NewStreet(1000, 3000);
        var births = new (DateOnly Birth, bool Male, Guid Unit)[]
        {
            (Today.AddYears(-60).AddMonths(-1), true, units[0]),   // past 60: retires within the first year or is already due
            (Today.AddYears(-57), false, units[0]),                // female cadre, 55 + some months: due now or soon
            (Today.AddYears(-40), true, units[1]),
            (Today.AddYears(-30), false, units[1]),
        };
        var ids = new List<Guid>();
        foreach (var (birth, male, unit) in births)
        {
            ids.Add(await NewWorker(unit, new Person(birth, male, ServiceStart: "2016-01-01", Hire: "2016-01-01")));
        }
        await Execute("""
            INSERT INTO career_reserve_members (id, worker_id, org_unit_id, org_path, target_stage, status, nominated_on, term_start, term_end, version, created_at, updated_at)
            SELECT @Id, @Worker, u.id, u.path, 'deputy', 'active', '2026-01-01', '2026-01-01', NULL, 1, '2026-01-01', '2026-01-01'
            FROM staffing_org_units u WHERE u.id = @Unit
            """, new { Id = Guid.NewGuid(), Worker = ids[2], Unit = units[1] });

        var forecast = await Admin.GetJson($"/api/insights/org-units/{street}/forecast");
        var table = RetirementTable.Default;
        var expected = Enumerable.Range(1, 5).Select(k => births.Count(b =>
        {
            var date = table.RetirementDate(b.Birth, b.Male ? "1" : "2");
            return (k == 1 && date < Today) || (date >= Today.AddYears(k - 1) && date < Today.AddYears(k));
        })).ToList();
        var total = forecast.GetProperty("total");
        Assert.Multiple(() =>
        {
            Assert.That(forecast.Str("method"), Does.Contain("tenure band").And.Contain("80 %"));
            Assert.That(total.Int("headcount"), Is.EqualTo(4));
            Assert.That(total.Int("norm"), Is.EqualTo(2 + 6));
            Assert.That(total.GetProperty("years").EnumerateArray().Select(y => y.Int("retirements")), Is.EqualTo(expected));
            Assert.That(expected.Sum(), Is.EqualTo(2), "the two older people retire within five years");
            Assert.That(total.GetProperty("succession").Int("reservePool"), Is.EqualTo(1));
            var children = forecast.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("unit").Id());
            Assert.That(children[units[1]].GetProperty("succession").Int("reservePool"), Is.EqualTo(1));
            Assert.That(children[units[0]].GetProperty("succession").Int("reservePool"), Is.EqualTo(0));
            // Each child is projected from its own people: headcounts and retirements per child add up to the total.
            foreach (var unit in units)
            {
                Assert.That(children[unit].Int("headcount"), Is.EqualTo(births.Count(b => b.Unit == unit)));
            }
            Assert.That(Enumerable.Range(0, 5).Select(k => children.Values.Sum(c => c.GetProperty("years")[k].Int("retirements"))), Is.EqualTo(expected));
            var year5 = total.GetProperty("years")[4];
            Assert.That(year5.GetProperty("projectedHeadcount").GetDouble(), Is.LessThanOrEqualTo(2));
            Assert.That(year5.GetProperty("need").GetDouble(), Is.EqualTo(8 - year5.GetProperty("projectedHeadcount").GetDouble()).Within(0.011));
            Assert.That(year5.GetProperty("needLow").GetDouble(), Is.LessThanOrEqualTo(year5.GetProperty("needHigh").GetDouble()));
        });
        Assert.That((await Admin.GetAsync($"/api/insights/org-units/{street}/forecast?years=11")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_leaver_shows_in_turnover_by_reason_and_tenure_and_leaves_the_dashboard_at_once()
    {
        var (street, units) = await NewStreet(1000, 1000);
        var stays = await NewWorker(units[0], new Person(new DateOnly(1990, 5, 5), true, ServiceStart: "2020-01-01", Hire: "2020-01-01"));
        var leaves = await NewWorker(units[1], new Person(new DateOnly(1991, 5, 5), false, ServiceStart: "2023-01-01", Hire: "2023-01-01"));
        var early = await NewWorker(units[1], new Person(new DateOnly(1992, 5, 5), false, ServiceStart: "2022-01-01", Hire: "2022-01-01"));
        Assert.That(stays, Is.Not.EqualTo(Guid.Empty));
        var before = await Admin.GetJson($"/api/insights/org-units/{street}/dashboard");
        var leftOn = Today.AddDays(-3);
        await Admin.PostAsJsonAsync($"/api/staffing/workers/{leaves}/status", new { status = "left", effectiveOn = leftOn.ToString("yyyy-MM-dd"), reason = "辞职", version = 1 }).Ok();
        await Admin.PostAsJsonAsync($"/api/staffing/workers/{early}/status", new { status = "left", effectiveOn = "2022-06-30", reason = "调离", version = 1 }).Ok();

        var after = await Admin.GetJson($"/api/insights/org-units/{street}/dashboard");
        Assert.That(after.Int("headcount"), Is.EqualTo(before.Int("headcount") - 2));

        var turnover = await Admin.GetJson($"/api/insights/org-units/{street}/turnover?fromYear=2022&toYear={Today.Year}");
        Assert.Multiple(() =>
        {
            Assert.That(turnover.Int("leavers"), Is.EqualTo(2));
            var years = turnover.GetProperty("years").EnumerateArray().ToDictionary(y => y.Int("year"));
            Assert.That(years[2022].GetProperty("reasons").EnumerateArray().Single().Str("key"), Is.EqualTo("调离"));
            Assert.That(years[leftOn.Year].GetProperty("reasons").EnumerateArray().Single().Str("key"), Is.EqualTo("辞职"));
            var tenure = turnover.GetProperty("tenureAtLeaving").EnumerateArray().ToDictionary(t => t.Str("key"), t => t.Int("count"));
            Assert.That(tenure["0-2"], Is.EqualTo(1), "调离 after half a year");
            Assert.That(tenure["3-5"], Is.EqualTo(1), "辞职 after 3 years and more");
            var unitB = turnover.GetProperty("units").EnumerateArray().First();
            Assert.That(unitB.GetProperty("unit").Id(), Is.EqualTo(units[1]), "the unit both left from ranks first");
            Assert.That(unitB.Int("leavers"), Is.EqualTo(2));
            var retention = turnover.GetProperty("retention").EnumerateArray().ToDictionary(r => r.Int("years"));
            Assert.That((retention[1].Int("hired"), retention[1].Int("retained")), Is.EqualTo((2, 1)), "hired in the period: 2022 (left within a year) and 2023; the 2020 hire is outside it");
        });
    }
}
