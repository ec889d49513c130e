using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.Staffing.Workers;
using Dapper;
using MiniExcelLibs;

namespace CommunityWorkforce.Bench;

/// <summary>Read scenarios through wrk (a separate load generator), after a warm-up run.</summary>
internal sealed class Wrk(int duration, int defaultConnections, bool smoke)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "wrk.lua");

    public async Task<Result> RunAsync(string name, string token, IReadOnlyList<string> requests, string target, double? p95Ms,
        int? connections = null, int percentile = 95)
    {
        var c = connections ?? defaultConnections;
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, requests);
        try
        {
            await RunWrk(token, file, c, smoke ? 1 : 2);
            var json = await RunWrk(token, file, c, duration);
            var rps = json.GetProperty("requests").GetDouble() / (json.GetProperty("durationUs").GetDouble() / 1e6);
            var p50 = json.GetProperty("p50Us").GetDouble() / 1000;
            var p95 = json.GetProperty("p95Us").GetDouble() / 1000;
            var failures = json.GetProperty("errors").GetInt32() + json.GetProperty("non2xx").GetInt32()
                + (json.GetProperty("requests").GetInt32() == 0 ? 1 : 0);
            bool? met = p95Ms is null ? (failures == 0 ? null : false) : failures == 0 && (percentile == 50 ? p50 : p95) <= p95Ms;
            Console.WriteLine($"{name}: {rps:F0} req/s, p50 {p50:F1} ms, p95 {p95:F1} ms, failures {failures}");
            return new Result(name, $"{c} connections, {duration} s", rps, p50, p95, target, met,
                failures > 0 ? $"{failures} failed or non-2xx responses" : $"p99 {json.GetProperty("p99Us").GetDouble() / 1000:F1} ms");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Load without measuring: brings the host's hot code to its optimised (tier-1) state.</summary>
    public async Task WarmUpAsync(string token, IReadOnlyList<string> requests, int seconds)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, requests);
        try
        {
            await RunWrk(token, file, defaultConnections, seconds);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<JsonElement> RunWrk(string token, string file, int connections, int seconds)
    {
        var info = new ProcessStartInfo("wrk")
        {
            ArgumentList = { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                "-d", $"{seconds}s", "--timeout", "10s", "-s", Script, $"http://127.0.0.1:5280" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["CW_TOKEN"] = token;
        info.Environment["CW_PATHS_FILE"] = file;
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk printed no result: " + output + await process.StandardError.ReadToEndAsync());
        return JsonDocument.Parse(line[6..]).RootElement.Clone();
    }
}

/// <summary>What the scenarios pick from: a street of 静安区, its workers, names and staff numbers.</summary>
internal sealed class Sample
{
    public string StreetCode { get; init; } = "";
    public string StreetPath { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public Guid CommunityId { get; init; }
    public string CommunityCode { get; init; } = "";
    public IReadOnlyList<string> CommunityCodes { get; init; } = [];
    public IReadOnlyList<Guid> WorkerIds { get; init; } = [];
    public IReadOnlyList<(Guid WorkerId, Guid PostingId)> Movable { get; init; } = [];
    public IReadOnlyList<string> NameFragments { get; init; } = [];
    public IReadOnlyList<string> StaffNoPrefixes { get; init; } = [];

    public static async Task<Sample> LoadAsync(string dataFolder)
    {
        await using var connection = Open(dataFolder);
        var street = await connection.QueryFirstAsync<(string Code, string Path)>(
            "SELECT code, path FROM staffing_org_units WHERE level = 'street' ORDER BY (CASE WHEN code LIKE '310106%' THEN 0 ELSE 1 END), code LIMIT 1");
        var communities = (await connection.QueryAsync<(string Id, string Code)>(
            "SELECT id, code FROM staffing_org_units WHERE level = 'community' AND path LIKE @P ORDER BY code", new { P = street.Path + "%" })).ToList();
        var workers = (await connection.QueryAsync<(string Id, string Name, string StaffNo, string PostingId)>("""
            SELECT w.id, w.name, w.staff_no, g.id FROM staffing_workers w
            JOIN staffing_org_units u ON u.id = w.org_unit_id
            JOIN staffing_postings g ON g.worker_id = w.id AND g.ended_on IS NULL AND g.is_primary = 1
            WHERE u.path LIKE @P AND NOT EXISTS (SELECT 1 FROM staffing_rotation_requests r WHERE r.from_posting_id = g.id AND r.status IN ('draft','submitted'))
            ORDER BY w.staff_no
            """, new { P = street.Path + "%" })).ToList();
        return new Sample
        {
            StreetCode = street.Code,
            StreetPath = street.Path,
            DistrictCode = street.Code[..6],
            CommunityId = Guid.Parse(communities[0].Id),
            CommunityCode = communities[0].Code,
            CommunityCodes = communities.Select(c => c.Code).ToList(),
            WorkerIds = workers.Take(50).Select(w => Guid.Parse(w.Id)).ToList(),
            Movable = workers.Select(w => (Guid.Parse(w.Id), Guid.Parse(w.PostingId))).ToList(),
            NameFragments = workers.Take(20).Select(w => w.Name[^1..]).Distinct().ToList(),
            StaffNoPrefixes = workers.Take(20).Select(w => w.StaffNo[..6]).Distinct().ToList(),
        };
    }

    public static async Task<string> DescribeAsync(string dataFolder)
    {
        await using var connection = Open(dataFolder);
        var counts = await connection.QueryFirstAsync<(long Units, long Streets, long Communities, long Posts, long Workers, long Postings, long Rotations)>("""
            SELECT (SELECT COUNT(*) FROM staffing_org_units), (SELECT COUNT(*) FROM staffing_org_units WHERE level = 'street'),
                   (SELECT COUNT(*) FROM staffing_org_units WHERE level = 'community'), (SELECT COUNT(*) FROM staffing_posts),
                   (SELECT COUNT(*) FROM staffing_workers), (SELECT COUNT(*) FROM staffing_postings), (SELECT COUNT(*) FROM staffing_rotation_requests)
            """);
        return $"{counts.Units:N0} org units ({counts.Streets} streets, {counts.Communities:N0} communities), {counts.Posts:N0} posts, " +
               $"{counts.Workers:N0} workers, {counts.Postings:N0} postings, {counts.Rotations:N0} rotation requests";
    }

    internal static System.Data.Common.DbConnection Open(string dataFolder)
    {
        var factory = new DbConnectionFactory(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(dataFolder, "communityworkforce.db")}",
        });
        var connection = factory.Create();
        connection.Open();
        return connection;
    }
}

/// <summary>The roster query exactly as the API writes it (count + page), through Dapper in-process, for the API/raw ratio.</summary>
internal static class RawRoster
{
    /// <summary>The count SQL, the page SQL and the arguments the API uses for an hr/admin caller on <paramref name="scope"/>.</summary>
    public static (string Count, string Page, RosterArgs Args) Sql(string scope, string? q)
    {
        var dialect = SqlDialect.Sqlite;
        var search = RosterSearch.For(q);
        var all = scope == "/%";
        var args = new RosterArgs(Scope: scope, AllUnits: all ? 1 : 0, UnitPath: null, Status: null, ExcludeLeft: 1, EducationLike: null,
            PoliticalStatus: null, BornOnOrBefore: null, BornAfter: null, ServiceFromOnOrBefore: null, ServiceFromAfter: null, PostType: null,
            search.Gram, search.NamePattern, search.CodeLow, search.CodeHigh, search.Last4, Skip: 0, Take: 20);
        var width = all ? RosterScope.All : scope.Count(c => c == '/') <= 3 ? RosterScope.Wide : RosterScope.Narrow;
        var shape = new RosterShape(width, search.Kind, search.ConfirmName, args.Filters, "w.staff_no");
        return (dialect.Render(RosterQuery.Count(shape)), dialect.Render(RosterQuery.Page(shape)), args);
    }

    /// <summary>Count + page per request, every time (the API may serve a repeated total from its cache; this does not).</summary>
    public static async Task<double> RunAsync(string dataFolder, string scope, string? q, int connections, int seconds)
    {
        var (count, list, args) = Sql(scope, q);
        var done = 0L;
        var until = DateTime.UtcNow.AddSeconds(Math.Min(seconds, 5));
        async Task Loop(DateTime end, bool counted)
        {
            await using var connection = Sample.Open(dataFolder);
            while (DateTime.UtcNow < end)
            {
                await connection.ExecuteScalarAsync<int>(count, args);
                (await connection.QueryAsync<WorkerRow>(list, args)).AsList();
                if (counted)
                {
                    Interlocked.Increment(ref done);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => Loop(until, false))));
        var clock = Stopwatch.StartNew();
        var end = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => Loop(end, true))));
        var rps = done / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Raw Dapper roster ({scope}, q={q}): {rps:F0} req/s");
        return rps;
    }
}

