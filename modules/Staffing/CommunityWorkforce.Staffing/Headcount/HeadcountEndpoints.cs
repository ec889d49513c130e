using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Headcount;

/// <summary>One unit's headcount against its quota (编制) and its staffing norm (配备标准), subtree included.</summary>
public sealed record HeadcountLine
{
    public Guid OrgUnitId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public int? Households { get; init; }
    public int? Population { get; init; }
    public int Quota { get; init; }
    public int Filled { get; init; }
    public int Vacant { get; init; }

    /// <summary>Workers the norm asks for; null when the subtree has no households/population figures.</summary>
    public int? Norm { get; init; }

    /// <summary>short (filled below norm) | over (above norm) | ok | unknown (no norm)</summary>
    public string NormStatus { get; init; } = "";

    /// <summary>Filled minus quota when positive (over-filled posts); 0 otherwise.</summary>
    public int OverQuota { get; init; }
}

public sealed record HeadcountSummary(HeadcountLine Unit, IReadOnlyList<HeadcountLine> Children, string NormMethod);

internal static class HeadcountEndpoints
{
    private const string Units = """
        SELECT u.id, u.code, u.name, u.level, u.path, u.parent_id, u.households, u.population
        FROM staffing_org_units u WHERE u.path LIKE @Path AND u.status = 'active'
        """;

    private const string QuotaByUnit = """
        SELECT p.org_unit_id, SUM(p.quota) AS quota
        FROM staffing_posts p JOIN staffing_org_units u ON u.id = p.org_unit_id
        WHERE u.path LIKE @Path AND p.status = 'active'
        GROUP BY p.org_unit_id
        """;

    private const string FilledByUnit = """
        SELECT p.org_unit_id, COUNT(*) AS filled
        FROM staffing_postings g
        JOIN staffing_posts p ON p.id = g.post_id
        JOIN staffing_org_units u ON u.id = p.org_unit_id
        WHERE u.path LIKE @Path AND g.ended_on IS NULL
        GROUP BY p.org_unit_id
        """;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/staffing/headcount", Summary).RequireAuthorization(Policies.Staff).WithTags("Headcount").WithName("GetHeadcountSummary");
    }

    /// <summary>
    /// The unit (default: the caller's scope root; admin: the first city) and each child, with quota, filled, vacant and
    /// norm summed over their subtrees. Three set-based queries, aggregated in memory by path.
    /// </summary>
    private static async Task<Results<Ok<HeadcountSummary>, NotFound>> Summary(
        Guid? orgUnitId, DbSession db, CurrentUser user, StaffingSettingsStore settingsStore, CancellationToken ct)
    {
        OrgUnitRow? root;
        if (orgUnitId is { } id)
        {
            root = await OrgUnitLookup.FindInScope(db, user, id, ct);
        }
        else if (user.OrgUnitId is { } own)
        {
            root = await OrgUnitLookup.FindInScope(db, user, own, ct);
        }
        else
        {
            root = (await db.QueryAsync<OrgUnitRow>(OrgUnitSql.Tree, new { Scope = user.ScopePattern, IncludeClosed = 0 }, ct)).FirstOrDefault();
        }
        if (root is null)
        {
            return TypedResults.NotFound();
        }
        var settings = await settingsStore.GetAsync(ct);
        var args = new { Path = root.Path + "%" };
        var units = await db.QueryAsync<UnitRow>(Units, args, ct);
        var quotas = (await db.QueryAsync<UnitCount>(QuotaByUnit, args, ct)).ToDictionary(q => q.OrgUnitId, q => q.Quota);
        var filled = (await db.QueryAsync<UnitCount>(FilledByUnit, args, ct)).ToDictionary(q => q.OrgUnitId, q => q.Filled);

        HeadcountLine Line(UnitRow unit)
        {
            var subtree = units.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).ToList();
            var quota = subtree.Sum(u => quotas.GetValueOrDefault(u.Id));
            var held = subtree.Sum(u => filled.GetValueOrDefault(u.Id));
            var norms = subtree.Select(u => StaffingNorm.For(u.Households, u.Population, settings)).Where(n => n is not null).ToList();
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

        var rootRow = units.First(u => u.Id == root.Id);
        var children = units.Where(u => u.ParentId == root.Id).OrderBy(u => u.Code).Select(Line).ToList();
        return TypedResults.Ok(new HeadcountSummary(Line(rootRow), children, settings.NormMethod));
    }

    private sealed class UnitRow
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
