using System.Net;
using System.Text.Json;
using NUnit.Framework;

namespace CommunityWorkforce.TestKit;

/// <summary>Assertions on RFC 9457 problem responses.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblem(HttpResponseMessage response, HttpStatusCode status, string? type = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status), body);
        Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty, body);
        if (type is not null)
        {
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(type), body);
        }
        return problem;
    }

    /// <summary>A 400 whose <c>errors</c> names <paramref name="field"/>.</summary>
    public static async Task<JsonElement> NamesField(HttpResponseMessage response, string field)
    {
        var problem = await IsProblem(response, HttpStatusCode.BadRequest);
        Assert.That(problem.TryGetProperty("errors", out var errors), Is.True, problem.ToString());
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Does.Contain(field), problem.ToString());
        return problem;
    }
}