/// <summary>Write scenarios at fixed concurrency with an in-process client: each request is different.</summary>
internal static class Writes
{
    public static async Task<IReadOnlyList<Result>> RunAsync(HttpClient http, string hrToken, string leaderToken, Sample sample,
        int connections, int count)
    {
        var movable = sample.Movable.Take(Math.Min(count, sample.Movable.Count)).ToList();
        // A first round on other workers, not measured: the write paths' code is compiled (and tiered up) there, so that
        // the measured round does not time the JIT. Each worker is filled, rotated and approved once.
        var warmUp = movable.Count / 4;
        await RoundAsync(http, hrToken, leaderToken, sample, movable.Take(warmUp).ToList(), connections);
        return await RoundAsync(http, hrToken, leaderToken, sample, movable.Skip(warmUp).ToList(), connections);
    }

    private static async Task<IReadOnlyList<Result>> RoundAsync(HttpClient http, string hrToken, string leaderToken, Sample sample,
        IReadOnlyList<(Guid WorkerId, Guid PostingId)> movable, int connections)
    {
        var results = new List<Result>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fillPost = await CreatePost(http, hrToken, sample, "压测兼任岗位");
        var rotatePost = await CreatePost(http, hrToken, sample, "压测轮岗岗位");

        var fill = await Measure(movable, connections, item => Send(http, hrToken, HttpMethod.Post, "/api/staffing/postings",
            new { workerId = item.WorkerId, postId = fillPost, startedOn = today, reason = "secondment", isPrimary = false }));
        results.Add(ToResult("Fill a post (create posting)", fill, connections));

        var requestIds = new ConcurrentBag<(Guid Id, int Version)>();
        var create = await Measure(movable, connections, async item =>
        {
            var response = await Send(http, hrToken, HttpMethod.Post, "/api/staffing/rotation-requests",
                new { workerId = item.WorkerId, fromPostingId = item.PostingId, toPostId = rotatePost, reason = "压测轮岗", proposedOn = today, submit = true });
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                requestIds.Add((body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt32()));
            }
            return response;
        });
        results.Add(ToResult("File a rotation request", create, connections));

