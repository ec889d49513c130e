namespace CommunityWorkforce.CareerPath.Reserves;

/// <summary>The reserve pool and succession-risk reads, shared by their endpoints and the workbench cards that count them.</summary>
internal static class ReserveReads
{
    internal static DateOnly? DueBy(int? days, DateOnly today) => days is { } d ? today.AddDays(d) : null;

    internal static object PoolArgs(string scope, string? status, DateOnly? dueBy, PageQuery page) =>
        new { Scope = scope, Status = status, DueBy = dueBy, Q = page.QPattern, page.Skip, Take = page.Size };

    /// <summary>One page of the pool and its total (the workbench card counts with <see cref="ReserveSql.PoolCount"/> and the same arguments).</summary>
    internal static async Task<PagedResult<ReserveMemberResponse>> PoolAsync(DbSession db, string scope, string? status, DateOnly? dueBy, PageQuery page, CancellationToken ct)
    {
        var args = PoolArgs(scope, status, dueBy, page);
        var total = await db.ExecuteScalarAsync<int>(ReserveSql.PoolCount, args, ct);
        var rows = await db.QueryAsync<ReserveMemberResponse>(PagedSql.WithOrderBy(ReserveSql.Pool, page.OrderBy(ReserveSql.Sortable, "reviewOn", "r.id")), args, ct);
        return new PagedResult<ReserveMemberResponse>(rows, total, page.PageNumber, page.Size);
    }

    /// <summary>Each unit's succession risk in a subtree (the workbench card counts the flagged ones with it).</summary>
    internal static async Task<IReadOnlyList<SuccessionRiskResponse>> RiskAsync(DbSession db, ICareerQueries career, string scope, DateOnly horizon,
        bool atRiskOnly, CancellationToken ct)
    {
        var table = await career.RetirementTableAsync(ct);
        var leaders = await db.QueryAsync<LeaderRow>(ReserveSql.Leaders, new { Scope = scope }, ct);
        var reserves = await db.QueryAsync<string>(ReserveSql.ActiveReserves, new { Scope = scope }, ct);
        return leaders.GroupBy(l => (l.OrgUnitId, l.OrgUnitName, l.OrgPath)).Select(g =>
        {
            var retiring = g.Select(l => (l.Name, l.PostType, On: table.RetirementDate(l.BirthDate, l.Gender))).Where(x => x.On <= horizon).OrderBy(x => x.On).ToList();
            var ready = reserves.Count(r => r.StartsWith(g.Key.OrgPath, StringComparison.Ordinal));
            return new SuccessionRiskResponse
            {
                OrgUnitId = g.Key.OrgUnitId, OrgUnitName = g.Key.OrgUnitName, OrgPath = g.Key.OrgPath, Leaders = g.Count(), Retiring = retiring.Count,
                ReadyReserves = ready, AtRisk = retiring.Count > ready,
                RetiringPeople = retiring.Select(x => $"{x.Name}（{(x.PostType == "head" ? "正职" : "副职")}）{x.On:yyyy-MM-dd}").ToList(),
            };
        }).Where(r => !atRiskOnly || r.AtRisk).OrderByDescending(r => r.AtRisk).ThenByDescending(r => r.Retiring).ThenBy(r => r.OrgPath).ToList();
    }

    private sealed class LeaderRow
    {
        public Guid OrgUnitId { get; init; }
        public string OrgUnitName { get; init; } = "";
        public string OrgPath { get; init; } = "";
        public string PostType { get; init; } = "";
        public string Name { get; init; } = "";
        public DateOnly BirthDate { get; init; }
        public string Gender { get; init; } = "";
    }
}
