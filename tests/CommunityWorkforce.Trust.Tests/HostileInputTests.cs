using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Trust.Tests;

/// <summary>
/// Generated malformed requests for every operation of the OpenAPI document, as a role allowed to call it: always a
/// 4xx problem (never a 5xx), and never a write.
/// </summary>
[TestFixture]
public sealed class HostileInputTests
{
    private const string Sql = "' OR 1=1 --";
    private const string Script = "<script>alert(1)</script>";

    private static readonly string[] CountedTables =
    [
        "staffing_org_units", "staffing_workers", "staffing_posts", "staffing_postings", "staffing_rotation_requests", "access_accounts",
    ];

    private static readonly string Huge = new('好', 100 * 1024 / 3);

    private TrustWorld _world = null!;
    private HttpClient _anonymous = null!;
    private JsonElement _document;
    private List<Operation> _operations = null!;

    /// <summary>Structural: the request can never be valid, so it must be a 4xx. Plausible: a valid string that only must not break anything.</summary>
    private enum Kind
    {
        Structural,
        Plausible,
    }

    private sealed record Attempt(string What, Operation Op, Func<HttpRequestMessage> Build, Kind Kind);

    [OneTimeSetUp]
    public async Task Start()
    {
        _world = await TrustWorld.CreateAsync();
        _anonymous = _world.Host.CreateClient();
        (_document, _operations) = await OpenApiOperations.LoadAsync(_world.Host);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _anonymous.Dispose();
        _world.Dispose();
    }

    private HttpClient Caller(Operation op) =>
        op.IsAnonymous ? _anonymous
        : op.Roles!.Contains("admin") ? _world.Admin
        : op.Roles!.Contains("hr") ? _world.Hr
        : op.Roles!.Contains("leader") ? _world.Leader
        : _world.Worker;