        var approve = await Measure(requestIds.ToList(), connections, item => Send(http, leaderToken, HttpMethod.Post,
            $"/api/staffing/rotation-requests/{item.Id}/approve", new { comment = "同意", version = item.Version }));
        results.Add(ToResult("Approve a rotation", approve, connections));
        return results;
    }

    private static Result ToResult(string name, (List<double> Latencies, int Failures, double Seconds) run, int connections)
    {
        var p95 = Runner.Percentile(run.Latencies, 95);
        Console.WriteLine($"{name}: {run.Latencies.Count / run.Seconds:F0} req/s, p95 {p95:F1} ms, failures {run.Failures}");
        return new Result(name, $"{connections} concurrent, {run.Latencies.Count} requests", run.Latencies.Count / run.Seconds,
            Runner.Percentile(run.Latencies, 50), p95, "p95 ≤ 30 ms", run.Failures == 0 && p95 <= 30,
            run.Failures > 0 ? $"{run.Failures} failed" : "");
    }

    private static async Task<Guid> CreatePost(HttpClient http, string token, Sample sample, string title)
    {
        var response = await Send(http, token, HttpMethod.Post, "/api/staffing/posts",
            new { orgUnitId = sample.CommunityId, postType = "staff", title = $"{title}{Guid.NewGuid():N}"[..20], quota = 1000 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static Task<HttpResponseMessage> Send(HttpClient http, string token, HttpMethod method, string url, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private static async Task<(List<double> Latencies, int Failures, double Seconds)> Measure<T>(IReadOnlyList<T> items, int connections,
        Func<T, Task<HttpResponseMessage>> send)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await send(items[i]);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return (latencies.ToList(), failures, clock.Elapsed.TotalSeconds);
    }
}

/// <summary>Excel import and export, timed, with the host's peak memory while they ran.</summary>
internal static class Excel
{
    public static async Task<Result> ImportAsync(HttpClient http, string token, Sample sample, int rows, PeakRss rss)
    {
        var sheet = Enumerable.Range(0, rows).Select(i =>
        {
            var first17 = "320102" + new DateOnly(1970, 1, 1).AddDays(i % 9000).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (100 + i / 9000).ToString("D3", CultureInfo.InvariantCulture);
            return new Dictionary<string, object?>
            {
                ["工号"] = $"IM{Guid.NewGuid():N}"[..14], ["姓名"] = $"导入{i}", ["身份证号"] = first17 + CitizenId.CheckCharacter(first17),
                ["民族"] = "01", ["政治面貌"] = "13", ["学历"] = "21", ["手机号"] = "13800138000", ["入职日期"] = "2024-03-01",
                ["社区工作起始日期"] = "2024-03-01", ["所属单位编码"] = sample.CommunityCodes[i % sample.CommunityCodes.Count],
                ["岗位名称"] = null, ["任职开始日期"] = null,
            };
        }).ToList();
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheet);
        var bytes = buffer.ToArray();
        var clock = Stopwatch.StartNew();
        var (response, peak) = await rss.During(async () =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "roster.xlsx" } };
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/staffing/workers/import") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await http.SendAsync(request);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var ok = response.IsSuccessStatusCode;
        Console.WriteLine($"Import {rows} rows: {seconds:F1} s, status {(int)response.StatusCode}, host peak {peak:F0} MB");
        return new Result($"Excel import, {rows:N0} rows", "one upload", null, seconds * 1000, null, "≤ 10 s", ok && seconds <= 10,
            ok ? $"host peak RSS {peak:F0} MB" : $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<Result> ExportAsync(HttpClient http, string token, PeakRss rss)
    {
        var clock = Stopwatch.StartNew();
        var ((status, bytes), peak) = await rss.During(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/staffing/workers/export");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var length = 0L;
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk)) > 0)
            {
                length += read;
            }
            return ((int)response.StatusCode, length);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Export: {seconds:F1} s, {bytes / 1024 / 1024.0:F1} MB, host peak {peak:F0} MB");
        return new Result("Excel export, whole city (masked)", "one download", null, seconds * 1000, null, "≤ 10 s, peak ≤ 400 MB",
            status == 200 && seconds <= 10 && peak <= 400, $"{bytes / 1024.0 / 1024:F1} MB file, host peak RSS {peak:F0} MB");
    }
}

