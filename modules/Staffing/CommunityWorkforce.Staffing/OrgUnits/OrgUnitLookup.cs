namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>Org units as the other features of Staffing look them up: always within the caller's scope.</summary>
internal static class OrgUnitLookup
{
    /// <summary>The unit when the caller's scope holds it; null otherwise (the caller answers 404).</summary>
    public static Task<OrgUnitRow?> FindInScope(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);

    /// <summary>
    /// An optional <c>orgUnitId</c> list filter resolved to the unit's path: (true, null) without a filter, (true, path)
    /// for a unit in scope, (false, null) for one the caller cannot see.
    /// </summary>
    public static async Task<(bool Visible, string? Path)> ResolveFilter(DbSession db, CurrentUser user, Guid? orgUnitId, CancellationToken ct)
    {
        if (orgUnitId is not { } id)
        {
            return (true, null);
        }
        var unit = await FindInScope(db, user, id, ct);
        return unit is null ? (false, null) : (true, unit.Path);
    }

    /// <summary>The street (街道/镇) part of a path: /city/district/street/.</summary>
    public static string StreetPathOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', parts.Take(3)) + "/";
    }
}
