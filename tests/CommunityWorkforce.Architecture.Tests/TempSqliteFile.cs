using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>A SQLite file in the temporary folder for one fixture or test, deleted with its log and index files.</summary>
internal sealed class TempSqliteFile : IDisposable
{
    public TempSqliteFile(string prefix) => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    /// <summary>Closes pooled connections first: SQLite keeps the file open while a pooled handle lives.</summary>
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(path);
        }
    }
}
