using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>The staffing tests' names for TestKit's <see cref="Roster"/> builders, and the demo street's unit codes.</summary>
internal static class StaffingData
{
    public const string FenxiCode = "310106021001";
    public const string OtherStreetCode = "310106012";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static int Next() => Roster.Next();

    public static string NewIdNumber(bool male = true) => Roster.NewIdNumber(male);

    public static string IdNumber(string area, DateOnly birth, string sequence) => Roster.IdNumber(area, birth, sequence);

    public static string UniqueName(string prefix = "测试") => Roster.UniqueName(prefix);

    public static string UniqueTitle(string prefix = "测试岗位") => Roster.UniqueTitle(prefix);

    public static Dictionary<string, object?> WorkerBody(Guid orgUnitId, string? idNumber = null) => Roster.WorkerBody(orgUnitId, idNumber);

    public static Task<JsonElement> CreateWorker(HttpClient client, Dictionary<string, object?> body) => Roster.CreateWorker(client, body);

    public static Task<JsonElement> CreateWorker(HttpClient client, Guid orgUnitId) => Roster.CreateWorker(client, orgUnitId);

    public static Task<JsonElement> CreatePost(HttpClient client, Guid orgUnitId, int quota, string postType = "staff", string? title = null) =>
        Roster.CreatePost(client, orgUnitId, quota, postType, title);

    public static Task<HttpResponseMessage> Post(HttpClient client, Guid workerId, Guid postId, bool? isPrimary = null,
        string startedOn = "2020-01-01", string reason = "hire") => Roster.Post(client, workerId, postId, isPrimary, startedOn, reason);

    public static Task<JsonElement> Posted(HttpClient client, Guid workerId, Guid postId, bool? isPrimary = null) =>
        Roster.CreatePosting(client, workerId, postId, isPrimary);

    /// <summary>A new worker holding a new post (quota 1, primary) in <paramref name="orgUnitId"/>.</summary>
    public static Task<(Guid WorkerId, Guid PostingId, Guid PostId)> WorkerInNewPost(HttpClient client, Guid orgUnitId) =>
        Roster.WorkerInNewPost(client, orgUnitId);

    /// <summary>An hr or leader account scoped to <paramref name="orgUnitId"/>, signed in with its temporary password.</summary>
    public static async Task<HttpClient> NewAccount(CwHost host, HttpClient admin, string role, Guid orgUnitId) =>
        (await Roster.NewAccount(host, admin, role, orgUnitId)).Client;
}
