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
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/staffing/headcount", Summary).RequireAuthorization(Policies.Staff).WithTags("Headcount").WithName("GetHeadcountSummary");
        api.MapGet("/staffing/headcount/norm-deviations", NormDeviations).RequireAuthorization(Policies.Staff).WithTags("Headcount")
            .WithName("ListNormDeviations");
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
        var figures = await HeadcountFigures.LoadAsync(db, root.Path + "%", await settingsStore.GetAsync(ct), ct);
        var rootRow = figures.Units.First(u => u.Id == root.Id);
        var children = figures.Units.Where(u => u.ParentId == root.Id).OrderBy(u => u.Code).Select(figures.Line).ToList();
        return TypedResults.Ok(new HeadcountSummary(figures.Line(rootRow), children, figures.Settings.NormMethod));
    }

    /// <summary>
    /// 配备标准偏差 — the units in scope that carry their own households or population figures and whose workers fall short
    /// of or exceed the norm; the HR workbench card counts exactly these.
    /// </summary>
    private static async Task<Results<Ok<PagedResult<HeadcountLine>>, ValidationProblem>> NormDeviations(
        [AsParameters] PageQuery page, string? normStatus, DbSession db, CurrentUser user, StaffingSettingsStore settingsStore,
        CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        validator.OneOf("normStatus", normStatus, ["short", "over"]);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var all = await NormDeviationList.ListAsync(db, user, await settingsStore.GetAsync(ct), ct);
        var matching = all.Where(l => normStatus is null || l.NormStatus == normStatus)
            .Where(l => page.Q is not { Length: > 0 } q || l.Name.Contains(q.Trim(), StringComparison.Ordinal) || l.Code.StartsWith(q.Trim(), StringComparison.Ordinal))
            .ToList();
        return TypedResults.Ok(new PagedResult<HeadcountLine>(matching.Skip(page.Skip).Take(page.Size).ToList(), matching.Count, page.PageNumber, page.Size));
    }
}
