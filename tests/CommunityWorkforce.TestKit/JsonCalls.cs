using System.Net;
using System.Text.Json;
using NUnit.Framework;

namespace CommunityWorkforce.TestKit;

/// <summary>Reading the API's JSON in tests: one copy for every suite.</summary>
public static class JsonCalls
{
    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();

    /// <summary>GET that must answer 200; the body as JSON.</summary>
    public static async Task<JsonElement> GetJson(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    /// <summary>
    /// Every item of a paged list, page after page (<c>pageSize=200</c>) until its total is read. <paramref name="url"/>
    /// carries the list's own query (it gets <c>&amp;pageSize=…&amp;page=…</c> or <c>?…</c> appended).
    /// </summary>
    public static async Task<List<JsonElement>> AllItems(this HttpClient client, string url)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var chunk = await client.GetJson($"{url}{separator}pageSize=200&page={page}");
            var items = chunk.Items().ToList();
            all.AddRange(items);
            if (items.Count == 0 || all.Count >= chunk.GetProperty("total").GetInt32())
            {
                return all;
            }
        }
    }

    /// <summary>A call that must answer <paramref name="status"/>; the body as JSON.</summary>
    public static Task<JsonElement> Ok(this Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.OK) => call.Ok("", status);

    /// <summary>A call that must answer <paramref name="status"/>; <paramref name="what"/> names it in the failure message.</summary>
    public static async Task<JsonElement> Ok(this Task<HttpResponseMessage> call, string what, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), what.Length > 0 ? $"{what}: {body}" : body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A call that must answer 201 Created.</summary>
    public static Task<JsonElement> Created(this Task<HttpResponseMessage> call, string what) => call.Ok(what, HttpStatusCode.Created);
}
