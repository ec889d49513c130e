using System.Text.Json;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Security;
using Dapper;

namespace CommunityWorkforce.BuildingBlocks.Audit;

/// <summary>One audited state change or sensitive read.</summary>
/// <param name="Action">Stable code, e.g. <c>staffing.org-unit.created</c>.</param>
/// <param name="EntityType">e.g. <c>org-unit</c>.</param>
/// <param name="ScopePath">The org path the entity belongs to, so that HR can read audit rows of their subtree.</param>
/// <param name="Changes">Anything serialisable: the new values, or before/after.</param>
public sealed record AuditEntry(
    string Action,
    string EntityType,
    Guid? EntityId,
    string? ScopePath,
    object? Changes,
    string? Reason = null);

/// <summary>
/// Writes audit rows in the caller's transaction, so the audit trail and the change commit or fail together. The rows
/// of one transaction are kept until it commits and written then, in one statement (a rotation's approval writes three:
/// one statement instead of three while every other writer waits, <see cref="DbSession.BeforeCommit"/>); a rollback
/// writes none. Each row's time and changes are taken when it is written here.
/// </summary>
public sealed class AuditWriter(DbSession db, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private List<AuditRow>? _pending;
    private long _pendingFor;

    public Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        if (!db.InTransaction)
        {
            throw new InvalidOperationException("Audit rows are written inside the transaction of the change.");
        }
        if (_pending is null || _pendingFor != db.TransactionNumber)
        {
            var rows = new List<AuditRow>();
            _pending = rows;
            _pendingFor = db.TransactionNumber;
            db.BeforeCommit(token => InsertAsync(rows, token));
        }
        _pending.Add(new AuditRow(
            Guid.NewGuid(),
            clock.GetUtcNow(),
            user.AccountId,
            user.IsAuthenticated ? user.UserName : "system",
            user.IsAuthenticated ? user.Role : "system",
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.ScopePath,
            entry.Changes is null ? null : JsonSerializer.Serialize(entry.Changes, Json),
            entry.Reason,
            user.RequestId));
        return Task.CompletedTask;
    }

    private async Task InsertAsync(List<AuditRow> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += AuditSql.RowsPerStatement)
        {
            var count = Math.Min(AuditSql.RowsPerStatement, rows.Count - start);
            var parameters = new DynamicParameters();
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                parameters.Add("Id" + i, row.Id);
                parameters.Add("OccurredAt" + i, row.OccurredAt);
                parameters.Add("AccountId" + i, row.AccountId);
                parameters.Add("UserName" + i, row.UserName);
                parameters.Add("Role" + i, row.Role);
                parameters.Add("Action" + i, row.Action);
                parameters.Add("EntityType" + i, row.EntityType);
                parameters.Add("EntityId" + i, row.EntityId);
                parameters.Add("ScopePath" + i, row.ScopePath);
                parameters.Add("Changes" + i, row.Changes);
                parameters.Add("Reason" + i, row.Reason);
                parameters.Add("RequestId" + i, row.RequestId);
            }
            await db.ExecuteAsync(AuditSql.Insert(count), parameters, ct);
        }
        rows.Clear();
    }

    private sealed record AuditRow(Guid Id, DateTimeOffset OccurredAt, Guid? AccountId, string UserName, string Role, string Action,
        string EntityType, Guid? EntityId, string? ScopePath, string? Changes, string? Reason, string? RequestId);
}

internal static class AuditSql
{
    /// <summary>Rows per INSERT: 12 parameters each, well under SQL Server's 2,100 and SQLite's 32,766.</summary>
    public const int RowsPerStatement = 32;

    private static readonly string Columns =
        "INSERT INTO platform_audit_log (id, occurred_at, account_id, user_name, role, action, entity_type, entity_id, scope_path, changes, reason, request_id) VALUES ";

    private static readonly string[] Texts = Enumerable.Range(0, RowsPerStatement + 1)
        .Select(n => Columns + string.Join(", ", Enumerable.Range(0, n).Select(i =>
            $"(@Id{i}, @OccurredAt{i}, @AccountId{i}, @UserName{i}, @Role{i}, @Action{i}, @EntityType{i}, @EntityId{i}, @ScopePath{i}, @Changes{i}, @Reason{i}, @RequestId{i})")))
        .ToArray();

    /// <summary>The INSERT of <paramref name="rows"/> rows (1 to <see cref="RowsPerStatement"/>), its parameters numbered from 0.</summary>
    public static string Insert(int rows) => Texts[rows];

    /// <summary>The shapes the architecture tests check (one row, a full statement).</summary>
    [SqlShapes]
    internal static IEnumerable<(string Name, string Sql)> Shapes() => [("one row", Insert(1)), ("full", Insert(RowsPerStatement))];
}
