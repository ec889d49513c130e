using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Api.Tests;

/// <summary>Bad input gets a 400 problem naming the field, never a 500 and never a write.</summary>
[TestFixture]
public sealed class ProblemDetailsTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private Guid _street;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _street = await OrgTree.IdByCode(_hr, CwHost.DemoStreetCode);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _hr.Dispose();
        _host.Dispose();
    }

    private Task<HttpResponseMessage> PostRaw(string json) =>
        _hr.PostAsync("/api/staffing/org-units", new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<long> OrgUnitCount() => _host.Scalar<long>("SELECT COUNT(*) FROM staffing_org_units");

    [Test]
    public async Task Malformed_json_is_400_problem()
    {
        var before = await OrgUnitCount();

        var response = await PostRaw("{ \"code\": \"1\", ");

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "urn:cw:problem:malformed-request");
        Assert.That(await OrgUnitCount(), Is.EqualTo(before));
    }

    [Test]
    public async Task Wrong_type_names_the_field()
    {
        var response = await PostRaw($"{{ \"parentId\": \"{_street}\", \"code\": \"X1\", \"name\": \"n\", \"level\": \"community\", \"households\": \"many\" }}");

        await ProblemAssert.NamesField(response, "households");
    }

    [Test]
    public async Task Unknown_field_is_refused_and_named()
    {
        var response = await PostRaw($"{{ \"parentId\": \"{_street}\", \"code\": \"X2\", \"name\": \"n\", \"level\": \"community\", \"isAdmin\": true }}");

        await ProblemAssert.NamesField(response, "isAdmin");
    }

    [Test]
    public async Task Missing_fields_are_each_named()
    {
        var response = await _hr.PostAsJsonAsync("/api/staffing/org-units", new { parentId = _street });

        var problem = await ProblemAssert.NamesField(response, "code");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.That(fields, Is.SupersetOf(new[] { "code", "name", "level" }));
    }

    [Test]
    public async Task Oversized_string_is_refused_without_a_write()
    {
        var before = await OrgUnitCount();

        var response = await _hr.PostAsJsonAsync("/api/staffing/org-units",
            new { parentId = _street, code = "X3", name = new string('长', 5000), level = "community" });

        await ProblemAssert.NamesField(response, "name");
        Assert.That(await OrgUnitCount(), Is.EqualTo(before));
    }

    [Test]
    public async Task Invalid_enum_code_and_negative_number_are_named()
    {
        var response = await _hr.PostAsJsonAsync("/api/staffing/org-units",
            new { parentId = _street, code = "X4", name = "n", level = "galaxy", households = -5 });

        var problem = await ProblemAssert.NamesField(response, "level");
        Assert.That(problem.GetProperty("errors").TryGetProperty("households", out _), Is.True);
    }

    [Test]
    public async Task Invalid_date_is_named()
    {
        var unit = await _hr.PostAsJsonAsync("/api/staffing/org-units",
            new { parentId = _street, code = "X5", name = "日期测试", level = "community" });
        var id = (await unit.ReadJson()).GetProperty("id").GetGuid();

        var response = await _hr.PostAsync($"/api/staffing/org-units/{id}/close",
            new StringContent("{ \"closedOn\": \"2026-02-31\", \"reason\": \"r\", \"version\": 1 }", Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesField(response, "closedOn");
    }

    [Test]
    public async Task Non_guid_path_id_is_404_problem_not_500()
    {
        var response = await _hr.GetAsync("/api/staffing/org-units/not-a-guid");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Problems_speak_english_when_asked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staffing/org-units")
        {
            Content = JsonContent.Create(new { parentId = _street }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = await (await _hr.SendAsync(request)).ReadJson();

        Assert.That(problem.GetProperty("errors").GetProperty("code")[0].GetString(), Is.EqualTo("Required."));
    }
}
