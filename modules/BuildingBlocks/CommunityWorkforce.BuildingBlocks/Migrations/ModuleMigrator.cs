using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Modules;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Output;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.BuildingBlocks.Migrations;

/// <summary>
/// Runs each module's embedded scripts (<c>Database/Sqlite</c> or <c>Database/SqlServer</c>) with DbUp, each module
/// journalled in its own table (<c>staffing_schema_versions</c>). Scripts are append-only.
/// </summary>
public sealed class ModuleMigrator(DbConnectionFactory factory, ILogger<ModuleMigrator> logger)
{
    public void MigrateAll(IEnumerable<IModule> modules)
    {
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            using var connection = new SqliteConnection(factory.ConnectionString);
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }
        foreach (var module in modules.OrderBy(m => m.Order))
        {
            var result = Engine(module, new DbUpLogger(logger)).PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migration of module '{module.Name}' failed at {result.ErrorScript?.Name}.", result.Error);
            }
        }
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            using var connection = new SqliteConnection(factory.ConnectionString);
            connection.Open();
            Optimize(connection);
        }
    }

    /// <summary>
    /// SQLite keeps no planner statistics unless asked; without them it may read a name search's n-grams in staff-number
    /// order instead of the street's range (ADR 0004). <c>PRAGMA optimize</c> analyses, on a bounded sample, the tables
    /// whose statistics are missing or stale: run at start-up and by the housekeeping pass.
    /// </summary>
    public static void Optimize(System.Data.Common.DbConnection connection)
    {
        using var optimize = connection.CreateCommand();
        optimize.CommandText = "PRAGMA optimize=0x10002;";
        optimize.ExecuteNonQuery();
    }

    /// <summary>Modules with scripts not yet applied (empty when the schema is current).</summary>
    public IReadOnlyList<string> PendingModules(IEnumerable<IModule> modules) =>
        modules.Where(m => Engine(m, new NoOpUpgradeLog()).IsUpgradeRequired()).Select(m => m.Name).ToList();

    /// <summary>The script resource names a module ships for the configured dialect.</summary>
    public static IReadOnlyList<string> ScriptNames(IModule module, DatabaseProvider provider) =>
        module.Assembly.GetManifestResourceNames()
            .Where(name => name.Contains(Folder(provider), StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private UpgradeEngine Engine(IModule module, IUpgradeLog log)
    {
        var journal = module.TablePrefix + "schema_versions";
        UpgradeEngineBuilder builder = factory.Provider == DatabaseProvider.SqlServer
            ? DeployChanges.To.SqlDatabase(factory.ConnectionString).JournalToSqlTable("dbo", journal)
            : DeployChanges.To.SqliteDatabase(factory.ConnectionString).JournalToSqliteTable(journal);
        var folder = Folder(factory.Provider);
        return builder
            .WithScriptsEmbeddedInAssembly(module.Assembly, name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(log)
            .Build();
    }

    private static string Folder(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? ".Database.SqlServer." : ".Database.Sqlite.";

    private sealed class DbUpLogger(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) =>
            logger.LogDebug("DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogWarning(string format, params object[] args) =>
            logger.LogWarning("DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(string format, params object[] args) =>
            logger.LogError("DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(Exception ex, string format, params object[] args) =>
            logger.LogError(ex, "DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
