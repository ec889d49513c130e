using System.Text.Json;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Security;

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
/// Writes audit rows in the caller's transaction, so the audit trail and the change commit or fail together.
/// </summary>
public sealed class AuditWriter(DbSession db, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        if (!db.InTransaction)
        {
            throw new InvalidOperationException("Audit rows are written inside the transaction of the change.");
        }
        await db.ExecuteAsync(AuditSql.Insert, new
        {
            Id = Guid.NewGuid(),
            OccurredAt = clock.GetUtcNow(),
            AccountId = user.AccountId,
            UserName = user.IsAuthenticated ? user.UserName : "system",
            Role = user.IsAuthenticated ? user.Role : "system",
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.ScopePath,
            Changes = entry.Changes is null ? null : JsonSerializer.Serialize(entry.Changes, Json),
            entry.Reason,
            RequestId = user.RequestId,
        }, ct);
    }
}

internal static class AuditSql
{
    public const string Insert = """
        INSERT INTO platform_audit_log
            (id, occurred_at, account_id, user_name, role, action, entity_type, entity_id, scope_path, changes, reason, request_id)
        VALUES
            (@Id, @OccurredAt, @AccountId, @UserName, @Role, @Action, @EntityType, @EntityId, @ScopePath, @Changes, @Reason, @RequestId)
        """;
}
