using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Api.Tests;

/// <summary>The per-connection SQLite settings the host applies to every connection it opens, pooled or new.</summary>
[TestFixture]
public sealed class SqliteSettingsTests
{
    [TestCase(null, 1L, true)]
    [TestCase("Grouped", 1L, true)]
    [TestCase("Normal", 1L, false)]
    [TestCase("full", 2L, false)]
    public async Task Commits_are_synced_as_configured_on_every_connection(string? setting, long expected, bool grouped)
    {
        // SQLite whatever the suite runs on (CW_TEST_SQLSERVER): the setting is SQLite's.
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(Path.GetTempPath(), "cw-tests", Guid.NewGuid().ToString("N"), "sync.db")}",
        };
        if (setting is not null)
        {
            settings["Database:SqliteSynchronous"] = setting;
        }
        using var host = new CwHost(settings);
        var factory = host.Services.GetRequiredService<DbConnectionFactory>();

        var values = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            // Opened and closed in turn: the pool hands back the same native connection, which must keep the setting.
            await using var connection = await factory.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            values.Add((long)(await command.ExecuteScalarAsync())!);
        }

        Assert.That(values, Has.All.EqualTo(expected));
        // Grouped (the default): SQLite does not sync at commit; the host does, after the write gate (WalGroupSync).
        Assert.That(factory.LogSync is not null, Is.EqualTo(grouped));
    }
}
