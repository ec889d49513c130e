using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.Api.Hosting;

/// <summary>Where the data lives and what the database is, resolved once from configuration.</summary>
public sealed record HostSettings(string DataFolder, DatabaseOptions Database, bool SeedDemo, string? ClientDist)
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
                SqliteSynchronous = Enum.Parse<SqliteSynchronous>(configuration["Database:SqliteSynchronous"] ?? nameof(SqliteSynchronous.Full), ignoreCase: true),
            },
            configuration.GetValue("Seed:Demo", false),
            ResolveClientDist(configuration["Client:DistPath"], environment.ContentRootPath));
    }

    /// <summary>The built SPA: configured, or <c>client/dist</c> found above the content root.</summary>
    private static string? ResolveClientDist(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "client", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }
        return null;
    }
}
