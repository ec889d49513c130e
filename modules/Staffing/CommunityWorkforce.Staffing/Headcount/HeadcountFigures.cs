using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.Staffing.Settings;

namespace CommunityWorkforce.Staffing.Headcount;

/// <summary>
/// The active units under a path with their own quota and filled places, read in three set-based queries; a unit's line
/// sums its subtree in memory by path.
/// </summary>
internal sealed class HeadcountFigures
{
    private const string UnitsSql = """
        SELECT u.id, u.code, u.name, u.level, u.path, u.parent_id, u.households, u.population
        FROM staffing_org_units u WHERE {scope:u.path:@Path} AND u.status = 'active'
        """;

    private const string QuotaByUnit = """
        SELECT p.org_unit_id, SUM(p.quota) AS quota
        FROM staffing_posts p JOIN staffing_org_units u ON u.id = p.org_unit_id
        WHERE {scope:u.path:@Path} AND p.status = 'active'
        GROUP BY p.org_unit_id
        """;

    private const string FilledByUnit = """
        SELECT p.org_unit_id, COUNT(*) AS filled
        FROM staffing_postings g
        JOIN staffing_posts p ON p.id = g.post_id
        JOIN staffing_org_units u ON u.id = p.org_unit_id
        WHERE {scope:u.path:@Path} AND g.ended_on IS NULL
        GROUP BY p.org_unit_id
        """;

    private readonly Dictionary<Guid, int> quotas;
    private readonly Dictionary<Guid, int> filled;

    private HeadcountFigures(IReadOnlyList<UnitRow> units, Dictionary<Guid, int> quotas, Dictionary<Guid, int> filled, StaffingSettings settings)
    {
        Units = units;
        this.quotas = quotas;
        this.filled = filled;
        Settings = settings;
    }

    public IReadOnlyList<UnitRow> Units { get; }

    public StaffingSettings Settings { get; }

    public static async Task<HeadcountFigures> LoadAsync(DbSession db, string pathPattern, StaffingSettings settings, CancellationToken ct)
    {
        var args = new { Path = pathPattern };
        var units = (await db.QueryAsync<UnitRow>(UnitsSql, args, ct)).ToList();
        var quotas = (await db.QueryAsync<UnitCount>(QuotaByUnit, args, ct)).ToDictionary(q => q.OrgUnitId, q => q.Quota);
        var filled = (await db.QueryAsync<UnitCount>(FilledByUnit, args, ct)).ToDictionary(q => q.OrgUnitId, q => q.Filled);
        return new HeadcountFigures(units, quotas, filled, settings);
    }

    /// <summary>Quota, filled, vacant and norm of the unit's subtree.</summary>
    public HeadcountLine Line(UnitRow unit)
    {
        var subtree = Units.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).ToList();
        var quota = subtree.Sum(u => quotas.GetValueOrDefault(u.Id));
        var held = subtree.Sum(u => filled.GetValueOrDefault(u.Id));
        var norms = subtree.Select(u => StaffingNorm.For(u.Households, u.Population, Settings)).Where(n => n is not null).ToList();
        int? norm = norms.Count == 0 ? null : norms.Sum();
        return new HeadcountLine
        {
            OrgUnitId = unit.Id, Code = unit.Code, Name = unit.Name, Level = unit.Level,
            Households = subtree.Sum(u => u.Households ?? 0) is var h && h > 0 ? h : null,
            Population = subtree.Sum(u => u.Population ?? 0) is var p && p > 0 ? p : null,
            Quota = quota, Filled = held, Vacant = Math.Max(0, quota - held), Norm = norm,
            NormStatus = norm is null ? "unknown" : held < norm ? "short" : held > norm ? "over" : "ok",
            OverQuota = Math.Max(0, held - quota),
        };
    }

    internal sealed class UnitRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Level { get; init; } = "";
        public string Path { get; init; } = "";
        public Guid? ParentId { get; init; }
        public int? Households { get; init; }
        public int? Population { get; init; }
    }

    private sealed class UnitCount
    {
        public Guid OrgUnitId { get; init; }
        public int Quota { get; init; }
        public int Filled { get; init; }
    }
}
