using Microsoft.AspNetCore.Http;

namespace CommunityWorkforce.BuildingBlocks.Http;

/// <summary>
/// Optimistic concurrency over the <c>version</c> column. Clients send the version they read either in the body
/// or as <c>If-Match: "N"</c>; the header wins, and a stale header gets 412 instead of 409.
/// </summary>
public readonly record struct ExpectedVersion(int? Value, bool FromIfMatch)
{
    public static ExpectedVersion From(HttpContext http, int? bodyVersion)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrEmpty(header) && int.TryParse(header.Trim().Trim('"').Replace("W/", ""), out var v))
        {
            return new ExpectedVersion(v, true);
        }
        return new ExpectedVersion(bodyVersion, false);
    }

    public static void SetETag(HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version}\"";
}
