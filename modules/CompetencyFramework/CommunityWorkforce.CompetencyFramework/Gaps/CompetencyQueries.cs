using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.CompetencyFramework.Contracts;

namespace CommunityWorkforce.CompetencyFramework.Gaps;

/// <summary>What other modules read of competency results (<see cref="ICompetencyQueries"/>).</summary>
internal sealed class CompetencyQueries(DbSession db, ReadCache cache) : ICompetencyQueries
{
    private const string Gaps = """
        SELECT g.competency_code, g.required_level, g.assessed_level, g.gap, g.weight
        FROM competency_v_worker_gaps g WHERE g.worker_id = @WorkerId ORDER BY g.gap DESC, g.weight DESC, g.competency_code
        """;

    private const string Levels = """
        SELECT l.competency_code, l.level, l.assessed_on FROM competency_v_worker_levels l WHERE l.worker_id = @WorkerId ORDER BY l.competency_code
        """;

    private const string Coverage = """
        SELECT l.code AS line_code, l.name_zh, l.name_en,
               (SELECT COUNT(*) FROM competency_certifications c
                JOIN staffing_v_worker_scope ws ON ws.worker_id = c.worker_id
                WHERE c.line_id = l.id AND ws.org_unit_id = @OrgUnitId AND ws.status = 'active'
                  AND c.score >= c.pass_mark AND c.expires_on >= @AsOf) AS holders
        FROM competency_service_lines l
        WHERE l.status = 'active'
        ORDER BY l.sort_order
        """;

    public async Task<IReadOnlyList<CompetencyGap>> CurrentGapsAsync(Guid workerId, CancellationToken ct)
    {
        var names = await GapEndpoints.CompetencyNamesAsync(db, cache, ct);
        var rows = await db.QueryAsync<CompetencyGap>(Gaps, new { WorkerId = workerId }, ct);
        return rows.Select(g => names.TryGetValue(g.CompetencyCode, out var n) ? g with { NameZh = n.NameZh, NameEn = n.NameEn } : g).ToList();
    }

    public Task<IReadOnlyList<AssessedLevel>> AssessedLevelsAsync(Guid workerId, CancellationToken ct) =>
        db.QueryAsync<AssessedLevel>(Levels, new { WorkerId = workerId }, ct);

    public Task<IReadOnlyList<LineCoverage>> CoverageAsync(Guid orgUnitId, DateOnly asOf, CancellationToken ct) =>
        db.QueryAsync<LineCoverage>(Coverage, new { OrgUnitId = orgUnitId, AsOf = asOf }, ct);
}
