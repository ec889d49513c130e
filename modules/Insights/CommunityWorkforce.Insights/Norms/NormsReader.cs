using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Norms;

/// <summary>
/// Staffing against norms for every unit of a subtree with Staffing's own norm rule, kept in <see cref="InsightsCache"/>
/// until this host writes Staffing's tables (at most 30 s).
/// </summary>
internal sealed class NormsReader(DbSession db, IStaffingRules rules, InsightsCache cache, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> DependsOn = [InsightsCache.Staffing];

    public Task<NormsResponse> ReadAsync(UnitRef unit, CancellationToken ct) =>
        cache.GetAsync("norms", unit, "", DependsOn, () => ComputeAsync(unit, ct));

    private async Task<NormsResponse> ComputeAsync(UnitRef unit, CancellationToken ct)
    {
        var rule = await rules.NormRuleAsync(ct);
        var lines = await LinesAsync(unit, rule, ct);
        return new NormsResponse
        {
            Unit = unit, AsOf = LocalDate.Today(clock), Rule = rule, Lines = lines,
            Ranking = lines.Where(l => l.Gap is not null).OrderBy(l => l.Gap).ThenBy(l => l.Code, StringComparer.Ordinal).Select(l => l.Id).ToList(),
        };
    }

    public async Task<IReadOnlyList<NormLine>> LinesAsync(UnitRef unit, StaffingNormRule rule, CancellationToken ct)
    {
        var args = new { Scope = InsightsScope.Pattern(unit) };
        var units = await db.QueryAsync<UnitRow>(NormsSql.Units, args, ct);
        var quotas = (await db.QueryAsync<UnitNumber>(NormsSql.QuotaByUnit, args, ct)).ToDictionary(q => q.UnitId, q => q.Number);
        var filled = (await db.QueryAsync<UnitNumber>(NormsSql.FilledByUnit, args, ct)).ToDictionary(q => q.UnitId, q => q.Number);
        return Compute(units, quotas, filled, rule);
    }

    /// <summary>Own and subtree figures; a subtree's norm sums the norms its units have (unknown when none has one).</summary>
    internal static List<NormLine> Compute(IReadOnlyList<UnitRow> units, IReadOnlyDictionary<Guid, int> quotas,
        IReadOnlyDictionary<Guid, int> filled, StaffingNormRule rule)
    {
        var byId = units.ToDictionary(u => u.Id);
        var sums = units.ToDictionary(u => u.Id, _ => new int[4]); // quota, filled, norm, units with a norm
        foreach (var u in units)
        {
            var norm = rule.NormFor(u.Households, u.Population);
            for (Guid? at = u.Id; at is { } id && byId.ContainsKey(id); at = byId[id].ParentId)
            {
                var s = sums[id];
                s[0] += quotas.GetValueOrDefault(u.Id);
                s[1] += filled.GetValueOrDefault(u.Id);
                if (norm is { } n)
                {
                    s[2] += n;
                    s[3]++;
                }
            }
        }
        return units.Select(u =>
        {
            var own = filled.GetValueOrDefault(u.Id);
            var norm = rule.NormFor(u.Households, u.Population);
            var s = sums[u.Id];
            int? subtreeNorm = s[3] > 0 ? s[2] : null;
            return new NormLine
            {
                Id = u.Id, ParentId = u.ParentId is { } p && byId.ContainsKey(p) ? p : null, Code = u.Code, Name = u.Name, Level = u.Level,
                Path = u.Path, Depth = u.Depth, Households = u.Households, Population = u.Population,
                Quota = quotas.GetValueOrDefault(u.Id), Filled = own, Norm = norm, Gap = own - norm, Status = Status(own, norm),
                SubtreeQuota = s[0], SubtreeFilled = s[1], SubtreeNorm = subtreeNorm, SubtreeGap = s[1] - subtreeNorm,
                SubtreeStatus = Status(s[1], subtreeNorm),
            };
        }).ToList();
    }

    public static string Status(int filled, int? norm) =>
        norm is not { } n ? "unknown" : filled < n ? "short" : filled > n ? "over" : "ok";

    internal sealed class UnitRow
    {
        public Guid Id { get; init; }
        public Guid? ParentId { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Level { get; init; } = "";
        public string Path { get; init; } = "";
        public int Depth { get; init; }
        public int? Households { get; init; }
        public int? Population { get; init; }
    }

    internal sealed class UnitNumber
    {
        public Guid UnitId { get; init; }
        public int Number { get; init; }
    }
}
