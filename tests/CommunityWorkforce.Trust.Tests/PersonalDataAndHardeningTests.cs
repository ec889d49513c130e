using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityWorkforce.BuildingBlocks.Platform;
using CommunityWorkforce.TestKit;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MiniExcelLibs;

namespace CommunityWorkforce.Trust.Tests;

/// <summary>Personal data protection (PIPL), audit scope and retention, security headers, error hygiene, JWT strictness, backups.</summary>
[TestFixture]
public sealed partial class PersonalDataAndHardeningTests
{
    private const string LinfenPath = "/310000/310106/310106021/";
    private const string NanjingPath = "/310000/310106/310106012/";

    private TrustWorld _world = null!;
    private string _idNumber = null!;
    private Guid _workerId;

    [GeneratedRegex(@"^\d{4}\*{10}[\dX]{4}$")]
    private static partial Regex MaskedPattern();

    [OneTimeSetUp]
    public async Task Start()
    {
        _world = await TrustWorld.CreateAsync();
        _idNumber = TrustData.NewIdNumber();
        _workerId = (await TrustData.CreateWorker(_world.Hr, _world.LinfenCommunity, _idNumber)).Id();
    }

    [OneTimeTearDown]
    public void Stop() => _world.Dispose();

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private Task<long> AuditRows(string action, Guid? entityId = null, string? reason = null) => _world.Host.Scalar<long>(
        "SELECT COUNT(*) FROM platform_audit_log WHERE action = @Action AND (@EntityId IS NULL OR entity_id = @EntityId) AND (@Reason IS NULL OR reason = @Reason)",
        new { Action = action, EntityId = entityId is { } id ? Key(id) : null, Reason = reason });

    [Test]
    public async Task Citizen_id_numbers_are_not_stored_in_clear_in_any_text_column()
    {
        await using var connection = Db.Open(_world.Host);
        var findings = new List<string>();
        foreach (var table in new[] { "staffing_workers", "platform_audit_log" })
        {
            var columns = (await connection.QueryAsync<(long Cid, string Name, string Type)>(
                $"SELECT cid, name, type FROM pragma_table_info('{table}')")).Where(c => c.Type.Contains("TEXT", StringComparison.OrdinalIgnoreCase));
            foreach (var (_, column, _) in columns)
            {
                var hits = await connection.ExecuteScalarAsync<long>(
                    $"SELECT COUNT(*) FROM {table} WHERE CAST({column} AS TEXT) LIKE '%' || @N || '%'", new { N = _idNumber });
                if (hits > 0)
                {
                    findings.Add($"{table}.{column}: {hits} row(s) hold the ID number in clear");
                }
            }
        }
        Assert.That(findings, Is.Empty);
        Assert.That(await _world.Host.Scalar<long>("SELECT COUNT(*) FROM staffing_workers WHERE id = @Id", new { Id = Key(_workerId) }), Is.EqualTo(1));
    }

