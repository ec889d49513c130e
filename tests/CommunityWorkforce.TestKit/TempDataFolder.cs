using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.TestKit;

/// <summary>
/// A data folder of its own for a test that starts host processes on it (crash tests kill and restart them on the same
/// database). Disposing it closes pooled SQLite handles first, so that the folder can be removed; a folder left behind
/// (a file still held) is harmless in the temp directory.
/// </summary>
public sealed class TempDataFolder : IDisposable
{
    public TempDataFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The host's database file in this folder (<c>--Data:Folder</c>).</summary>
    public string DatabaseFile => System.IO.Path.Combine(Path, "communityworkforce.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
