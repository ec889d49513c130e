using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Api.Tests;

[TestFixture]
public sealed class RateLimitTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new CwHost(new Dictionary<string, string?> { ["Auth:SignInPermitsPerMinute"] = "3" });

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public async Task Sign_in_beyond_the_per_address_limit_gets_429_with_retry_after()
    {
        using var client = _host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/auth/token", new { userName = "x.y.z", password = "whatever-123" });
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var limited = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = CwHost.DemoPassword });

        await ProblemAssert.IsProblem(limited, HttpStatusCode.TooManyRequests, "urn:cw:problem:rate-limited");
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }
}
