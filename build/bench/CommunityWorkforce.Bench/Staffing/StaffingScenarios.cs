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

/// <summary>The roster query exactly as the API writes it (count + page), through Dapper in-process, for the API/raw ratio.</summary>
internal static class RawRoster
{
    /// <summary>The count SQL, the page SQL and the arguments the API uses for an hr/admin caller on <paramref name="scope"/>.</summary>
    public static (string Count, string Page, RosterArgs Args) Sql(string scope, string? q)
    {
        var dialect = SqlDialect.Sqlite;
        var search = RosterSearch.For(q);
        var all = scope == "/%";
        var args = new RosterArgs(Scope: scope, GramScope: RosterRequest.GramScopeOf(scope), AllUnits: all ? 1 : 0, UnitPath: null, Status: null, ExcludeLeft: 1, EducationLike: null,
            PoliticalStatus: null, BornOnOrBefore: null, BornAfter: null, ServiceFromOnOrBefore: null, ServiceFromAfter: null, PostType: null,
            search.Gram, search.NamePattern, search.CodeLow, search.CodeHigh, search.Last4, Skip: 0, Take: 20);
        var width = all ? RosterScope.All : RosterRequest.WidthOf(scope[..^1]);
        var shape = new RosterShape(width, search.Kind, search.ConfirmName, args.Filters, "w.staff_no");
        return (dialect.Render(RosterQuery.Count(shape)), dialect.Render(RosterQuery.Page(shape)), args);
    }

    /// <summary>
    /// Count + page per request, every time (the API may serve a repeated total from its cache; this does not), each
    /// request on one of <paramref name="queries"/> drawn at random — as the API's scenario draws its requests.
    /// </summary>
    public static async Task<double> RunAsync(string dataFolder, string scope, IReadOnlyList<string?> queries, int connections, int seconds)
    {
        var statements = queries.Select(q => Sql(scope, q)).ToList();
        var done = 0L;
        var until = DateTime.UtcNow.AddSeconds(Math.Min(seconds, 5));
        async Task Loop(DateTime end, bool counted)
        {
            await using var connection = Sample.Open(dataFolder);
            while (DateTime.UtcNow < end)
            {
                var (count, list, args) = statements[Random.Shared.Next(statements.Count)];
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
        Console.WriteLine($"Raw Dapper roster ({scope}, {queries.Count} queries): {rps:F0} req/s");
        return rps;
    }
}

/// <summary>
/// Write scenarios at fixed concurrency with an in-process client: each request is different. They act on the sample
/// street's district (some 3,800 workers, filed by the district's HR officer, approved by each street's leader), so that
/// the measured round lasts seconds rather than a fraction of one and its p95 is not one burst's.
/// </summary>
internal static class Writes
{
    public static async Task<IReadOnlyList<Result>> RunAsync(HttpClient http, string districtHrToken, Sample sample, int connections, int count)
    {
        var movable = sample.DistrictMovable.Take(Math.Min(count, sample.DistrictMovable.Count)).ToList();
        var leaders = new Dictionary<string, string>();
        foreach (var street in movable.Select(m => m.StreetCode).Distinct())
        {
            leaders[street] = await Runner.TokenAsync(http, $"leader.{street}");
        }
        // A first round on other workers, not measured: the write paths' code is compiled (and tiered up) there, so that
        // the measured round does not time the JIT. Each worker is filled, rotated and approved once.
        var warmUp = movable.Count / 5;
        await RoundAsync(http, districtHrToken, leaders, sample, movable.Take(warmUp).ToList(), connections);
        // Let the JIT's background compilation of what the warm-up made hot finish before measuring.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return await RoundAsync(http, districtHrToken, leaders, sample, movable.Skip(warmUp).ToList(), connections);
    }

    private static async Task<IReadOnlyList<Result>> RoundAsync(HttpClient http, string hrToken, IReadOnlyDictionary<string, string> leaders,
        Sample sample, IReadOnlyList<(Guid WorkerId, Guid PostingId, string StreetCode)> movable, int connections)
    {
        var results = new List<Result>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A post holds at most 1,000: fill posts for every 900 workers; a rotation target in each street (a street's
        // leader approves moves within their street).
        var fillPosts = new List<Guid>();
        for (var i = 0; i < (movable.Count + 899) / 900; i++)
        {
            fillPosts.Add(await CreatePost(http, hrToken, sample.CommunityId, "压测兼任岗位"));
        }
        var rotatePosts = new Dictionary<string, Guid>();
        foreach (var street in movable.Select(m => m.StreetCode).Distinct())
        {
            rotatePosts[street] = await CreatePost(http, hrToken, sample.CommunityByStreet[street], "压测轮岗岗位");
        }
        var items = movable.Select((m, i) => (m.WorkerId, m.PostingId, m.StreetCode,
            Posts: (Fill: fillPosts[i % fillPosts.Count], Rotate: rotatePosts[m.StreetCode]))).ToList();

        var fill = await Measure(items, connections, item => Send(http, hrToken, HttpMethod.Post, "/api/staffing/postings",
            new { workerId = item.WorkerId, postId = item.Posts.Fill, startedOn = today, reason = "secondment", isPrimary = false }));
        results.Add(ToResult("Fill a post (create posting)", fill, connections));

        var requests = new ConcurrentBag<(Guid Id, int Version, string StreetCode)>();
        var create = await Measure(items, connections, async item =>
        {
            var response = await Send(http, hrToken, HttpMethod.Post, "/api/staffing/rotation-requests",
                new { workerId = item.WorkerId, fromPostingId = item.PostingId, toPostId = item.Posts.Rotate, reason = "压测轮岗", proposedOn = today, submit = true });
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                requests.Add((body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt32(), item.StreetCode));
            }
            return response;
        });
        results.Add(ToResult("File a rotation request", create, connections));

        var approve = await Measure(requests.ToList(), connections, item => Send(http, leaders[item.StreetCode], HttpMethod.Post,
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

    private static async Task<Guid> CreatePost(HttpClient http, string token, Guid communityId, string title)
    {
        var response = await Send(http, token, HttpMethod.Post, "/api/staffing/posts",
            new { orgUnitId = communityId, postType = "staff", title = $"{title}{Guid.NewGuid():N}"[..20], quota = 1000 });
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
                ["社区工作起始日期"] = "2024-03-01", ["所属单位编码"] = sample.ImportCommunityCodes[i % sample.ImportCommunityCodes.Count],
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