    [Test]
    public async Task Every_response_showing_a_worker_masks_the_id_number()
    {
        var bodies = new Dictionary<string, string>
        {
            ["list"] = await _world.Hr.GetStringAsync($"/api/staffing/workers?q={Uri.EscapeDataString(await WorkerName())}"),
            ["get"] = await _world.Hr.GetStringAsync($"/api/staffing/workers/{_workerId}"),
            ["admin get"] = await _world.Admin.GetStringAsync($"/api/staffing/workers/{_workerId}"),
            ["leader get"] = await _world.Leader.GetStringAsync($"/api/staffing/workers/{_workerId}"),
            ["worker me"] = await _world.Worker.GetStringAsync("/api/staffing/workers/me"),
            ["postings"] = await _world.Hr.GetStringAsync($"/api/staffing/workers/{_workerId}/postings"),
        };
        var created = await _world.Hr.PostAsJsonAsync("/api/staffing/workers", TrustData.WorkerBody(_world.LinfenCommunity));
        bodies["create"] = await created.Content.ReadAsStringAsync();
        var version = JsonDocument.Parse(bodies["get"]).RootElement.GetProperty("version").GetInt32();
        var updated = await _world.Hr.PutAsJsonAsync($"/api/staffing/workers/{_workerId}", new
        {
            name = await WorkerName(), ethnicGroup = "01", politicalStatus = "13", education = "21",
            hireDate = "2020-01-01", serviceStartDate = "2019-01-01", version,
        });
        bodies["update"] = await updated.Content.ReadAsStringAsync();
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK), bodies["update"]);

        foreach (var (what, body) in bodies)
        {
            Assert.That(body, Does.Not.Contain(_idNumber), $"{what} shows the full ID number");
            foreach (var masked in MaskedValues(JsonDocument.Parse(body).RootElement))
            {
                Assert.That(masked, Does.Match(MaskedPattern()), $"{what}: idNumberMasked");
            }
        }
        var single = JsonDocument.Parse(bodies["get"]).RootElement.GetProperty("idNumberMasked").GetString();
        Assert.That(single, Is.EqualTo(_idNumber[..4] + "**********" + _idNumber[^4..]));
        Assert.That(MaskedValues(JsonDocument.Parse(bodies["worker me"]).RootElement).ToList(), Has.Count.EqualTo(1));

        var export = await _world.Hr.GetByteArrayAsync("/api/staffing/workers/export");
        using var stream = new MemoryStream(export);
        var ids = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["身份证号"]?.ToString() ?? "").ToList();
        Assert.That(ids, Is.Not.Empty);
        Assert.That(ids, Is.All.Match(MaskedPattern()), "the plain export masks every ID number");
    }

    private async Task<string> WorkerName() =>
        (await _world.Hr.GetJson($"/api/staffing/workers/{_workerId}")).GetProperty("name").GetString()!;

    private static IEnumerable<string> MaskedValues(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "idNumberMasked")
                    {
                        yield return property.Value.GetString() ?? "";
                    }
                    foreach (var inner in MaskedValues(property.Value))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray().SelectMany(MaskedValues))
                {
                    yield return item;
                }
                break;
        }
    }

    [Test]
    public async Task Revealing_and_exporting_id_numbers_are_audited_with_their_reason()
    {
        var reveal = await _world.Hr.PostAsJsonAsync($"/api/staffing/workers/{_workerId}/reveal-id", new { reason = "办理社保核对身份" });
        var revealed = await reveal.ReadJson();
        Assert.That(reveal.StatusCode, Is.EqualTo(HttpStatusCode.OK), revealed.ToString());
        Assert.That(revealed.GetProperty("idNumber").GetString(), Is.EqualTo(_idNumber));
        Assert.That(await AuditRows("staffing.worker.id-revealed", _workerId, "办理社保核对身份"), Is.EqualTo(1));

        var export = await _world.Hr.PostAsJsonAsync("/api/staffing/workers/export-with-ids", new { reason = "报送区人社局" });
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK), await export.Content.ReadAsStringAsync());
        Assert.That(await AuditRows("staffing.worker.exported-with-ids", reason: "报送区人社局"), Is.EqualTo(1));

        var exportsBefore = await AuditRows("staffing.worker.exported");
        var plain = await _world.Leader.GetAsync("/api/staffing/workers/export");
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await AuditRows("staffing.worker.exported"), Is.EqualTo(exportsBefore + 1));

        var noReason = await _world.Hr.PostAsJsonAsync($"/api/staffing/workers/{_workerId}/reveal-id", new { reason = "" });
        await ProblemAssert.NamesField(noReason, "reason");
    }

    [Test]
    public async Task Worker_downloads_their_own_personal_data_with_full_id_number_and_postings_and_it_is_audited()
    {
        var accountId = (await _world.Worker.GetJson("/api/me")).GetProperty("id").GetGuid();
        var before = await AuditRows("platform.personal-data.downloaded", accountId);
        var full = (await (await _world.Admin.PostAsJsonAsync($"/api/staffing/workers/{_world.DemoWorkerId}/reveal-id", new { reason = "测试比对" })).ReadJson())
            .GetProperty("idNumber").GetString();

        var data = await _world.Worker.GetJson("/api/me/personal-data");

        var staffing = data.GetProperty("staffing");
        Assert.That(staffing.GetProperty("worker").Id(), Is.EqualTo(_world.DemoWorkerId));
        Assert.That(staffing.GetProperty("idNumber").GetString(), Is.EqualTo(full).And.Length.EqualTo(18));
        Assert.That(staffing.GetProperty("postings").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(staffing.GetProperty("postings").EnumerateArray().Select(p => p.GetProperty("workerId").GetGuid()), Is.All.EqualTo(_world.DemoWorkerId));
        Assert.That(await AuditRows("platform.personal-data.downloaded", accountId), Is.EqualTo(before + 1));
    }

    private static async Task<List<JsonElement>> AllAuditRows(HttpClient client)
    {
        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var result = await client.GetJson($"/api/audit-log?pageSize=200&page={page}");
            var items = result.GetProperty("items").EnumerateArray().ToList();
            rows.AddRange(items);
            if (items.Count < 200)
            {
                return rows;
            }
        }
    }

    [Test]
    public async Task Audit_log_shows_hr_only_their_subtree_admin_everything_and_refuses_leader_and_worker()
    {
        var hrRows = await AllAuditRows(_world.Hr);
        var adminRows = await AllAuditRows(_world.Admin);
        var otherHrRows = await AllAuditRows(_world.OtherHr);

        Assert.That(hrRows, Is.Not.Empty);
        Assert.That(hrRows.Select(r => r.GetProperty("scopePath").GetString() ?? "(null)"), Is.All.StartsWith(LinfenPath));
        Assert.That(otherHrRows.Select(r => r.GetProperty("scopePath").GetString() ?? "(null)"), Is.All.StartsWith(NanjingPath));
        Assert.That(otherHrRows, Is.Not.Empty, "南京西路's hr sees the rows of the data created there");
        Assert.That(adminRows.Count, Is.EqualTo(await _world.Host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log")).Within(10),
            "admin sees every row");
        Assert.That(adminRows.Any(r => (r.GetProperty("scopePath").GetString() ?? "").StartsWith(NanjingPath, StringComparison.Ordinal)), Is.True);

        await ProblemAssert.IsProblem(await _world.Leader.GetAsync("/api/audit-log"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await _world.Worker.GetAsync("/api/audit-log"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Retention_purges_old_access_logs_but_keeps_recent_ones_and_change_records_of_any_age()
    {
        var now = DateTimeOffset.UtcNow;
        var oldReveal = Guid.NewGuid();
        var recentReveal = Guid.NewGuid();
        var ancientChange = Guid.NewGuid();
        await using (var connection = Db.Open(_world.Host))
        {
            foreach (var (id, action, age) in new[]
                     {
                         (oldReveal, "staffing.worker.id-revealed", 400), (recentReveal, "staffing.worker.id-revealed", 100),
                         (ancientChange, "staffing.worker.updated", 4000),
                     })
            {
                await connection.ExecuteAsync("""
                    INSERT INTO platform_audit_log (id, occurred_at, user_name, role, action, entity_type, entity_id, scope_path, reason)
                    VALUES (@Id, @OccurredAt, 'hr.linfen', 'hr', @Action, 'worker', @EntityId, @Scope, '保留期测试')
                    """, new { Id = Key(id), OccurredAt = now.AddDays(-age), Action = action, EntityId = Key(_workerId), Scope = LinfenPath });
            }
        }

        var deleted = await _world.Host.Services.GetRequiredService<AuditRetention>().PurgeAsync(CancellationToken.None);

        Assert.That(deleted, Is.GreaterThanOrEqualTo(1));
        Assert.That(await Exists(oldReveal), Is.False, "an access log older than 400 days is purged");
        Assert.That(await Exists(recentReveal), Is.True, "a 100-day-old access log is kept");
        Assert.That(await Exists(ancientChange), Is.True, "change records are kept whatever their age");
    }

    private async Task<bool> Exists(Guid auditId) =>
        await _world.Host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE id = @Id", new { Id = Key(auditId) }) == 1;

    [TestCase("/")]
    [TestCase("/api/me")]
    [TestCase("/swagger/index.html")]
    public async Task Security_headers_are_on_every_response(string path)
    {
        var response = await _world.Hr.GetAsync(path);

        var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
        Assert.That(csp, Is.Not.Empty, "Content-Security-Policy present");
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal))
                        ?? csp.Split(';').Select(d => d.Trim()).First(d => d.StartsWith("default-src", StringComparison.Ordinal));
        Assert.That(scriptSrc, Does.Not.Contain("'unsafe-inline'").And.Not.Contain("'unsafe-eval'"));
        Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
        Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
        Assert.That(Header(response, "Referrer-Policy"), Is.Not.Empty);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Test]
    public async Task Error_responses_never_contain_stack_traces_or_exception_names()
    {
        using var anonymous = _world.Host.CreateClient();
        var provocations = new List<HttpResponseMessage>
        {
            await _world.Hr.PostAsync("/api/staffing/org-units", new StringContent("{ \"code\": ", Encoding.UTF8, "application/json")),
            await _world.Hr.PostAsync("/api/staffing/org-units", new StringContent("{\"households\":\"many\"}", Encoding.UTF8, "application/json")),
            await _world.Hr.PostAsync("/api/staffing/posts", new StringContent("{\"quota\":1e30}", Encoding.UTF8, "application/json")),
            await _world.Hr.PostAsync("/api/staffing/workers", new StringContent("{\"hireDate\":\"2024-02-30\"}", Encoding.UTF8, "application/json")),
            await _world.Hr.PostAsync("/api/staffing/workers", new StringContent("{\"name\":1}", Encoding.UTF8, "text/plain")),
            await _world.Hr.GetAsync("/api/staffing/workers?pageSize=99999999999"),
            await _world.Hr.GetAsync("/api/staffing/workers?ageMin=abc"),
            await _world.Hr.GetAsync("/api/staffing/workers/not-a-guid"),
            await _world.Hr.PutAsync($"/api/staffing/workers/{_workerId}", new StringContent("[]", Encoding.UTF8, "application/json")),
            await _world.Hr.PostAsync("/api/staffing/workers/import", TrustData.Upload("PK\u0003\u0004garbage"u8.ToArray())),
            await _world.Admin.PostAsync("/api/access/accounts", new StringContent("{\"role\":{\"$ne\":1}}", Encoding.UTF8, "application/json")),
            await anonymous.PostAsync("/api/auth/refresh", new StringContent("{\"refreshToken\":null,\"x\":1}", Encoding.UTF8, "application/json")),
            await anonymous.GetAsync("/api/me"),
            await _world.Worker.GetAsync("/api/staffing/workers"),
        };
        foreach (var response in provocations)
        {
            var body = await response.Content.ReadAsStringAsync();
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery} → {(int)response.StatusCode}";
            Assert.That((int)response.StatusCode, Is.InRange(400, 499), $"{what}: {body}");
            Assert.That(body, Does.Not.Contain("   at ").And.Not.Contain("Exception").And.Not.Contain("System."), $"{what}: {body}");
        }
    }

    private async Task<string> Token(Action<SecurityTokenDescriptor> change, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(_world.Host.DataFolder, "jwt-signing.key"))).Trim());
        var me = await _world.Admin.GetJson("/api/me");
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "CommunityWorkforce",
            Audience = "CommunityWorkforce",
            Subject = new ClaimsIdentity([new Claim("sub", me.GetProperty("id").GetGuid().ToString()), new Claim("name", "admin"), new Claim("role", "admin")]),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), algorithm),
        };
        change(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private async Task<HttpStatusCode> MeWith(string token)
    {
        using var client = _world.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/me");
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized);
        }
        return response.StatusCode;
    }

    [Test]
    public async Task Jwt_validation_is_strict_about_lifetime_issuer_audience_and_algorithm()
    {
        Assert.That(await MeWith(await Token(_ => { })), Is.EqualTo(HttpStatusCode.OK), "control: a well-formed token of our own is accepted");

        Assert.That(await MeWith(await Token(d =>
        {
            d.IssuedAt = DateTime.UtcNow.AddHours(-2);
            d.NotBefore = DateTime.UtcNow.AddHours(-2);
            d.Expires = DateTime.UtcNow.AddMinutes(-5);
        })), Is.EqualTo(HttpStatusCode.Unauthorized), "expired");
        Assert.That(await MeWith(await Token(d => d.Issuer = "https://evil.example")), Is.EqualTo(HttpStatusCode.Unauthorized), "wrong issuer");
        Assert.That(await MeWith(await Token(d => d.Audience = "SomeoneElse")), Is.EqualTo(HttpStatusCode.Unauthorized), "wrong audience");
        Assert.That(await MeWith(await Token(_ => { }, SecurityAlgorithms.HmacSha512)), Is.EqualTo(HttpStatusCode.Unauthorized), "HS512");
        Assert.That(await MeWith(await Token(d => d.Expires = null)), Is.EqualTo(HttpStatusCode.Unauthorized), "no expiry");

        var signed = await Token(_ => { });
        var parts = signed.Split('.');
        var none = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        Assert.That(await MeWith(none), Is.EqualTo(HttpStatusCode.Unauthorized), "alg none");
        var otherKey = await Token(d => d.SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)), SecurityAlgorithms.HmacSha256));
        Assert.That(await MeWith(otherKey), Is.EqualTo(HttpStatusCode.Unauthorized), "signed with another key");
    }

    [Test]
    public async Task Admin_backup_is_a_consistent_sqlite_copy_and_others_are_refused()
    {
        var liveWorkers = await _world.Host.Scalar<long>("SELECT COUNT(*) FROM staffing_workers");

        var response = await _world.Admin.PostAsync("/api/platform/backups", null);

        var body = await response.ReadJson();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        var file = Path.Combine(_world.Host.DataFolder, "backups", body.GetProperty("file").GetString()!);
        Assert.That(File.Exists(file), Is.True, file);
        Assert.That(body.GetProperty("sizeBytes").GetInt64(), Is.EqualTo(new FileInfo(file).Length).And.GreaterThan(0));
        await using (var backup = new Microsoft.Data.Sqlite.SqliteConnection(
                         new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await backup.OpenAsync();
            Assert.That(await backup.ExecuteScalarAsync<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
            Assert.That(await backup.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM staffing_workers"), Is.EqualTo(liveWorkers));
        }

        foreach (var client in new[] { _world.Hr, _world.Leader, _world.Worker })
        {
            await ProblemAssert.IsProblem(await client.PostAsync("/api/platform/backups", null), HttpStatusCode.Forbidden);
        }
    }
}