internal static class Report
{
    public static string Write(IReadOnlyList<Result> results, RunOptions options, string dataset)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown";
        var memKb = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var text = new System.Text.StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("Written by `build/bench/run.sh` — do not edit by hand. Medians (p50) and p95 per scenario; reads measured with wrk after a warm-up, writes with an in-process client at the same concurrency.");
        text.AppendLine();
        text.AppendLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine($"- Machine: {Environment.ProcessorCount} cores ({cpu}), {double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024:F1} GiB memory, {Environment.OSVersion}");
        text.AppendLine($"- Runtime: .NET {Environment.Version}, host in Release, SQLite (WAL)");
        text.AppendLine($"- Data set: {dataset}");
        text.AppendLine($"- Load: {options.Connections} connections, {options.Duration} s per read scenario{(options.Smoke ? " (smoke run: tiny data, 1 s)" : "")}");
        text.AppendLine();
        text.AppendLine("| Scenario | Load | req/s | p50 ms | p95 ms | Target | Met | Note |");
        text.AppendLine("|---|---|---:|---:|---:|---|---|---|");
        foreach (var r in results)
        {
            text.AppendLine($"| {r.Scenario} | {r.Load} | {F(r.RequestsPerSecond, "F0")} | {F(r.P50Ms, "F1")} | {F(r.P95Ms, "F1")} | {r.Target} | " +
                            $"{(r.Met is null ? "—" : r.Met.Value ? "yes" : "**no**")} | {r.Note} |");
        }
        return text.ToString();
    }

    private static string F(double? value, string format) => value is null || double.IsNaN(value.Value) ? "—" : value.Value.ToString(format, CultureInfo.InvariantCulture);
}
