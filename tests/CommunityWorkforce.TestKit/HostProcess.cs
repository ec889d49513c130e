using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using NUnit.Framework;

namespace CommunityWorkforce.TestKit;

/// <summary>The API host started as its own process (<c>dotnet CommunityWorkforce.Api.dll</c>), killable.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>What the host wrote to stdout and stderr so far, line by line.</summary>
    public IReadOnlyCollection<string> Output => _output.ToArray();

    public Uri BaseAddress { get; }

    /// <param name="dataFolder">The host's data folder (a fresh one gives a fresh database).</param>
    /// <param name="workingDirectory">Where the process starts; the DLL's folder when null.</param>
    /// <param name="extraArguments">More configuration, e.g. <c>--Auth:SignInPermitsPerMinute=10</c>.</param>
    public static async Task<HostProcess> StartAsync(string dataFolder, string? workingDirectory = null, params string[] extraArguments)
    {
        var root = RepositoryRoot();
        var configuration = TestContext.CurrentContext.TestDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var dll = Path.Combine(root, "api", "CommunityWorkforce.Api", "bin", configuration, "net10.0", "CommunityWorkforce.Api.dll");
        Assert.That(File.Exists(dll), Is.True, $"{dll} is built");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in new[]
                 {
                     dll, "--urls", $"http://127.0.0.1:{port}", $"--Data:Folder={dataFolder}", "--Seed:Demo=true",
                     "--Auth:SignInPermitsPerMinute=100000", $"--Client:DistPath={Path.Combine(dataFolder, "no-client")}",
                 }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                break;
            }
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering within the probe's timeout (a busy machine): ask again until the deadline.
            }
            await Task.Delay(100);
        }
        host.Dispose();
        throw new InvalidOperationException("The host process did not become ready.");
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<HttpClient> ClientFor(string userName, string password = CwHost.DemoPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no disposal.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunityWorkforce.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CommunityWorkforce.sln not found above the test directory.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
