using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.Api.Hosting;

/// <summary>Where the data lives and what the database is, resolved once from configuration.</summary>
public sealed record HostSettings(string DataFolder, DatabaseOptions Database, bool SeedDemo, bool ServeClient)
{
    public static HostSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var dataFolder = Path.GetFullPath(configuration["Data:Folder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(environment.ContentRootPath, "data"));
        var provider = Enum.Parse<DatabaseProvider>(configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
        var connectionString = configuration.GetConnectionString("Default") is { Length: > 0 } configured
            ? configured
            : provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataFolder, "communityworkforce.db")}"
                : throw new InvalidOperationException("ConnectionStrings:Default is required for SQL Server.");
        return new HostSettings(
            dataFolder,
            new DatabaseOptions
            {
                Provider = provider,
                ConnectionString = connectionString,
                SqliteSynchronous = Enum.Parse<SqliteSynchronous>(configuration["Database:SqliteSynchronous"] ?? nameof(SqliteSynchronous.Grouped), ignoreCase: true),
            },
            configuration.GetValue("Seed:Demo", false),
            ServesClient(configuration));
    }

    /// <summary>
    /// The built SPA is registered as static web assets when the host is built (docs/adr/0005-static-assets.md).
    /// <c>Client:Serve=false</c>, or a <c>Client:DistPath</c> naming a folder that does not exist, serves the API alone.
    /// </summary>
    private static bool ServesClient(IConfiguration configuration) =>
        configuration.GetValue("Client:Serve", true)
        && (configuration["Client:DistPath"] is not { Length: > 0 } dist || Directory.Exists(dist));
}
