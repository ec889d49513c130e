namespace CommunityWorkforce.Api.Hosting;

/// <summary>Where the host finds its own files, wherever it is started from.</summary>
public static class HostPaths
{
    /// <summary>
    /// The content root is the folder of the host's assembly (where the build puts <c>appsettings.json</c>), not the
    /// working directory: started from the repository root (<c>build/run.sh</c>) or from any other folder, the host reads
    /// its own settings. A content root given explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, or a test
    /// host's) still wins.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRootGiven(args) ? null : AppContext.BaseDirectory,
    };

    private static bool ContentRootGiven(string[] args) =>
        args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
