using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.TestKit;

/// <summary>Direct reads of the test database, to check what the API wrote (or did not write).</summary>
public static class Db
{
    public static DbConnection Open(CwHost host)
    {
        DbConnection connection = host.IsSqlServer
            ? new SqlConnection(host.ConnectionString)
            : new SqliteConnection(host.ConnectionString);
        connection.Open();
        return connection;
    }

    public static async Task<T> Scalar<T>(this CwHost host, string sql, object? param = null)
    {
        await using var connection = Open(host);
        return (await connection.ExecuteScalarAsync<T>(sql, param))!;
    }
}
