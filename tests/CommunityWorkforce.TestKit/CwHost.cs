using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;

namespace CommunityWorkforce.TestKit;

/// <summary>
/// The real host on a fresh database: a new SQLite file in a temp folder, or, when <c>CW_TEST_SQLSERVER</c> holds
/// a connection string, a new database on that SQL Server (dropped afterwards). Demo data is seeded.
/// </summary>
public sealed class CwHost : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo2026cw";
    public const string DemoStreetCode = "310106021";

    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqlServerDatabase;
    private readonly string? _sqlServerMaster;

    public CwHost(IDictionary<string, string?>? settings = null)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "cw-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        _settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = DataFolder,
            ["Seed:Demo"] = "true",
            ["Auth:SignInPermitsPerMinute"] = "100000",
            ["Client:DistPath"] = Path.Combine(DataFolder, "no-client"),
            // No background warm-up reads (they would run beside what a test counts); the tests of it turn it on.
            ["ReadCache:KeepWarm"] = "false",
        };
        var sqlServer = Environment.GetEnvironmentVariable("CW_TEST_SQLSERVER");
        if (!string.IsNullOrWhiteSpace(sqlServer))
        {
            _sqlServerMaster = sqlServer;
            _sqlServerDatabase = "cw_test_" + Guid.NewGuid().ToString("N");
            using (var connection = new SqlConnection(sqlServer))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = $"CREATE DATABASE [{_sqlServerDatabase}]";
                create.ExecuteNonQuery();
            }
            _settings["Database:Provider"] = "SqlServer";
            _settings["ConnectionStrings:Default"] =
                new SqlConnectionStringBuilder(sqlServer) { InitialCatalog = _sqlServerDatabase }.ConnectionString;
        }
        else
        {
            _settings["Database:Provider"] = "Sqlite";
            _settings["ConnectionStrings:Default"] = $"Data Source={DatabaseFile}";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataFolder { get; }

    public string DatabaseFile => Path.Combine(DataFolder, "communityworkforce.db");

    public bool IsSqlServer => _sqlServerDatabase is not null;

    public string ConnectionString => _settings["ConnectionStrings:Default"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Testing");
    }

    /// <summary>An HTTP client signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientFor(string userName, string password = DemoPassword)
    {
        var tokens = await SignIn(userName, password);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>The password <see cref="ClientForNewAccount"/> gives a new account in place of its temporary one.</summary>
    public const string ChangedPassword = "Changed2026pw";

    /// <summary>
    /// A client for a newly created account: signs in with the one-time password, changes it to
    /// <see cref="ChangedPassword"/> (until then the account may use nothing but its own record), and goes on with the
    /// tokens that change returns.
    /// </summary>
    public async Task<HttpClient> ClientForNewAccount(string userName, string temporaryPassword)
    {
        var client = await ClientFor(userName, temporaryPassword);
        var response = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = temporaryPassword, newPassword = ChangedPassword });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Password change of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var tokens = (await response.Content.ReadFromJsonAsync<Tokens>(Json.Options))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    public async Task<Tokens> SignIn(string userName, string password = DemoPassword)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<Tokens>(Json.Options))!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqlServerDatabase is not null)
        {
            SqlConnection.ClearAllPools();
            using var connection = new SqlConnection(_sqlServerMaster);
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = $"ALTER DATABASE [{_sqlServerDatabase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_sqlServerDatabase}]";
            drop.ExecuteNonQuery();
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

public sealed record Tokens(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(string.IsNullOrEmpty(text) ? "null" : text).RootElement.Clone();
    }
}
