using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using Dapper;

namespace CommunityWorkforce.Insights.Tests;

/// <summary>One real host on a fresh SQLite file (demo data seeded) for every Insights API test, and the helpers that build known data in it.</summary>
[SetUpFixture]
public sealed class InsightsWorld
{
    private static CwHost? _host;
    private static int _next;

    public static CwHost Host => _host ?? throw new InvalidOperationException("host not started");
    public static HttpClient Admin { get; private set; } = null!;
    public static HttpClient Hr { get; private set; } = null!;
    public static HttpClient Leader { get; private set; } = null!;
    public static HttpClient Worker { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new CwHost();
        Admin = await _host.ClientFor("admin");
        Hr = await _host.ClientFor("hr.linfen");
        Leader = await _host.ClientFor("leader.linfen");
        Worker = await _host.ClientFor("worker.demo");
    }

    [OneTimeTearDown]
    public void Stop() => _host?.Dispose();

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>A valid GB 11643 number for a birth date: area 440305 (never the demo's 310106), odd sequence = male.</summary>
    public static string IdNumber(DateOnly birth, bool male)
    {
        var sequence = (Next() * 2 % 1000) + (male ? 1 : 0);
        var first17 = "440305" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>A new street under 静安区 (created by admin) with communities of the given populations (norm: 18 per 10,000, rounded up).</summary>
    public static async Task<(Guid Street, Guid[] Communities)> NewStreet(params int[] populations)
    {
        var district = await OrgTree.IdByCode(Admin, "310106");
        var n = Next();
        var code = "310106" + (700 + n).ToString("D3", CultureInfo.InvariantCulture);
        var street = (await Admin.PostAsJsonAsync("/api/staffing/org-units",
            new { parentId = district, code, name = $"测试街道{n}", level = "street" }).Ok(HttpStatusCode.Created)).Id();
        var communities = new List<Guid>();
        for (var i = 0; i < populations.Length; i++)
        {
            communities.Add((await Admin.PostAsJsonAsync("/api/staffing/org-units", new
            {
                parentId = street, code = code + (i + 1).ToString("D3", CultureInfo.InvariantCulture), name = $"测试街道{n}第{i + 1}居委会",
                level = "community", population = populations[i],
            }).Ok(HttpStatusCode.Created)).Id());
        }
        return (street, communities.ToArray());
    }

    public sealed record Person(DateOnly Birth, bool Male, string Education = "21", string Political = "13", string ServiceStart = "2015-01-01", string Hire = "2015-01-01");

    public static async Task<Guid> NewWorker(Guid unit, Person p) =>
        (await Admin.PostAsJsonAsync("/api/staffing/workers", new
        {
            name = "测试" + Next().ToString(CultureInfo.InvariantCulture), idNumber = IdNumber(p.Birth, p.Male), ethnicGroup = "01",
            politicalStatus = p.Political, education = p.Education, hireDate = p.Hire, serviceStartDate = p.ServiceStart, orgUnitId = unit,
        }).Ok(HttpStatusCode.Created)).Id();

    public static async Task<Guid> NewPost(Guid unit, int quota, string postType = "staff") =>
        (await Admin.PostAsJsonAsync("/api/staffing/posts", new { orgUnitId = unit, postType, title = $"测试岗位{Next()}", quota })
            .Ok(HttpStatusCode.Created)).Id();

    public static async Task<Guid> Place(Guid worker, Guid post, string startedOn = "2019-01-01") =>
        (await Admin.PostAsJsonAsync("/api/staffing/postings", new { workerId = worker, postId = post, startedOn, reason = "hire" })
            .Ok(HttpStatusCode.Created)).Id();

    public static async Task<T> Scalar<T>(string sql, object? args = null) => await Host.Scalar<T>(sql, args);

    public static async Task Execute(string sql, object? args = null)
    {
        await using var connection = Db.Open(Host);
        await connection.ExecuteAsync(sql, args);
    }
}
