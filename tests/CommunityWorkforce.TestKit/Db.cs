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

    /// <summary>One row read straight from the database, column name → value (compare with the As* helpers below).</summary>
    public static async Task<IDictionary<string, object>> Row(this CwHost host, string sql, object param)
    {
        await using var connection = Open(host);
        return (IDictionary<string, object>)await connection.QuerySingleAsync(sql, param);
    }

    /// <summary>A date column's value, whichever way the provider stores it (SQLite text, SQL Server date).</summary>
    public static DateOnly AsDate(object value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        string text => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Not a date: {value} ({value.GetType().Name})", nameof(value)),
    };

    /// <summary>A flag column's value (SQLite integer, SQL Server bit).</summary>
    public static bool AsBool(object value) => value is bool flag ? flag : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0;

    /// <summary>An id column's value (SQLite text, SQL Server uniqueidentifier).</summary>
    public static Guid AsGuid(object value) => value is Guid id ? id : Guid.Parse((string)value);

    public static async Task<T> Scalar<T>(this CwHost host, string sql, object? param = null)
    {
        await using var connection = Open(host);
        return (await connection.ExecuteScalarAsync<T>(sql, param))!;
    }
}
