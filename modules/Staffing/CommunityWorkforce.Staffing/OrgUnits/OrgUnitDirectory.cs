namespace CommunityWorkforce.Staffing.OrgUnits;

internal sealed class OrgUnitDirectory(DbSession db) : IOrgUnitDirectory
{
    private const string ById = "SELECT id, code, name, level, parent_id, path, status FROM staffing_v_org_units WHERE id = @Id";
    private const string ByCode = "SELECT id, code, name, level, parent_id, path, status FROM staffing_v_org_units WHERE code = @Code";

    public Task<OrgUnitInfo?> FindAsync(Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<OrgUnitInfo>(ById, new { Id = id }, ct);

    public Task<OrgUnitInfo?> FindByCodeAsync(string code, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<OrgUnitInfo>(ByCode, new { Code = code }, ct);
}
