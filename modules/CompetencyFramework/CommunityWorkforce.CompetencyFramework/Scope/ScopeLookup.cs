using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Security;

namespace CommunityWorkforce.CompetencyFramework.Scope;

/// <summary>
/// Who and where the caller may see, read from Staffing's published views (never its tables): a unit in the caller's
/// subtree, a worker in it (a worker account: only themself). Null means out of scope, answered with 404.
/// </summary>
internal static class ScopeLookup
{
    public const string UnitInScope = """
        SELECT u.id, u.code, u.name, u.level, u.path, u.parent_id FROM staffing_v_org_units u WHERE u.id = @Id AND {scope:u.path}
        """;

    public const string WorkerInScope = """
        SELECT ws.worker_id, ws.staff_no, ws.name, ws.status, ws.org_unit_id, ws.org_path, u.name AS org_unit_name
        FROM staffing_v_worker_scope ws
        JOIN staffing_v_org_units u ON u.id = ws.org_unit_id
        WHERE ws.worker_id = @Id AND ((@OnlyWorkerId IS NULL AND {scope:ws.org_path}) OR ws.worker_id = @OnlyWorkerId)
        """;

    public static Task<UnitRef?> UnitAsync(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<UnitRef>(UnitInScope, new { Id = id, Scope = user.ScopePattern }, ct);

    /// <summary>The caller's own unit when they name none (admin: none, meaning everything).</summary>
    public static async Task<UnitRef?> UnitOrOwnAsync(DbSession db, CurrentUser user, Guid? id, CancellationToken ct) =>
        id is { } given ? await UnitAsync(db, user, given, ct)
        : user.OrgUnitId is { } own ? await UnitAsync(db, user, own, ct)
        : null;

    public static Task<WorkerRef?> WorkerAsync(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<WorkerRef>(WorkerInScope, new { Id = id, Scope = user.ScopePattern, user.OnlyWorkerId }, ct);
}

internal sealed class UnitRef
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public string Path { get; init; } = "";
    public Guid? ParentId { get; init; }
}

internal sealed class WorkerRef
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public string Status { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public string OrgUnitName { get; init; } = "";
}
