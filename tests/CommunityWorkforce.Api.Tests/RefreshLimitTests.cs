using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Api.Tests;

/// <summary>
/// Every page load refreshes the session, so refreshing has its own limit, per refresh-token family (one signed-in
/// tab), while sign-in keeps its per-address limit.
/// </summary>
[TestFixture]
public sealed class RefreshLimitTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new CwHost(new Dictionary<string, string?>
    {
        ["Auth:SignInPermitsPerMinute"] = "2",
        ["Auth:RefreshPermitsPerMinute"] = "35",
    });

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public async Task Thirty_reloads_in_a_minute_keep_the_user_signed_in_and_the_limit_is_per_session_not_per_address()
    {
        using var client = _host.CreateClient();
        var tokens = await _host.SignIn("hr.linfen");

        for (var i = 0; i < 30; i++)
        {
            var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
            Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"refresh {i + 1}: {await refreshed.Content.ReadAsStringAsync()}");
            tokens = (await refreshed.Content.ReadFromJsonAsync<Tokens>(Json.Options))!;
        }

        // Sign-in from the same address still has its own, lower limit (2 a minute here: the first sign-in took one).
        var second = await _host.SignIn("leader.linfen");
        var third = await client.PostAsJsonAsync("/api/auth/token", new { userName = "worker.demo", password = CwHost.DemoPassword });
        await ProblemAssert.IsProblem(third, HttpStatusCode.TooManyRequests, "urn:cw:problem:rate-limited");

        // The first session spends its 35 refreshes; the 36th is refused, without spending the token it presented.
        for (var i = 30; i < 35; i++)
        {
            var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
            Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"refresh {i + 1}");
            tokens = (await refreshed.Content.ReadFromJsonAsync<Tokens>(Json.Options))!;
        }
        var over = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        await ProblemAssert.IsProblem(over, HttpStatusCode.TooManyRequests, "urn:cw:problem:rate-limited");
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM access_refresh_tokens WHERE token_hash = @Hash AND used_at IS NULL",
            new { Hash = HashOf(tokens.RefreshToken) }), Is.EqualTo(1), "the refused token is still unspent");

        // Another session from the same address is not affected.
        var other = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken });
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static string HashOf(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
