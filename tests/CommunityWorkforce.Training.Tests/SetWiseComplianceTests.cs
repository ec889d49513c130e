using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using CommunityWorkforce.Training.Contracts;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static CommunityWorkforce.Training.Tests.TrainingData;

namespace CommunityWorkforce.Training.Tests;

/// <summary>
/// The set-wise compliance contract (CareerPath's scope eligibility reads it) gives every worker of a subtree exactly the
/// standing the per-worker contract gives.
/// </summary>
[TestFixture]
public sealed class SetWiseComplianceTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task The_subtree_standing_agrees_with_the_per_worker_standing_for_every_worker()
    {
        // A mandatory course meant for heads only, so that the audience rule sets workers apart.
        var headsOnly = (await _hr.PostAsJsonAsync("/api/training/courses", new
        {
            code = $"T-HEAD-{Next():D4}", title = "主任必修" + Next(), category = "policy", delivery = "classroom", hours = 2m, mandatory = true,
            openEnrolment = true, audiencePostTypes = new[] { "head" }, competencies = Array.Empty<object>(),
        }).Ok(HttpStatusCode.Created)).Str("code");
        var asOf = Today;
        await using var scope = _host.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ITrainingQueries>();

        var city = await queries.ComplianceOfSubtreeAsync("/%", asOf, CancellationToken.None);
        List<(Guid Id, string Path)> workers;
        await using (var db = Db.Open(_host))
        {
            workers = (await db.QueryAsync("""
                SELECT w.id, u.path FROM staffing_workers w JOIN staffing_org_units u ON u.id = w.org_unit_id WHERE w.status <> 'left'
                """)).Select(r => (Id: Db.AsGuid((object)r.id), Path: (string)r.path)).ToList();
        }
        Assert.That(city.Keys, Is.EquivalentTo(workers.Select(w => w.Id)), "every worker who has not left, and only them");

        foreach (var (id, _) in workers)
        {
            var one = await queries.ComplianceAsync(id, asOf, CancellationToken.None);
            var set = city[id];
            Assert.Multiple(() =>
            {
                Assert.That(set.Year, Is.EqualTo(one.Year), $"year of {id}");
                Assert.That(set.HoursDone, Is.EqualTo(one.HoursDone), $"hours of {id}");
                Assert.That(set.HoursRequired, Is.EqualTo(one.HoursRequired), $"required hours of {id}");
                Assert.That(set.OverdueCourseCodes, Is.EqualTo(one.OverdueCourseCodes), $"overdue courses of {id}");
            });
        }
        // The data set tells the rules apart: hours done, an audience that includes some and not others, compliant or not.
        Assert.That(city.Values.Count(c => c.HoursDone > 0), Is.GreaterThan(0));
        Assert.That(city.Values.Count(c => c.OverdueCourseCodes.Contains(headsOnly)), Is.GreaterThan(0).And.LessThan(city.Count));
        Assert.That(city.Values.Select(c => c.OverdueCourseCodes.Count).Distinct().Count(), Is.GreaterThan(1));

        // A subtree: the demo street's workers only, with the same standing.
        var street = await _host.Scalar<string>("SELECT path FROM staffing_org_units WHERE code = @C", new { C = CwHost.DemoStreetCode });
        var streetStanding = await queries.ComplianceOfSubtreeAsync(street + "%", asOf, CancellationToken.None);
        Assert.That(streetStanding.Keys, Is.EquivalentTo(workers.Where(w => w.Path.StartsWith(street, StringComparison.Ordinal)).Select(w => w.Id)));
        Assert.That(streetStanding.Keys, Is.Not.Empty);
        foreach (var (id, standing) in streetStanding)
        {
            Assert.That(standing.OverdueCourseCodes, Is.EqualTo(city[id].OverdueCourseCodes));
            Assert.That(standing.HoursDone, Is.EqualTo(city[id].HoursDone));
        }
    }
}
