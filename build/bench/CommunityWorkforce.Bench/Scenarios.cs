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
                "-d", $"{seconds}s", "--timeout", "10s", "-s", Script, Runner.BaseUrl },
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

    /// <summary>
    /// The communities of another street of the district (its last), where the 10,000-row import lands: imported into the
    /// bench street it made that street 10,272 workers strong, and every later "street" scenario measured a district.
    /// </summary>
    public IReadOnlyList<string> ImportCommunityCodes { get; init; } = [];
    public IReadOnlyList<Guid> WorkerIds { get; init; } = [];
    public IReadOnlyList<(Guid WorkerId, Guid PostingId)> Movable { get; init; } = [];

    /// <summary>Workers of the street's district with a current primary posting and no open request, and their street's code.</summary>
    public IReadOnlyList<(Guid WorkerId, Guid PostingId, string StreetCode)> DistrictMovable { get; init; } = [];

    /// <summary>A community of each street of the district, by the street's code: where a street's rotations go.</summary>
    public IReadOnlyDictionary<string, Guid> CommunityByStreet { get; init; } = new Dictionary<string, Guid>();
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
        var districtWorkers = (await connection.QueryAsync<(string Id, string PostingId, string Path)>("""
            SELECT w.id, g.id, w.org_path FROM staffing_workers w
            JOIN staffing_postings g ON g.worker_id = w.id AND g.ended_on IS NULL AND g.is_primary = 1
            WHERE w.org_path LIKE @P AND NOT EXISTS (SELECT 1 FROM staffing_rotation_requests r WHERE r.from_posting_id = g.id AND r.status IN ('draft','submitted'))
            ORDER BY w.staff_no
            """, new { P = street.Path[..street.Path.IndexOf('/', 8)] + "/%" })).ToList();
        var districtCommunities = (await connection.QueryAsync<(string Id, string Path)>(
            "SELECT id, path FROM staffing_org_units WHERE level = 'community' AND path LIKE @P ORDER BY code",
            new { P = street.Path[..street.Path.IndexOf('/', 8)] + "/%" })).ToList();
        var importStreet = await connection.QueryFirstOrDefaultAsync<string>(
            "SELECT path FROM staffing_org_units WHERE level = 'street' AND path LIKE @P AND path <> @Street ORDER BY code DESC LIMIT 1",
            new { P = street.Path[..street.Path.IndexOf('/', 8)] + "/%", Street = street.Path }) ?? street.Path;
        var importCommunities = (await connection.QueryAsync<string>(
            "SELECT code FROM staffing_org_units WHERE level = 'community' AND path LIKE @P ORDER BY code", new { P = importStreet + "%" })).ToList();
        return new Sample
        {
            CommunityByStreet = districtCommunities.GroupBy(c => c.Path.Split('/')[3]).ToDictionary(g => g.Key, g => Guid.Parse(g.First().Id)),
            StreetCode = street.Code,
            StreetPath = street.Path,
            DistrictCode = street.Code[..6],
            CommunityId = Guid.Parse(communities[0].Id),
            CommunityCode = communities[0].Code,
            CommunityCodes = communities.Select(c => c.Code).ToList(),
            ImportCommunityCodes = importCommunities.Count > 0 ? importCommunities : communities.Select(c => c.Code).ToList(),
            WorkerIds = workers.Take(50).Select(w => Guid.Parse(w.Id)).ToList(),
            Movable = workers.Select(w => (Guid.Parse(w.Id), Guid.Parse(w.PostingId))).ToList(),
            // The street's code is the third segment of the path: /city/district/street/...
            DistrictMovable = districtWorkers.Select(w => (Guid.Parse(w.Id), Guid.Parse(w.PostingId), w.Path.Split('/')[3])).ToList(),
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

internal static class Report
{
    public static string Write(IReadOnlyList<Result> results, RunOptions options, string dataset)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown";
        var memKb = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var text = new System.Text.StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("Written by `build/bench/run.sh` — do not edit by hand. Medians (p50) and p95 per scenario; reads measured with wrk after a warm-up, writes with an in-process client at the same concurrency. Before each module the runner reads the data file once (a warm page cache, as on a database server; this machine pages out idle file pages; see the note on this machine's proactive page-out below).");
        text.AppendLine();
        text.AppendLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine($"- Machine: {Environment.ProcessorCount} cores ({cpu}), {double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024:F1} GiB memory, {Environment.OSVersion}");
        text.AppendLine($"- Runtime: .NET {Environment.Version}, host in Release, SQLite (WAL)");
        text.AppendLine($"- Data set: {dataset}");
        text.AppendLine($"- Load: {options.Connections} connections, {options.Duration} s per read scenario{(options.Smoke ? " (smoke run: tiny data, 1 s)" : "")}");
        text.AppendLine();
        text.AppendLine("| Scenario | Load | req/s | p50 ms | p95 ms | Target | Met | Note |");
        text.AppendLine("|---|---|---:|---:|---:|---|---|---|");
        foreach (var (_, row) in Rows(results))
        {
            text.AppendLine(row);
        }
        return text.ToString();
    }

    /// <summary>Each result as a table row, with its scenario's name.</summary>
    public static IReadOnlyList<(string Scenario, string Row)> Rows(IReadOnlyList<Result> results) =>
        results.Select(r => (r.Scenario, $"| {r.Scenario} | {r.Load} | {F(r.RequestsPerSecond, "F0")} | {F(r.P50Ms, "F1")} | {F(r.P95Ms, "F1")} | {r.Target} | " +
                                         $"{(r.Met is null ? "—" : r.Met.Value ? "yes" : "**no**")} | {r.Note} |")).ToList();

    private static string F(double? value, string format) => value is null || double.IsNaN(value.Value) ? "—" : value.Value.ToString(format, CultureInfo.InvariantCulture);
}
