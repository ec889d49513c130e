using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.Staffing.Workers;
using Dapper;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace CommunityWorkforce.Bench;

/// <param name="Only">Module names (<see cref="IBenchModule.Name"/>) to measure; null measures every module and writes the whole report,
/// otherwise only those modules' rows of the existing report are replaced (or added), each noting when and under what load.</param>
internal sealed record RunOptions(string DataFolder, string RepoRoot, string Output, int Duration, int Connections, bool Smoke,
    IReadOnlySet<string>? Only = null);

/// <summary>One measured scenario, as a row of docs/benchmarks.md.</summary>
internal sealed record Result(string Scenario, string Load, double? RequestsPerSecond, double? P50Ms, double? P95Ms, string Target, bool? Met, string Note = "");

/// <summary>
/// Starts the host in Release on the generated database and measures each scenario: reads with wrk after a warm-up,
/// writes with an in-process client at the same concurrency, the roster SQL through Dapper in-process for the
/// API/raw ratio, Excel import and export with the host's peak memory, sign-in and cold start.
/// </summary>
internal static class Runner
{
    /// <summary>CW_BENCH_PORT lets two checkouts measure side by side.</summary>
    internal static readonly int Port = int.TryParse(Environment.GetEnvironmentVariable("CW_BENCH_PORT"), out var port) ? port : 5280;
    internal static readonly string BaseUrl = $"http://127.0.0.1:{Port}";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(RunOptions options)
    {
        var results = new List<Result>();
        var hostDll = Path.Combine(options.RepoRoot, "api/CommunityWorkforce.Api/bin/Release/net10.0/CommunityWorkforce.Api.dll");
        if (!File.Exists(hostDll) || !File.Exists(Path.Combine(options.DataFolder, "communityworkforce.db")))
        {
            Console.Error.WriteLine($"Needs {hostDll} (dotnet build -c Release) and a generated database in {options.DataFolder}.");
            return 2;
        }
        var dataset = await Sample.DescribeAsync(options.DataFolder);
        var duration = options.Smoke ? 1 : options.Duration;
        var connections = options.Smoke ? 2 : options.Connections;

        // Cold start: process start to /health/ready, three times, median.
        var starts = new List<double>();
        Process host = null!;
        for (var i = 0; i < (options.Smoke || options.Only is not null ? 1 : 3); i++)
        {
            if (i > 0)
            {
                await StopAsync(host);
            }
            (host, var seconds) = await StartHostAsync(hostDll, options.DataFolder);
            starts.Add(seconds);
        }
        var coldStart = Median(starts);
        if (options.Only is null)
        {
            results.Add(new Result("Cold start to ready", "process start → /health/ready 200", null, coldStart * 1000, null, "≤ 3 s", coldStart <= 3));
        }
        var peakRss = new PeakRss(host.Id);

        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
            var sample = await Sample.LoadAsync(options.DataFolder);
            var admin = await TokenAsync(http, "admin");
            var streetHr = await TokenAsync(http, $"hr.{sample.StreetCode}");
            var districtHr = await TokenAsync(http, $"hr.{sample.DistrictCode}");
            var leader = await TokenAsync(http, $"leader.{sample.StreetCode}");

            var wrk = new Wrk(duration, connections, options.Smoke);
            var run = new Measurement(options, http, wrk, peakRss, sample, new Callers(admin, streetHr, districtHr, leader));
            var modulePeaks = new List<string>();
            foreach (var module in BenchModules.All.Where(m => options.Only?.Contains(m.Name) != false))
            {
                if (!options.Smoke)
                {
                    await WarmPageCacheAsync(options.DataFolder);
                }
                peakRss.StartSpan();
                await module.MeasureAsync(run);
                var spanMb = peakRss.SpanPeakMb;
                modulePeaks.Add($"{module.Name} {spanMb:F0}");
                Console.WriteLine($"(host peak RSS while {module.Name} ran: {spanMb:F0} MB)");
            }
            results.AddRange(run.Results);
            if (options.Only is not null)
            {
                return await ReplaceRowsAsync(options, results);
            }
            results.Add(await wrk.RunAsync("Sign-in (PBKDF2)", "",
                [$"POST /api/auth/token {{\"userName\":\"hr.{sample.StreetCode}\",\"password\":\"{Generator.Password}\"}}"], "—", null, connections: Math.Min(connections, 4)));

            var rss = peakRss.PeakMb;
            results.Add(new Result("Host peak RSS during the run", "whole run", null, null, null, "≤ 400 MB", rss <= 400,
                $"{rss:F0} MB; peak while each module ran (MB): {string.Join(", ", modulePeaks)}"));
        }
        finally
        {
            await StopAsync(host);
        }

