namespace CommunityWorkforce.Insights.Scope;

/// <summary>An org unit as the insights pages name it.</summary>
public sealed record UnitRef
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public string Path { get; init; } = "";
}

/// <summary>
/// Which unit an insights request is about. The unit must lie in the caller's subtree (else 404, existence not leaked);
/// every query then filters by the unit's own path (<c>{scope:…}</c> with <c>@Scope</c> = the unit's subtree), which
/// lies inside the caller's scope.
/// </summary>
internal sealed class InsightsScope(DbSession db, CurrentUser user)
{
    public async Task<UnitRef?> FindAsync(Guid id, CancellationToken ct)
    {
        var unit = await db.QuerySingleOrDefaultAsync<UnitRef>(ScopeSql.Unit, new { Id = id }, ct);
        return unit is not null && user.CanSee(unit.Path) ? unit : null;
    }

    /// <summary>The unit as it is now, whoever asks (for recomputing kept figures outside a request).</summary>
    public Task<UnitRef?> CurrentAsync(Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<UnitRef>(ScopeSql.Unit, new { Id = id }, ct);

    /// <summary>
    /// The unit the caller's pages start from: the city for admin; otherwise the unit of their scope — their account's
    /// unit, or the unit whose path is their scope path when the account names no unit. Null when they have no scope.
    /// </summary>
    public async Task<UnitRef?> HomeAsync(CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return await db.QuerySingleOrDefaultAsync<UnitRef>(ScopeSql.Root, new { Skip = 0, Take = 1 }, ct);
        }
        if (user.OrgUnitId is { } id && await FindAsync(id, ct) is { } own)
        {
            return own;
        }
        return user.ScopePath is { Length: > 0 } path
            ? await db.QuerySingleOrDefaultAsync<UnitRef>(ScopeSql.ByPath, new { Path = path }, ct)
            : null;
    }

    /// <summary>The unit and its ancestors that the caller may see, from the top down (the drill-down trail).</summary>
    public async Task<IReadOnlyList<UnitRef>> TrailAsync(UnitRef unit, CancellationToken ct)
    {
        var trail = new List<UnitRef>();
        foreach (var code in unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (await db.QuerySingleOrDefaultAsync<UnitRef>(ScopeSql.ByCode, new { Code = code }, ct) is { } u && user.CanSee(u.Path))
            {
                trail.Add(u);
            }
        }
        return trail;
    }

    /// <summary>The <c>@Scope</c> pattern of a unit's subtree.</summary>
    public static string Pattern(UnitRef unit) => unit.Path + "%";
}

internal static class ScopeSql
{
    public const string Unit = """
        SELECT u.id AS Id, u.code AS Code, u.name AS Name, u.level AS Level, u.path AS Path
        FROM staffing_v_org_units u WHERE u.id = @Id
        """;

    public const string Root = """
        SELECT u.id AS Id, u.code AS Code, u.name AS Name, u.level AS Level, u.path AS Path
        FROM staffing_v_org_units u WHERE u.parent_id IS NULL AND u.status = 'active' ORDER BY u.code {page}
        """;

    public const string ByPath = """
        SELECT u.id AS Id, u.code AS Code, u.name AS Name, u.level AS Level, u.path AS Path
        FROM staffing_v_org_units u WHERE u.path = @Path
        """;

    public const string ByCode = """
        SELECT u.id AS Id, u.code AS Code, u.name AS Name, u.level AS Level, u.path AS Path
        FROM staffing_v_org_units u WHERE u.code = @Code
        """;
}
