using System.Net;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;
using static CommunityWorkforce.Staffing.Tests.StaffingData;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// The roster's list and its Excel export read through one <c>RosterRequest</c>: for the same filters, search and sort
/// they hold the same workers in the same order (the export once had its own copy of the filter SQL).
/// </summary>
[TestFixture]
public sealed class RosterExportAgreesWithListTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _admin = await _host.ClientFor("admin");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _admin.Dispose();
        _host.Dispose();
    }

    private static IEnumerable<string> Queries()
    {
        yield return "";
        yield return "postType=staff";
        yield return "postType=head&status=all";
        yield return "q=王";
        yield return "q=丽华";
        yield return "q=CW0001";
        yield return "ageMin=40&sort=-birthDate";
        yield return "education=20&politicalStatus=13";
        yield return "serviceYearsMin=3&serviceYearsMax=8&sort=name";
        yield return "status=all&sort=-hireDate";
        yield return "orgUnitId={community}&sort=-name";
        yield return "orgUnitId={community}&postType=staff&sort=-serviceStartDate";
    }

    [TestCaseSource(nameof(Queries))]
    public async Task Export_holds_exactly_the_workers_the_list_shows(string query)
    {
        var community = await OrgTree.IdByCode(_admin, "310106021003");
        query = query.Replace("{community}", community.ToString(), StringComparison.Ordinal);

        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await _hr.GetJson($"/api/staffing/workers?{query}&pageSize=200&page={page}");
            listed.AddRange(json.Items().Select(w => w.Str("staffNo")));
            if (listed.Count >= json.GetProperty("total").GetInt32())
            {
                break;
            }
        }

        var export = await _hr.GetAsync($"/api/staffing/workers/export?{query}");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var exported = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => r["工号"]?.ToString() ?? "").ToList();

        Assert.That(listed, Is.Not.Empty, $"the demo roster has workers matching '{query}', so the comparison means something");
        Assert.That(exported, Is.EqualTo(listed), $"export vs list for '{query}'");
        if (query.Length == 0)
        {
            Assert.That(listed, Has.Count.GreaterThan(100), "the demo street's roster is there to compare");
        }
    }
}