        var markdown = Report.Write(results, options, dataset + " (before the import scenario adds its rows)");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        // Sections measured by other means (the web app's Lighthouse scores) follow a marker and are kept.
        var existing = File.Exists(options.Output) ? await File.ReadAllTextAsync(options.Output) : "";
        var marker = existing.IndexOf(HandMeasuredMarker, StringComparison.Ordinal);
        await File.WriteAllTextAsync(options.Output, marker < 0 ? markdown : markdown.TrimEnd() + "\n\n" + existing[marker..]);
        Console.WriteLine(markdown);
        return 0;
    }

    /// <summary>
    /// A run of some modules only (<c>--only</c>): their rows replace the rows of the same scenario in the existing report
    /// (new scenarios are added at the end of the table), each noting the time and the machine's load average, since the
    /// rest of the table comes from another run.
    /// </summary>
    private static async Task<int> ReplaceRowsAsync(RunOptions options, IReadOnlyList<Result> results)
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(" ", (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "?";
        var stamp = $"measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC in an --only run, load average {load} on {Environment.ProcessorCount} shared cores";
        var rows = Report.Rows(results.Select(r => r with { Note = string.IsNullOrEmpty(r.Note) ? stamp : $"{r.Note}; {stamp}" }).ToList());
        var lines = File.Exists(options.Output) ? (await File.ReadAllLinesAsync(options.Output)).ToList() : [];
        var tableEnd = lines.FindIndex(l => l.StartsWith("|---", StringComparison.Ordinal));
        if (tableEnd < 0)
        {
            Console.Error.WriteLine($"{options.Output} holds no table to update; run without --only first.");
            return 2;
        }
        while (tableEnd + 1 < lines.Count && lines[tableEnd + 1].StartsWith('|'))
        {
            tableEnd++;
        }
        foreach (var (scenario, row) in rows)
        {
            var at = lines.FindIndex(l => l.StartsWith($"| {scenario} |", StringComparison.Ordinal));
            if (at >= 0)
            {
                lines[at] = row;
            }
            else
            {
                lines.Insert(++tableEnd, row);
            }
        }
        await File.WriteAllLinesAsync(options.Output, lines);
        foreach (var (_, row) in rows)
        {
            Console.WriteLine(row);
        }
        return 0;
    }

    /// <summary>
    /// Reads the data files once, start to end, so that a module's scenarios start from a warm page cache as on a database
    /// server whose memory holds its data. The machine the benchmarks run on pages out file pages nobody touched for a
    /// while (DAMON proactive reclaim) even with most of its memory free, and a read that then meets them on disk can take
    /// ten times as long (docs/benchmarks.md). What a cache miss of the product's own caches
    /// costs is measured separately ("after a write" rows).
    /// </summary>
    private static async Task WarmPageCacheAsync(string dataFolder)
    {
        var clock = Stopwatch.StartNew();
        var buffer = new byte[1 << 20];
        long bytes = 0;
        foreach (var file in Directory.GetFiles(dataFolder, "communityworkforce.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                bytes += read;
            }
        }
        Console.WriteLine($"(page cache warmed: {bytes / (1024.0 * 1024 * 1024):F1} GiB read in {clock.Elapsed.TotalSeconds:F1} s)");
    }

    /// <summary>What follows this line in docs/benchmarks.md is measured by hand, and a new run keeps it.</summary>
    public const string HandMeasuredMarker = "<!-- measured by hand below: build/bench/run.sh keeps what follows -->";

    private static async Task<(Process Host, double Seconds)> StartHostAsync(string dll, string dataFolder)
    {
        var clock = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll, "--urls", BaseUrl, $"--Data:Folder={dataFolder}", "--Seed:Demo=false", "--Auth:SignInPermitsPerMinute=10000000",
                "--Logging:LogLevel:Default=Warning", "--Client:DistPath=/nonexistent",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await probe.GetAsync($"{BaseUrl}/health/ready")).IsSuccessStatusCode)
                {
                    return (process, clock.Elapsed.TotalSeconds);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(20);
        }
        throw new InvalidOperationException("The host did not become ready in 60 s.");
    }

    private static async Task StopAsync(Process host)
    {
        if (!host.HasExited)
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    internal static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userName, password = Generator.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("accessToken").GetString()!;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    internal static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}

/// <summary>Samples a process's resident memory (VmRSS) every 50 ms and keeps the peak.</summary>
internal sealed class PeakRss
{
    private readonly int _pid;
    private double _peakKb;

    public PeakRss(int pid)
    {
        _pid = pid;
        _ = Task.Run(async () =>
        {
            while (File.Exists($"/proc/{_pid}/status"))
            {
                Sample();
                await Task.Delay(50);
            }
        });
    }

    private double _spanPeakKb;

    public double PeakMb => _peakKb / 1024;

    /// <summary>Starts a span (one module's scenarios): <see cref="SpanPeakMb"/> is the peak from now on.</summary>
    public void StartSpan() => _spanPeakKb = 0;

    public double SpanPeakMb => _spanPeakKb / 1024;

    /// <summary>Current RSS in MB (and folds it into the peak).</summary>
    public double Sample()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kb = line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            if (kb > _peakKb)
            {
                _peakKb = kb;
            }
            if (kb > _spanPeakKb)
            {
                _spanPeakKb = kb;
            }
            return kb / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Peak RSS seen while <paramref name="work"/> ran.</summary>
    public async Task<(T Result, double PeakMb)> During<T>(Func<Task<T>> work)
    {
        var peak = Sample();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Sample());
                await Task.Delay(20);
            }
        });
        var result = await work();
        await stop.CancelAsync();
        await sampler;
        return (result, Math.Max(peak, Sample()));
    }
}
