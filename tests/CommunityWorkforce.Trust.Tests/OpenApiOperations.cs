using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Trust.Tests;

/// <summary>One operation of the live OpenAPI document.</summary>
internal sealed record Operation(string Method, string Path, string OperationId, IReadOnlyList<string>? Roles, JsonElement Node,
    string? BodyContentType, JsonElement? BodySchema)
{
    public string Name => $"{Method} {Path} ({OperationId})";
    public bool IsAnonymous => Roles is not null && Roles.Contains("anonymous");
    public bool HasId => Path.Contains("{id}", StringComparison.Ordinal);
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>The path segment naming the resource the {id} belongs to: <c>workers</c>, <c>org-units</c>…</summary>
    public string IdKind
    {
        get
        {
            var segments = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var index = Array.IndexOf(segments, "{id}");
            return index > 0 ? segments[index - 1] : "";
        }
    }

    public string PathWith(Guid id) => Path.Replace("{id}", id.ToString(), StringComparison.Ordinal);

    public IEnumerable<JsonElement> QueryParameters => Node.TryGetProperty("parameters", out var ps)
        ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
        : [];
}

internal static class OpenApiOperations
{
    public static async Task<(JsonElement Document, List<Operation> Operations)> LoadAsync(CwHost host)
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/swagger/v1/swagger.json");
        Assert.That(response.IsSuccessStatusCode, Is.True, "the OpenAPI document is served");
        var document = await response.ReadJson();
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var method = op.Name.ToUpperInvariant();
                if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
                {
                    continue;
                }
                var roles = op.Value.TryGetProperty("x-cw-roles", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : null;
                var operationId = op.Value.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{method} {path.Name}";
                string? contentType = null;
                JsonElement? schema = null;
                if (op.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    var first = content.EnumerateObject().First();
                    contentType = first.Name;
                    if (first.Value.TryGetProperty("schema", out var s))
                    {
                        schema = Resolve(document, s);
                    }
                }
                operations.Add(new Operation(method, path.Name, operationId, roles, op.Value, contentType, schema));
            }
        }
        return (document, operations);
    }

    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/').Last();
            return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }
}
