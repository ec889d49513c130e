using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.Insights.Tests.InsightsWorld;

namespace CommunityWorkforce.Insights.Tests;

public sealed class NormsAndTransfersTests
{
    [Test]
    public async Task Every_unit_of_the_demo_street_agrees_with_Staffings_headcount_page()
    {
        var street = await OrgTree.IdByCode(Hr, CwHost.DemoStreetCode);
        var norms = await Hr.GetJson($"/api/insights/org-units/{street}/norms");
        var staffing = await Hr.GetJson($"/api/staffing/headcount?orgUnitId={street}");
        var lines = norms.GetProperty("lines").EnumerateArray().ToDictionary(l => l.Id());
        foreach (var child in staffing.GetProperty("children").EnumerateArray())
        {
            var line = lines[child.GetProperty("orgUnitId").GetGuid()];
            Assert.That((line.Int("subtreeQuota"), line.Int("subtreeFilled"), line.GetProperty("subtreeNorm").ToString(), line.Str("subtreeStatus")),
                Is.EqualTo((child.Int("quota"), child.Int("filled"), child.GetProperty("norm").ToString(), child.Str("normStatus"))), child.Str("name"));
        }
        var ranking = norms.GetProperty("ranking").EnumerateArray().Select(r => r.GetGuid()).ToList();
        var gaps = ranking.Select(id => lines[id].Int("gap")).ToList();
        Assert.That(gaps, Is.Ordered, "the most short first");
        Assert.That(ranking, Has.Count.EqualTo(lines.Values.Count(l => l.GetProperty("norm").ValueKind == System.Text.Json.JsonValueKind.Number)));
    }

    [Test]
    public async Task Transfer_suggestions_move_the_surplus_to_the_short_unit_and_one_becomes_a_rotation_request()
    {
        // A: population 1000 → norm 2, four workers posted: 2 above the norm. B: population 2000 → norm 4, one worker, room for 4.
        var (street, units) = await NewStreet(1000, 2000);
        var postA = await NewPost(units[0], 4);
        var postB = await NewPost(units[1], 5);
        var moved = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var worker = await NewWorker(units[0], new Person(new DateOnly(1985, 1, 1).AddDays(i), i % 2 == 0));
            moved.Add(worker);
            await Place(worker, postA, i < 2 ? "2018-01-01" : Today.AddMonths(-6).ToString("yyyy-MM-dd"));
        }
        await Place(await NewWorker(units[1], new Person(new DateOnly(1986, 1, 1), true)), postB);

        var norms = await Admin.GetJson($"/api/insights/org-units/{street}/norms");
        var byId = norms.GetProperty("lines").EnumerateArray().ToDictionary(l => l.Id());
        Assert.That((byId[units[0]].Int("norm"), byId[units[0]].Int("gap"), byId[units[0]].Str("status")), Is.EqualTo((2, 2, "over")));
        Assert.That((byId[units[1]].Int("norm"), byId[units[1]].Int("gap"), byId[units[1]].Str("status")), Is.EqualTo((4, -3, "short")));
        Assert.That(norms.GetProperty("ranking")[0].GetGuid(), Is.EqualTo(units[1]));

        var plan = await Admin.GetJson($"/api/insights/org-units/{street}/transfer-suggestions");
        var suggestions = plan.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(plan.GetProperty("method").Str("status"), Is.EqualTo("optimal"));
            Assert.That((plan.Int("shortBefore"), plan.Int("surplusBefore"), plan.Int("shortAfter")), Is.EqualTo((3, 2, 1)));
            Assert.That(suggestions, Has.Count.EqualTo(2), "A gives no more than its surplus");
            Assert.That(suggestions.Select(s => s.GetProperty("workerId").GetGuid()), Is.EquivalentTo(moved.Take(2)), "those due for rotation go first");
            Assert.That(suggestions.All(s => s.GetProperty("toPostId").GetGuid() == postB && s.GetProperty("fromUnitId").GetGuid() == units[0]));
            Assert.That(suggestions[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()),
                Is.EqualTo(new[] { "closes-gap", "due-for-rotation", "same-post-type", "same-street" }));
        });

        // One click: the suggestion's fields are a rotation request's body.
        var s = suggestions[0];
        var request = await Admin.PostAsJsonAsync("/api/staffing/rotation-requests", new
        {
            workerId = s.GetProperty("workerId").GetGuid(), fromPostingId = s.GetProperty("fromPostingId").GetGuid(),
            toPostId = s.GetProperty("toPostId").GetGuid(), reason = "调配建议", proposedOn = Today.AddDays(7).ToString("yyyy-MM-dd"),
        }).Ok(HttpStatusCode.Created);
        Assert.That(request.Str("status"), Is.EqualTo("submitted"));
        var again = await Admin.GetJson($"/api/insights/org-units/{street}/transfer-suggestions");
        Assert.That(again.GetProperty("suggestions").EnumerateArray().Select(x => x.GetProperty("workerId").GetGuid()),
            Is.EqualTo(new[] { suggestions[1].GetProperty("workerId").GetGuid() }),
            "the open request counts as a move made: one place left to fill, and its worker is not suggested again");
        Assert.That((again.Int("shortBefore"), again.Int("surplusBefore")), Is.EqualTo((2, 1)));

        var community = await Admin.GetAsync($"/api/insights/org-units/{units[0]}/transfer-suggestions");
        Assert.That(community.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "suggestions are for a street or a district");
    }

    [Test]
    public async Task The_demo_district_plan_is_solved_and_every_move_respects_the_norms()
    {
        var district = await OrgTree.IdByCode(Admin, "310106");
        var plan = await Admin.GetJson($"/api/insights/org-units/{district}/transfer-suggestions");
        var suggestions = plan.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.That(plan.GetProperty("method").Str("status"), Is.AnyOf("optimal", "nothing-to-move"));
        foreach (var group in suggestions.GroupBy(s => s.GetProperty("fromUnitId").GetGuid()))
        {
            var first = group.First();
            Assert.That(group.Count(), Is.LessThanOrEqualTo(first.Int("fromFilled") - first.Int("fromNorm")));
        }
        foreach (var group in suggestions.GroupBy(s => s.GetProperty("toUnitId").GetGuid()))
        {
            var first = group.First();
            Assert.That(group.Count(), Is.LessThanOrEqualTo(first.Int("toNorm") - first.Int("toFilled")));
        }
    }
}
