using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityWorkforce.TestKit;

/// <summary>
/// Fresh roster data for every suite: citizen ID numbers, names and titles that never clash with the demo roster (area
/// code 310106) or with each other within a test process, and the HTTP calls that create workers, posts and postings.
/// </summary>
public static class Roster
{
    private static int _next;
    private static readonly char[] ChineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>
    /// A valid GB 11643 number with area 440305, unique within this test process: the birth date walks 14,000 days
    /// from 1960, the sequence number changes every lap and its parity gives the gender (odd male, even female).
    /// </summary>
    public static string NewIdNumber(bool male = true)
    {
        var n = Next();
        var birth = new DateOnly(1960, 1, 1).AddDays(n % 14_000);
        var sequence = ((n / 14_000 * 2) + (male ? 1 : 2)) % 1000;
        return IdNumber("440305", birth, sequence.ToString("D3", CultureInfo.InvariantCulture));
    }

    /// <summary>A GB 11643 number from its parts, with the ISO 7064 MOD 11-2 check character computed here.</summary>
    public static string IdNumber(string area, DateOnly birth, string sequence)
    {
        var first17 = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence;
        return first17 + CheckCharacter(first17);
    }

    /// <summary>ISO 7064 MOD 11-2, written independently of the product's own implementation so that it checks it.</summary>
    public static char CheckCharacter(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return "10X98765432"[sum % 11];
    }

    /// <summary>A name no demo worker has: a prefix plus a counter in Chinese digits.</summary>
    public static string UniqueName(string prefix = "测试") =>
        prefix + new string(Next().ToString("D5", CultureInfo.InvariantCulture).Select(c => ChineseDigits[c - '0']).ToArray());

    public static string UniqueTitle(string prefix = "测试岗位") => prefix + Next().ToString("D5", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> WorkerBody(Guid orgUnitId, string? idNumber = null, string namePrefix = "测试") => new()
    {
        ["name"] = UniqueName(namePrefix),
        ["idNumber"] = idNumber ?? NewIdNumber(),
        ["ethnicGroup"] = "01",
        ["politicalStatus"] = "13",
        ["education"] = "21",
        ["phone"] = "1390" + Next().ToString("D7", CultureInfo.InvariantCulture),
        ["hireDate"] = "2020-01-01",
        ["serviceStartDate"] = "2019-01-01",
        ["orgUnitId"] = orgUnitId,
    };

    public static Task<JsonElement> CreateWorker(HttpClient client, Dictionary<string, object?> body) =>
        client.PostAsJsonAsync("/api/staffing/workers", body).Created("create worker");

    public static Task<JsonElement> CreateWorker(HttpClient client, Guid orgUnitId) => CreateWorker(client, WorkerBody(orgUnitId));

    public static Task<JsonElement> CreatePost(HttpClient client, Guid orgUnitId, int quota, string postType = "staff", string? title = null) =>
        client.PostAsJsonAsync("/api/staffing/posts", new { orgUnitId, postType, title = title ?? UniqueTitle(), quota }).Created("create post");

    public static Task<HttpResponseMessage> Post(HttpClient client, Guid workerId, Guid postId, bool? isPrimary = null,
        string startedOn = "2020-01-01", string reason = "hire") =>
        client.PostAsJsonAsync("/api/staffing/postings", new { workerId, postId, startedOn, reason, isPrimary });

    public static Task<JsonElement> CreatePosting(HttpClient client, Guid workerId, Guid postId, bool? isPrimary = null) =>
        Post(client, workerId, postId, isPrimary).Created("create posting");

    /// <summary>A new worker holding a new post (quota 1, primary) in <paramref name="orgUnitId"/>.</summary>
    public static async Task<(Guid WorkerId, Guid PostingId, Guid PostId)> WorkerInNewPost(HttpClient client, Guid orgUnitId)
    {
        var worker = await CreateWorker(client, orgUnitId);
        var post = await CreatePost(client, orgUnitId, quota: 1);
        var posting = await CreatePosting(client, worker.Id(), post.Id());
        return (worker.Id(), posting.Id(), post.Id());
    }

    /// <summary>Creates an account as admin; returns its id and a client signed in with the temporary password.</summary>
    public static async Task<(Guid Id, HttpClient Client)> NewAccount(CwHost host, HttpClient admin, string role, Guid orgUnitId, Guid? workerId = null)
    {
        var userName = $"{role}.t{Next()}";
        var created = await admin.PostAsJsonAsync("/api/access/accounts",
            new { userName, displayName = "测试账号", role, orgUnitId, workerId }).Created("create account");
        var client = await host.ClientForNewAccount(userName, created.Str("temporaryPassword"));
        return (created.GetProperty("account").GetProperty("id").GetGuid(), client);
    }
}
