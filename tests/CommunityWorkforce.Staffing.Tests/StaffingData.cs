using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.Staffing.Workers;
using CommunityWorkforce.TestKit;
using Dapper;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// Fresh, unique test data for the staffing tests: ID numbers, names, staff numbers and phones that never clash with
/// the demo roster (which uses area code 310106) or with each other, plus the HTTP calls that create workers, posts
/// and postings.
/// </summary>
internal static class StaffingData
{
    public const string FenxiCode = "310106021001";
    public const string OtherStreetCode = "310106012";

    private static int _next;

    private static readonly char[] ChineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>A valid GB 11643 number (area 440305, a birth date unique to this process), odd sequence = male.</summary>
    public static string NewIdNumber(bool male = true)
    {
        var birth = new DateOnly(1975, 1, 1).AddDays(Next());
        return IdNumber("440305", birth, male ? "013" : "024");
    }

    public static string IdNumber(string area, DateOnly birth, string sequence)
    {
        var first17 = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence;
        return first17 + CitizenId.CheckCharacter(first17);
    }

    /// <summary>A name no demo worker has: a prefix plus a counter in Chinese digits.</summary>
    public static string UniqueName(string prefix = "测试") =>
        prefix + new string(Next().ToString("D4", CultureInfo.InvariantCulture).Select(c => ChineseDigits[c - '0']).ToArray());

    public static string UniqueTitle(string prefix = "测试岗位") => prefix + Next().ToString("D5", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> WorkerBody(Guid orgUnitId, string? idNumber = null) => new()
    {
        ["name"] = UniqueName(),
        ["idNumber"] = idNumber ?? NewIdNumber(),
        ["ethnicGroup"] = "01",
        ["politicalStatus"] = "13",
        ["education"] = "21",
        ["phone"] = "1390000" + Next().ToString("D4", CultureInfo.InvariantCulture),
        ["hireDate"] = "2020-01-01",
        ["serviceStartDate"] = "2019-01-01",
        ["orgUnitId"] = orgUnitId,
    };

    public static async Task<JsonElement> CreateWorker(HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/staffing/workers", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    public static Task<JsonElement> CreateWorker(HttpClient client, Guid orgUnitId) => CreateWorker(client, WorkerBody(orgUnitId));

    public static async Task<JsonElement> CreatePost(HttpClient client, Guid orgUnitId, int quota, string postType = "staff", string? title = null)
    {
        var response = await client.PostAsJsonAsync("/api/staffing/posts",
            new { orgUnitId, postType, title = title ?? UniqueTitle(), quota });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    public static Task<HttpResponseMessage> Post(HttpClient client, Guid workerId, Guid postId, bool? isPrimary = null,
        string startedOn = "2020-01-01", string reason = "hire") =>
        client.PostAsJsonAsync("/api/staffing/postings", new { workerId, postId, startedOn, reason, isPrimary });

    public static async Task<JsonElement> Posted(HttpClient client, Guid workerId, Guid postId, bool? isPrimary = null)
    {
        var response = await Post(client, workerId, postId, isPrimary);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    /// <summary>A new worker holding a new post (quota 1, primary) in <paramref name="orgUnitId"/>.</summary>
    public static async Task<(Guid WorkerId, Guid PostingId, Guid PostId)> WorkerInNewPost(HttpClient client, Guid orgUnitId)
    {
        var worker = await CreateWorker(client, orgUnitId);
        var post = await CreatePost(client, orgUnitId, quota: 1);
        var posting = await Posted(client, worker.Id(), post.Id());
        return (worker.Id(), posting.Id(), post.Id());
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();

    public static async Task<JsonElement> GetJson(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    /// <summary>One row read straight from the database, column name → value.</summary>
    public static async Task<IDictionary<string, object>> Row(this CwHost host, string sql, object param)
    {
        await using var connection = Db.Open(host);
        var row = (IDictionary<string, object>)await connection.QuerySingleAsync(sql, param);
        return row;
    }

    /// <summary>An hr or leader account scoped to <paramref name="orgUnitId"/>, signed in with its temporary password.</summary>
    public static async Task<HttpClient> NewAccount(CwHost host, HttpClient admin, string role, Guid orgUnitId)
    {
        var userName = $"{role}.t{Next()}";
        var response = await admin.PostAsJsonAsync("/api/access/accounts", new { userName, displayName = "测试账号", role, orgUnitId });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.ReadJson();
        return await host.ClientForNewAccount(userName, created.Str("temporaryPassword"));
    }
}
