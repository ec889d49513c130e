using System.Data.Common;
using System.Diagnostics;
using Bogus;
using CommunityWorkforce.Api.Hosting;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Migrations;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Workers;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityWorkforce.Bench;

/// <summary>How big a generated city is.</summary>
internal sealed record Scale(int Communities, int Workers, double StreetShare)
{
    /// <summary>Shanghai: 16 districts, 215 streets/towns, 6,400 communities, 60,000 workers.</summary>
    public static readonly Scale City = new(6_400, 60_000, 1.0);

    /// <summary>A few seconds' worth, for the smoke run in build/test.sh.</summary>
    public static readonly Scale Smoke = new(60, 600, 0.05);
}

/// <summary>
/// Builds a city-size database through the product's own migrations, then lets each module of
/// <see cref="BenchModules.All"/> bulk-insert its reproducible part of the data in one transaction, and adds the
/// accounts the scenarios sign in with.
/// </summary>
internal static class Generator
{
    public const string Password = "Bench2026cw";

    public static async Task<string> RunAsync(string dataFolder, int seed, Scale scale)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(dataFolder);
        var dbFile = Path.Combine(dataFolder, "communityworkforce.db");
        foreach (var file in Directory.GetFiles(dataFolder, "communityworkforce.db*"))
        {
            File.Delete(file);
        }
        var factory = new DbConnectionFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={dbFile}" });
        new ModuleMigrator(factory, NullLogger<ModuleMigrator>.Instance).MigrateAll(ModuleCatalog.All);
        var protector = PersonalDataProtector.Load(new Dictionary<string, string>(), null, null, dataFolder);

        // Bogus draws from Randomizer.Seed: set before any Faker exists, so that the seed decides the whole city.
        Randomizer.Seed = new Random(seed);
        var now = DateTimeOffset.UtcNow;

        await using var connection = await factory.OpenAsync(CancellationToken.None);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = await connection.BeginTransactionAsync();
        var city = new GeneratedCity(connection, tx, seed, scale, protector, now);
        foreach (var module in BenchModules.All)
        {
            await module.GenerateAsync(city);
        }

        // Accounts: admin, an HR officer per district, an HR officer and a leader per street, one per sampled worker.
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        var accounts = new List<object> { Account("admin", "系统管理员", "admin", null, null, hash, now) };
        foreach (var district in city.Level("district"))
        {
            accounts.Add(Account($"hr.{district.Code}", $"{district.Name}人事专员", "hr", district.Id, null, hash, now));
        }
        foreach (var street in city.Level("street"))
        {
            accounts.Add(Account($"hr.{street.Code}", $"{street.Name}人事专员", "hr", street.Id, null, hash, now));
            accounts.Add(Account($"leader.{street.Code}", $"{street.Name}领导", "leader", street.Id, null, hash, now));
        }
        foreach (var (workerId, _, post) in city.Workers.Take(100))
        {
            accounts.Add(Account($"worker.{accounts.Count}", "社工", "worker", post.Unit.Id, workerId, hash, now));
        }
        await connection.ExecuteAsync("""
            INSERT INTO access_accounts (id, user_name, display_name, role, org_unit_id, worker_id, password_hash, disabled,
                must_change_password, failed_sign_ins, version, created_at, updated_at)
            VALUES (@Id, @UserName, @DisplayName, @Role, @OrgUnitId, @WorkerId, @PasswordHash, 0, 0, 0, 1, @Now, @Now)
            """, accounts, tx);
        await tx.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await analyze.ExecuteNonQueryAsync();
        }
        city.Summary.Add($"{accounts.Count:N0} accounts");
        return $"{string.Join(", ", city.Summary)} in {clock.Elapsed.TotalSeconds:F1} s";
    }

    private static object Account(string userName, string displayName, string role, Guid? orgUnitId, Guid? workerId, string hash, DateTimeOffset now) =>
        new { Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, Role = role, OrgUnitId = orgUnitId, WorkerId = workerId, PasswordHash = hash, Now = now };
}
