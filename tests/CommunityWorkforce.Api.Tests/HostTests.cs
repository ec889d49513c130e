using System.Net;
using System.Net.Http.Headers;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Api.Tests;

[TestFixture]
public sealed class HostTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new CwHost();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public async Task Health_live_and_ready_answer_anonymously()
    {
        using var client = _host.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await (await client.GetAsync("/health/ready")).ReadJson();

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.GetProperty("status").GetString(), Is.EqualTo("ready"));
    }

    [Test]
    public async Task Every_operation_in_the_openapi_document_declares_who_may_call_it()
    {
        using var client = _host.CreateClient();

        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJson();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Op: op.Value)))
            .ToList();
        Assert.That(operations, Has.Count.GreaterThan(15));
        foreach (var (name, op) in operations)
        {
            Assert.That(op.TryGetProperty("x-cw-roles", out var roles) && roles.GetArrayLength() > 0, Is.True, name);
            var anonymous = roles.EnumerateArray().Any(r => r.GetString() == "anonymous");
            Assert.That(anonymous || op.TryGetProperty("security", out _), Is.True, $"{name} has no security requirement");
        }
    }

    [Test]
    public async Task Anonymous_call_to_a_protected_endpoint_is_401_problem()
    {
        using var client = _host.CreateClient();

        await ProblemAssert.IsProblem(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "urn:cw:problem:unauthenticated");
    }

    [Test]
    public async Task Tampered_token_is_rejected()
    {
        var tokens = await _host.SignIn("worker.demo");
        var parts = tokens.AccessToken.Split('.');
        // Re-sign nothing: swap the payload for an admin-looking one and keep the old signature.
        var payload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"sub\":\"x\",\"role\":\"admin\",\"iss\":\"CommunityWorkforce\",\"aud\":\"CommunityWorkforce\",\"exp\":4102444800}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"{parts[0]}.{payload}.{parts[2]}");

        await ProblemAssert.IsProblem(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Unsigned_alg_none_token_is_rejected()
    {
        static string B64(string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
                    B64("{\"sub\":\"x\",\"role\":\"admin\",\"iss\":\"CommunityWorkforce\",\"aud\":\"CommunityWorkforce\",\"exp\":4102444800}") + ".";
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await ProblemAssert.IsProblem(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Unknown_api_route_is_404_problem()
    {
        using var client = await _host.ClientFor("admin");

        await ProblemAssert.IsProblem(await client.GetAsync("/api/nothing/here"), HttpStatusCode.NotFound);
    }

    [Test]
    public void Signing_key_is_generated_into_the_data_folder_not_the_repository()
    {
        Assert.That(File.Exists(Path.Combine(_host.DataFolder, "jwt-signing.key")), Is.True);
    }
}
