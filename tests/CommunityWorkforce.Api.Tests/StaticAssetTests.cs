using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Api.Tests;

/// <summary>
/// The web app as static web assets (docs/adr/0005-static-assets.md), on the host process built with the client:
/// precompressed brotli and gzip, fingerprinted files immutable for a year, index.html revalidated every time.
/// Needs <c>client/dist</c> when the host was built (<c>build/test.sh</c> builds the client first).
/// </summary>
[TestFixture]
public sealed partial class StaticAssetTests
{
    private string _dataFolder = null!;
    private HostProcess _host = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _dataFolder = Path.Combine(Path.GetTempPath(), "cw-static-assets", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataFolder);
        _host = await HostProcess.StartAsync(_dataFolder, null, "--Client:DistPath=", "--Client:Serve=true");
        _client = _host.CreateClient();
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _client.Dispose();
        _host.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [GeneratedRegex("<script type=\"module\"[^>]* src=\"/(?<path>assets/[^\"]+\\.js)\"")]
    private static partial Regex EntryScript();

    private async Task<string> EntryScriptPath()
    {
        var html = await (await Get("/", "identity")).Content.ReadAsStringAsync();
        var match = EntryScript().Match(html);
        Assert.That(match.Success, Is.True,
            "index.html names the entry script (build the client before the host: cd client && npm run build)\n" + html);
        return "/" + match.Groups["path"].Value;
    }

    private async Task<HttpResponseMessage> Get(string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        return await _client.SendAsync(request);
    }

    [TestCase("br")]
    [TestCase("gzip")]
    public async Task A_fingerprinted_script_comes_precompressed_and_cached_for_a_year_as_immutable(string encoding)
    {
        var path = await EntryScriptPath();
        var plain = await Get(path, "identity");
        var compressed = await Get(path, encoding);

        Assert.That(compressed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(compressed.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
        Assert.That(compressed.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromDays(365)));
        Assert.That(compressed.Headers.CacheControl?.Extensions.Select(e => e.Name), Does.Contain("immutable"));
        Assert.That(compressed.Headers.Vary, Does.Contain("Accept-Encoding"));
        var original = await plain.Content.ReadAsByteArrayAsync();
        var packed = await compressed.Content.ReadAsByteArrayAsync();
        Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(packed.Length, Is.LessThan(original.Length / 2), "compressed to less than half");
        Assert.That(Decompress(packed, encoding), Is.EqualTo(original), "the compressed body is the script");
    }

    [Test]
    public async Task Brotli_is_preferred_when_the_browser_accepts_both()
    {
        var response = await Get(await EntryScriptPath(), "gzip, deflate, br, zstd");

        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));
    }

    [TestCase("/")]
    [TestCase("/login")]
    [TestCase("/staffing/workers")]
    [TestCase("/index.html")]
    public async Task Index_html_is_revalidated_on_every_visit(string path)
    {
        var response = await Get(path, "br, gzip");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True, response.Headers.CacheControl?.ToString());
        Assert.That(response.Headers.CacheControl?.Extensions.Select(e => e.Name) ?? [], Does.Not.Contain("immutable"));
    }

    [Test]
    public async Task An_unknown_api_path_stays_a_404_problem_not_the_app()
    {
        var response = await Get("/api/no-such-thing", "br");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"));
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