    private async Task<Dictionary<string, long>> CountRows()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in CountedTables)
        {
            counts[table] = await _world.Host.Scalar<long>($"SELECT COUNT(*) FROM {table}");
        }
        return counts;
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            var name = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "string"
                : type.GetString() ?? "string";
            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            return format is "uuid" or "date" or "date-time" ? format : name;
        }
        return schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("allOf", out _) ? "object" : "string";
    }

    private IEnumerable<(string Name, string Type)> Properties(JsonElement? schema)
    {
        if (schema is not { } s || !s.TryGetProperty("properties", out var properties))
        {
            return [];
        }
        return properties.EnumerateObject().Select(p => (p.Name, TypeOf(OpenApiOperations.Resolve(_document, p.Value)))).ToList();
    }

    private static Func<HttpRequestMessage> Json(Operation op, string path, string json, string contentType = "application/json") => () =>
        new HttpRequestMessage(new HttpMethod(op.Method), path) { Content = new StringContent(json, Encoding.UTF8, contentType) };

    private static Func<HttpRequestMessage> Bytes(Operation op, string path, byte[] body) => () =>
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(new HttpMethod(op.Method), path) { Content = content };
    };

    /// <summary>Wrong-typed, out-of-range, oversized and hostile values for one property of the given type.</summary>
    private static IEnumerable<(string Json, Kind Kind, string What)> ValuesFor(string type)
    {
        static string q(string value) => JsonSerializer.Serialize(value);
        var hugeArray = "[" + string.Join(",", Enumerable.Repeat("0", 100_000)) + "]";
        yield return (hugeArray, Kind.Structural, "huge array");
        yield return ("{\"nested\":{}}", Kind.Structural, "object");
        switch (type)
        {
            case "integer":
            case "number":
                yield return (q("abc"), Kind.Structural, "string for number");
                yield return ("true", Kind.Structural, "boolean for number");
                yield return ("1e30", Kind.Structural, "1e30");
                yield return ("-2147483649", Kind.Structural, "below int range");
                yield return ("99999999999999999999", Kind.Structural, "huge integer");
                yield return ("1.5", type == "integer" ? Kind.Structural : Kind.Plausible, "fraction");
                yield return ("-1", Kind.Plausible, "negative");
                break;
            case "boolean":
                yield return (q("yes"), Kind.Structural, "string for boolean");
                yield return ("1", Kind.Structural, "number for boolean");
                break;
            case "uuid":
                yield return (q("not-a-guid"), Kind.Structural, "bad uuid");
                yield return (q(Sql), Kind.Structural, "sql as uuid");
                yield return ("42", Kind.Structural, "number for uuid");
                break;
            case "date":
                yield return (q("2024-02-30"), Kind.Structural, "impossible date");
                yield return (q("not a date"), Kind.Structural, "text date");
                yield return (q("99999-12-31"), Kind.Structural, "five-digit year");
                yield return ("20240101", Kind.Structural, "number for date");
                yield return (q(Sql), Kind.Structural, "sql as date");
                break;
            case "date-time":
                yield return (q("yesterday"), Kind.Structural, "text date-time");
                yield return ("1", Kind.Structural, "number for date-time");
                break;
            case "object":
            case "array":
                yield return (q("text"), Kind.Structural, "string for object");
                yield return ("7", Kind.Structural, "number for object");
                break;
            default:
                yield return ("12345", Kind.Structural, "number for string");
                yield return ("true", Kind.Structural, "boolean for string");
                yield return (q(Huge), Kind.Plausible, "100 KB string");
                yield return (q("no-such-code"), Kind.Plausible, "invalid code");
                yield return (q(Sql), Kind.Plausible, "sql payload");
                yield return (q(Script), Kind.Plausible, "script payload");
                yield return (q("\u0000\uFFFF"), Kind.Plausible, "control characters");
                break;
        }
    }

    private static IEnumerable<(string Value, Kind Kind)> QueryValuesFor(string type) => type switch
    {
        "integer" or "number" => [("abc", Kind.Structural), ("1e30", Kind.Structural), ("99999999999", Kind.Structural), ("-1", Kind.Plausible), (Sql, Kind.Structural)],
        "boolean" => [("maybe", Kind.Structural), (Sql, Kind.Structural)],
        "uuid" => [("not-a-guid", Kind.Structural), (Sql, Kind.Structural), (Script, Kind.Structural)],
        "date" or "date-time" => [("not-a-date", Kind.Structural), ("2024-02-30", Kind.Structural), (Sql, Kind.Structural)],
        _ => [(Sql, Kind.Plausible), (Script, Kind.Plausible), (new string('x', 10_000), Kind.Plausible), ("no-such-code", Kind.Plausible)],
    };

    private IEnumerable<Attempt> Attempts(Operation op)
    {
        var path = op.PathWith(Guid.NewGuid());
        if (op.HasId)
        {
            foreach (var bad in new[] { "abc", Uri.EscapeDataString(Sql), Uri.EscapeDataString(Script), "1", "00000000-0000-0000-0000-00000000000g", new string('9', 5000) })
            {
                var badPath = op.Path.Replace("{id}", bad, StringComparison.Ordinal);
                yield return new Attempt($"path id '{bad[..Math.Min(bad.Length, 40)]}'", op, op.BodyContentType == "application/json"
                    ? Json(op, badPath, "{}")
                    : () => new HttpRequestMessage(new HttpMethod(op.Method), badPath), Kind.Structural);
            }
        }
        foreach (var parameter in op.QueryParameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var type = parameter.TryGetProperty("schema", out var schema) ? TypeOf(OpenApiOperations.Resolve(_document, schema)) : "string";
            foreach (var (value, kind) in QueryValuesFor(type))
            {
                var url = $"{path}?{name}={Uri.EscapeDataString(value)}";
                yield return new Attempt($"query {name}={value[..Math.Min(value.Length, 30)]}", op, op.BodyContentType == "application/json"
                    ? Json(op, url, "{}")
                    : op.BodyContentType == "multipart/form-data"
                        ? () => new HttpRequestMessage(new HttpMethod(op.Method), url) { Content = new MultipartFormDataContent { { new StringContent("x"), "note" } } }
                        : () => new HttpRequestMessage(new HttpMethod(op.Method), url), kind);
            }
        }
        if (op.BodyContentType != "application/json")
        {
            yield break;
        }
        foreach (var (json, what) in new[]
                 {
                     ("{}", "empty object (every field missing)"), ("{\"unexpectedField\":1}", "extra field"), ("[]", "array body"),
                     ("\"text\"", "string body"), ("123", "number body"), ("null", "null body"), ("{\"a\":", "truncated json"),
                     ("", "empty body"), (new string('[', 100) + new string(']', 100), "nesting 100 deep"),
                     ("[" + string.Join(",", Enumerable.Repeat("{}", 100_000)) + "]", "huge array body"),
                 })
        {
            yield return new Attempt(what, op, Json(op, path, json), Kind.Structural);
        }
        yield return new Attempt("text/plain content type", op, Json(op, path, "{}", "text/plain"), Kind.Structural);
        yield return new Attempt("invalid utf-8", op, Bytes(op, path, [.. "{\"name\":\""u8.ToArray(), 0xFF, 0xFE, 0xC3, 0x28, .. "\"}"u8.ToArray()]), Kind.Structural);
        var properties = Properties(op.BodySchema).ToList();
        foreach (var (name, type) in properties)
        {
            foreach (var (value, kind, what) in ValuesFor(type))
            {
                // Only the one property: every other field is missing, so no body here is a complete valid request.
                yield return new Attempt($"{name}: {what}", op, Json(op, path, $"{{\"{name}\":{value}}}"), kind);
                yield return new Attempt($"{name}: {what} + extra field", op, Json(op, path, $"{{\"{name}\":{value},\"unexpectedField\":{value}}}"), Kind.Structural);
            }
        }
    }

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    [Test]
    public async Task Malformed_requests_to_every_operation_get_a_4xx_problem_and_write_nothing()
    {
        var before = await CountRows();
        var failures = new List<string>();
        var tried = 0;
        foreach (var op in _operations)
        {
            var client = Caller(op);
            foreach (var attempt in Attempts(op))
            {
                tried++;
                using var request = attempt.Build();
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var where = $"{op.Name} [{attempt.What}]";
                if (status >= 500)
                {
                    failures.Add($"{where}: {status} {Trim(body)}");
                }
                else if (status >= 400 && !IsProblem(response))
                {
                    failures.Add($"{where}: {status} without application/problem+json");
                }
                else if (status < 400 && attempt.Kind == Kind.Structural)
                {
                    failures.Add($"{where}: accepted with {status}: {Trim(body)}");
                }
                else if (status < 400 && body.Contains(Script, StringComparison.Ordinal) && response.Content.Headers.ContentType?.MediaType != "application/json")
                {
                    failures.Add($"{where}: script payload echoed unescaped in a {response.Content.Headers.ContentType?.MediaType} response");
                }
                else if (status < 400 && attempt.What.Contains(Sql[..4], StringComparison.Ordinal) && Total(body) is { } total
                         && total > 0 && total > await BaselineTotal(client, op, attempt.What))
                {
                    failures.Add($"{where}: an SQL payload matched {total} rows, more than a harmless search term");
                }
            }
        }
        var after = await CountRows();
        await TestContext.Out.WriteLineAsync($"hostile input: {tried} requests tried over {_operations.Count} operations");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(60)) + (failures.Count > 60 ? $"{Environment.NewLine}… and {failures.Count - 60} more" : ""));
        Assert.That(after, Is.EqualTo(before), "no table grew from hostile calls");
        Assert.That(tried, Is.GreaterThan(1000));
    }

    /// <summary>Every string property of every JSON request body, with its declared maxLength (null when missing).</summary>
    private IEnumerable<(Operation Op, string Name, int? MaxLength)> BodyStrings() =>
        from op in _operations
        where op.BodyContentType == "application/json" && op.BodySchema is { } schema && schema.TryGetProperty("properties", out _)
        from property in op.BodySchema!.Value.GetProperty("properties").EnumerateObject()
        let resolved = OpenApiOperations.Resolve(_document, property.Value)
        where TypeOf(resolved) == "string"
        select (op, property.Name, resolved.TryGetProperty("maxLength", out var max) ? max.GetInt32() : (int?)null);

    private IEnumerable<(Operation Op, string Name)> BodyDates() =>
        from op in _operations
        where op.BodyContentType == "application/json" && op.BodySchema is { } schema && schema.TryGetProperty("properties", out _)
        from property in op.BodySchema!.Value.GetProperty("properties").EnumerateObject()
        where TypeOf(OpenApiOperations.Resolve(_document, property.Value)) == "date"
        select (op, property.Name);

    private static async Task<string?> ExpectNamed(HttpResponseMessage response, string field, string where)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest || !IsProblem(response))
        {
            return $"{where}: expected a 400 problem, got {(int)response.StatusCode} {Trim(body)}";
        }
        var problem = JsonDocument.Parse(body).RootElement;
        return problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
            ? null
            : $"{where}: the 400 does not name {field}: {Trim(body)}";
    }

    [Test]
    public void Every_string_in_every_request_body_declares_a_maxLength()
    {
        var strings = BodyStrings().ToList();
        var missing = strings.Where(s => s.MaxLength is null).Select(s => $"{s.Op.Name}: {s.Name}").Distinct().ToList();

        Assert.That(strings, Has.Count.GreaterThan(30), "the request bodies' strings were found in the document");
        Assert.That(missing, Is.Empty, "request-body strings without maxLength: " + string.Join(", ", missing));
    }

    [Test]
    public async Task One_character_over_each_declared_maxLength_is_a_400_naming_the_field_and_writes_nothing()
    {
        var before = await CountRows();
        var failures = new List<string>();
        var limits = BodyStrings().Where(s => s.MaxLength is not null).ToList();
        foreach (var (op, name, max) in limits)
        {
            var path = op.PathWith(Guid.NewGuid());
            using var request = Json(op, path, JsonSerializer.Serialize(new Dictionary<string, string> { [name] = new('x', max!.Value + 1) }))();
            using var response = await Caller(op).SendAsync(request);
            if (await ExpectNamed(response, name, $"{op.Name} {name} of {max + 1} characters") is { } failure)
            {
                failures.Add(failure);
            }
        }
        await TestContext.Out.WriteLineAsync($"hostile input: {limits.Count} length limits checked one character over");
        Assert.That(limits, Has.Count.GreaterThan(30));
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
        Assert.That(await CountRows(), Is.EqualTo(before));
    }

    [Test]
    public async Task Every_date_in_every_request_body_refuses_the_year_1_and_the_year_9999_naming_the_field()
    {
        var before = await CountRows();
        var failures = new List<string>();
        var dates = BodyDates().ToList();
        foreach (var (op, name) in dates)
        {
            foreach (var date in new[] { "0001-01-01", "9999-12-31" })
            {
                using var request = Json(op, op.PathWith(Guid.NewGuid()), $"{{\"{name}\":\"{date}\"}}")();
                using var response = await Caller(op).SendAsync(request);
                if (await ExpectNamed(response, name, $"{op.Name} {name} = {date}") is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }
        await TestContext.Out.WriteLineAsync($"hostile input: {dates.Count} request-body dates checked at year 1 and 9999");
        Assert.That(dates, Has.Count.GreaterThanOrEqualTo(8), "hire, service start, effective, closed, started, ended, proposed dates");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
        Assert.That(await CountRows(), Is.EqualTo(before));
    }

    /// <summary>Required only in some cases, which one schema cannot say: rejecting needs a comment, approving does not.</summary>
    private static readonly HashSet<string> ConditionallyRequired = ["RejectRotationRequest comment"];

    [Test]
    public async Task What_an_empty_body_is_told_is_required_is_required_in_the_document()
    {
        var failures = new List<string>();
        var checkedOps = 0;
        foreach (var op in _operations.Where(o => o.BodyContentType == "application/json" && o.BodySchema is not null))
        {
            using var request = Json(op, op.PathWith(Guid.NewGuid()), "{}")();
            request.Headers.AcceptLanguage.ParseAdd("en");
            using var response = await Caller(op).SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                continue;
            }
            checkedOps++;
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var required = op.BodySchema!.Value.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
            foreach (var error in problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject() : Enumerable.Empty<JsonProperty>())
            {
                if (error.Value.EnumerateArray().Any(m => m.GetString() == "Required.") && !required.Contains(error.Name)
                    && !ConditionallyRequired.Contains($"{op.OperationId} {error.Name}"))
                {
                    failures.Add($"{op.Name}: {error.Name} is required but not marked required in the document");
                }
            }
            foreach (var name in required)
            {
                var property = op.BodySchema!.Value.GetProperty("properties").GetProperty(name!);
                if (property.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean())
                {
                    failures.Add($"{op.Name}: {name} is required but nullable");
                }
            }
        }
        Assert.That(checkedOps, Is.GreaterThan(15));
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    private static int? Total(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }
        return JsonDocument.Parse(body).RootElement.TryGetProperty("total", out var total) ? total.GetInt32() : null;
    }

    /// <summary>The total the same list returns for a harmless term in the same parameter: what an SQL payload may not exceed.</summary>
    private static async Task<int> BaselineTotal(HttpClient client, Operation op, string what)
    {
        var name = what["query ".Length..what.IndexOf('=', StringComparison.Ordinal)];
        using var response = await client.GetAsync($"{op.Path}?{name}=zzqqxxnomatch");
        return Total(await response.Content.ReadAsStringAsync()) ?? 0;
    }

    private static string Trim(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                stream.Write(zeros);
            }
        }
        return buffer.ToArray();
    }

    [Test]
    public async Task Hostile_uploads_are_refused_with_a_4xx_problem_and_import_nothing()
    {
        var before = await CountRows();
        var random = new Random(2026);
        var notXlsx = new byte[64 * 1024];
        random.NextBytes(notXlsx);
        var oversized = new byte[11 * 1024 * 1024];
        random.NextBytes(oversized);
        var bomb = ZipBomb();
        Assert.That(bomb.Length, Is.LessThan(RosterLimit), "the bomb itself is small");
        var cases = new (string What, Func<HttpContent> Content)[]
        {
            ("json instead of multipart", () => new StringContent("{\"file\":\"x\"}", Encoding.UTF8, "application/json")),
            ("text file", () => TrustData.Upload("姓名,身份证号\n张三,1"u8.ToArray(), "roster.csv", "text/csv")),
            ("not an xlsx", () => TrustData.Upload(notXlsx)),
            ("zip bomb", () => TrustData.Upload(bomb)),
            ("11 MB file", () => TrustData.Upload(oversized)),
            ("empty file", () => TrustData.Upload([])),
            ("wrong field name", () => new MultipartFormDataContent { { new ByteArrayContent(notXlsx), "upload", "roster.xlsx" } }),
        };
        var failures = new List<string>();
        var tried = 0;
        foreach (var url in new[] { "/api/staffing/workers/import", "/api/staffing/workers/import/error-report", "/api/staffing/workers/import/check" })
        {
            foreach (var (what, content) in cases)
            {
                tried++;
                using var response = await _world.Hr.PostAsync(url, content());
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500 || !IsProblem(response))
                {
                    failures.Add($"{url} [{what}]: {status} {response.Content.Headers.ContentType?.MediaType} {Trim(await response.Content.ReadAsStringAsync())}");
                }
            }
        }
        await TestContext.Out.WriteLineAsync($"hostile uploads: {tried} requests tried");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
        Assert.That(await CountRows(), Is.EqualTo(before));
    }

    private const int RosterLimit = 10 * 1024 * 1024;

    [Test]
    public async Task Sql_and_script_text_is_stored_literally_and_returned_escaped()
    {
        var body = TrustData.WorkerBody(_world.LinfenCommunity);
        body["name"] = Script;
        var response = await _world.Hr.PostAsync("/api/staffing/workers",
            new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var created = JsonDocument.Parse(text).RootElement;
            var id = created.Id();
            Assert.That(created.GetProperty("name").GetString(), Is.EqualTo(Script), "returned as the literal text, JSON-encoded");
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), "never served as HTML");
            Assert.That(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Contains("nosniff"), Is.True,
                "browsers may not sniff it into HTML");
            Assert.That(await _world.Host.Scalar<string>("SELECT name FROM staffing_workers WHERE id = @Id", new { Id = id.ToString().ToUpperInvariant() }),
                Is.EqualTo(Script), "stored as the literal text");
        }
        else
        {
            await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        }
        var search = await _world.Hr.GetJson($"/api/staffing/workers?q={Uri.EscapeDataString(Sql)}");
        Assert.That(search.GetProperty("total").GetInt32(), Is.Zero, "an SQL payload in q matches nothing");
        Assert.That(await _world.Host.Scalar<long>("SELECT COUNT(*) FROM staffing_workers"), Is.GreaterThan(1), "the table is still there");
    }
}
