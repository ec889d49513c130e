using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.CompetencyFramework.Profiles;
using CommunityWorkforce.CompetencyFramework.Scope;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CommunityWorkforce.CompetencyFramework.Gaps;

/// <summary>
/// 差距分析 — a worker's required vs assessed levels and fit; the competency × unit heat map drillable down the org tree;
/// candidate ranking for a post (甄选), computed set-wise in SQL, with an audited .xlsx export.
/// </summary>
internal static class GapEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/competency").WithTags("Competency gaps");
        group.MapGet("/workers/{id:guid}/profile", WorkerProfile).RequireAuthorization(Policies.AnyRole).WithName("GetWorkerCompetencyProfile");
        group.MapGet("/heat-map", HeatMap).RequireAuthorization(Policies.Staff).WithName("GetCompetencyHeatMap");
        group.MapGet("/posts/{id:guid}/candidates", Candidates).RequireAuthorization(Policies.Staff).WithName("RankCandidatesForPost")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/posts/{id:guid}/candidates/export", Export).RequireAuthorization(Policies.Staff).WithName("ExportCandidatesForPost")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<WorkerCompetencyResponse>, NotFound>> WorkerProfile(
        Guid id, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var workerId = id;
        var worker = await ScopeLookup.WorkerAsync(db, user, workerId, ct);
        if (worker is null)
        {
            return TypedResults.NotFound();
        }
        var fit = await db.QuerySingleOrDefaultAsync<FitRow>(GapSql.WorkerFit, new { WorkerId = workerId }, ct);
        var items = (await db.QueryAsync<ItemRow>(GapSql.WorkerItems, new { WorkerId = workerId }, ct)).Select(i => new WorkerCompetencyItem
        {
            CompetencyCode = i.CompetencyCode, NameZh = i.NameZh, NameEn = i.NameEn, DimensionNameZh = i.DimensionNameZh,
            DimensionNameEn = i.DimensionNameEn, RequiredLevel = i.RequiredLevel, AssessedLevel = i.AssessedLevel, Gap = i.Gap, Weight = i.Weight,
        }).ToList();
        return TypedResults.Ok(new WorkerCompetencyResponse
        {
            WorkerId = worker.WorkerId, WorkerName = worker.Name, StaffNo = worker.StaffNo, AssessmentId = fit?.AssessmentId,
            AssessedOn = fit?.AssessedOn, ProfileId = fit?.ProfileId, ProfileName = fit?.ProfileName,
            FitScore = fit?.FitScore is { } f ? Math.Round(f, 1) : null, Items = items,
            Gaps = items.Where(i => i.Gap > 0).OrderByDescending(i => i.Gap * i.Weight).ToList(),
        });
    }

    /// <summary>Every competency's names and order (the newest version's), kept until a CompetencyFramework write.</summary>
    internal static Task<IReadOnlyDictionary<string, NameRow>> CompetencyNamesAsync(DbSession db, ReadCache cache, CancellationToken ct) =>
        cache.GetAsync<IReadOnlyDictionary<string, NameRow>>("competency:names", ["competency"], async () =>
            (await db.QueryAsync<NameRow>(GapSql.CompetencyNames, null, ct))
                .GroupBy(n => n.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.VersionNo).First()));

    /// <summary>What the heat map and the ranking are computed from: workers, units and postings, assessments and profiles.</summary>
    private static readonly string[] ReadsFrom = ["staffing", "competency"];

    private static async Task<Results<Ok<HeatMapResponse>, NotFound>> HeatMap(
        [AsParameters] HeatMapQuery query, DbSession db, CurrentUser user, ReadCache cache, CancellationToken ct)
    {
        Guid? unitId;
        var scope = user.ScopePattern;
        if (query.OrgUnitId is null && user.IsAdmin)
        {
            unitId = null;
        }
        else
        {
            var unit = await ScopeLookup.UnitOrOwnAsync(db, user, query.OrgUnitId, ct);
            if (unit is null)
            {
                return TypedResults.NotFound();
            }
            unitId = unit.Id;
            // The unit lies in the caller's subtree, so its own subtree is the intersection of both: filter by it first.
            scope = unit.Path + "%";
        }
        // The map depends on the unit and the scope only (no per-caller masking): callers who see the same subtree share it.
        // A large one (a district's, the city's: about a second) is recomputed in the background after a write and served
        // as it was until the new one lands (ReadCache.GetKeptFreshAsync); a smaller one before the next caller gets it.
        return TypedResults.Ok(await KeptHeatMapAsync(cache, unitId, scope, ct));
    }

    /// <summary>The heat map of a unit's subtree (<paramref name="unitId"/> null: the whole tree), kept fresh.</summary>
    internal static Task<HeatMapResponse> KeptHeatMapAsync(ReadCache cache, Guid? unitId, string scope, CancellationToken ct) =>
        cache.GetKeptFreshAsync($"competency:heat-map:{unitId}:{scope}", ReadsFrom,
            (services, token) => HeatMapAsync(services.GetRequiredService<DbSession>(), services.GetRequiredService<ReadCache>(), unitId, scope, token),
            map => Assessed(map) >= HeatMapServeWhileRefreshingFrom, ct);

    /// <summary>From this many assessed workers on, a heat map is served as it was while the map after a write is computed.</summary>
    internal static int HeatMapServeWhileRefreshingFrom { get; set; } = 5_000;

    /// <summary>The workers a map averages over (each unit's most-assessed competency).</summary>
    private static int Assessed(HeatMapResponse map) => map.Units.Sum(u => u.Cells.Select(c => c.Workers).DefaultIfEmpty(0).Max());

    private static async Task<HeatMapResponse> HeatMapAsync(DbSession db, ReadCache cache, Guid? unitId, string? scope, CancellationToken ct)
    {
        var children = await db.QueryAsync<ChildUnitRow>(GapSql.ChildUnits, new { UnitId = unitId }, ct);
        var cells = await HeatCells.AverageAsync(db, GapSql.HeatMapGaps, new { UnitId = unitId, Top = unitId is null ? 1 : 0, Scope = scope }, ct);
        var names = await CompetencyNamesAsync(db, cache, ct);
        var codes = cells.Keys.Select(k => k.CompetencyCode).Distinct()
            .OrderBy(c => names.TryGetValue(c, out var n) ? n.DimensionOrder * 1000 + n.SortOrder : int.MaxValue).ThenBy(c => c).ToList();
        var byUnit = cells.ToLookup(c => c.Key.UnitCode, c => new HeatMapCell
        {
            CompetencyCode = c.Key.CompetencyCode, AverageGap = Math.Round(c.Value.Average, 2), Workers = c.Value.Workers,
        });
        return new HeatMapResponse
        {
            OrgUnitId = unitId,
            Competencies = codes.Select(c => new HeatMapCompetency
            {
                Code = c, NameZh = names.TryGetValue(c, out var n) ? n.NameZh : c, NameEn = names.TryGetValue(c, out var m) ? m.NameEn : c,
            }).ToList(),
            Units = children.Select(u => new HeatMapUnit
            {
                Id = u.Id, Code = u.Code, Name = u.Name, HasChildren = u.HasChildren,
                Cells = byUnit[u.Code].OrderBy(c => codes.IndexOf(c.CompetencyCode)).ToList(),
            }).ToList(),
        };
    }

    private sealed record Ranking(PostRow Post, ProfileResponse Profile, string Scope, string? PostType, int MinFit);

    /// <summary>The post (in scope), its profile and the candidate filters; a problem when something is missing.</summary>
    private sealed record Refusal(ValidationProblem? Invalid, ProblemHttpResult? Conflict);

    private static async Task<(Ranking? Ranking, Refusal? Refusal)> RankingAsync(
        Guid postId, CandidateQuery query, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator().OneOf("postType", query.PostType, PostTypes.All).Range("minFit", query.MinFit, 0, 100);
        if (!validator.IsValid)
        {
            return (null, new Refusal(validator.ToProblem(), null));
        }
        var post = await db.QuerySingleOrDefaultAsync<PostRow>(GapSql.PostInScope, new { PostId = postId, Scope = user.ScopePattern }, ct);
        if (post is null)
        {
            return (null, new Refusal(null, null));
        }
        var scope = user.ScopePattern;
        if (query.OrgUnitId is { } unitId)
        {
            var unit = await ScopeLookup.UnitAsync(db, user, unitId, ct);
            if (unit is null)
            {
                return (null, new Refusal(null, null));
            }
            scope = unit.Path + "%";
        }
        var profileId = await db.QuerySingleOrDefaultAsync<Guid?>(ProfileSql.ForPost, new { post.PostType, PostTitle = post.Title, Skip = 0, Take = 1 }, ct);
        var profile = profileId is { } found ? await ProfileLookup.FindAsync(db, found, ct) : null;
        if (profile is null)
        {
            return (null, new Refusal(null, Problems.Conflict("urn:cw:problem:no-requirement-profile", Text.Of("岗位没有能力要求", "No requirement profile"),
                Text.Of($"“{post.Title}”所属岗位类型尚无能力要求，请先设置岗位能力要求。",
                    $"No requirement profile covers '{post.Title}'; set one first."))));
        }
        return (new Ranking(post, profile, scope, query.PostType, query.MinFit ?? 0), null);
    }

    private static object Args(Ranking r, int skip, int take) => new
    {
        ProfileId = r.Profile.Id, PostId = r.Post.Id, r.Scope, r.PostType, MinFit = (double)r.MinFit, Skip = skip, Take = take,
    };

    private static List<CandidateResponse> ToCandidates(Ranking r, IEnumerable<CandidateRow> rows, int firstRank, DateOnly today)
    {
        var byBit = r.Profile.Items.Select((item, index) => (Bit: 1L << index, Name: item.NameZh)).ToList();
        return rows.Select((c, i) => new CandidateResponse
        {
            Rank = firstRank + i, WorkerId = c.WorkerId, StaffNo = c.StaffNo, Name = c.Name, OrgUnitId = c.OrgUnitId, OrgUnitName = c.OrgUnitName,
            FitScore = Math.Round(c.Fit, 1), GapCount = c.GapCount, Gaps = byBit.Where(b => (c.GapBits & b.Bit) != 0).Select(b => b.Name).ToList(),
            YearsOfService = c.ServiceStartDate is { } start ? Years(start, today) : 0,
            CurrentPostTitle = c.CurrentPostTitle, CurrentPostType = c.CurrentPostType,
        }).ToList();
    }

    internal static int Years(DateOnly from, DateOnly today) =>
        today.Year - from.Year - (today.DayOfYear < from.DayOfYear ? 1 : 0) is var y && y > 0 ? y : 0;

    private static async Task<Results<Ok<CandidatesResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Candidates(
        Guid id, [AsParameters] PageQuery page, [AsParameters] CandidateQuery query, DbSession db, CurrentUser user,
        ReadCache cache, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string>());
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (ranking, refusal) = await RankingAsync(id, query, db, user, ct);
        if (ranking is null)
        {
            if (refusal?.Invalid is { } invalid)
            {
                return invalid;
            }
            if (refusal?.Conflict is { } conflict)
            {
                return conflict;
            }
            return TypedResults.NotFound();
        }
        var args = Args(ranking, page.Skip, page.Size);
        // One page of the ranking for these filters within the caller's (or the chosen unit's) subtree; callers with the
        // same scope and filters see the same page, so they share it until a worker, posting, assessment or profile changes.
        var key = $"competency:candidates:{ranking.Profile.Id}:{ranking.Post.Id}:{ranking.Scope}:{ranking.PostType}:{ranking.MinFit}:{page.Skip}:{page.Size}";
        var (rows, total) = await cache.GetAsync(key, ReadsFrom, async () =>
        {
            var found = await db.QueryAsync<CandidateRow>(GapSql.Candidates, args, ct);
            var count = found.Count > 0 ? found[0].Total
                : page.Skip == 0 ? 0 : await db.ExecuteScalarAsync<int>(GapSql.CandidateCount, args, ct);
            return (found, count);
        });
        return TypedResults.Ok(new CandidatesResponse
        {
            PostId = ranking.Post.Id, PostTitle = ranking.Post.Title, PostType = ranking.Post.PostType, ProfileId = ranking.Profile.Id,
            ProfileName = ranking.Profile.Name,
            Page = new PagedResult<CandidateResponse>(ToCandidates(ranking, rows, page.Skip + 1, LocalDate.Today(clock)), total, page.PageNumber, page.Size),
        });
    }

    /// <summary>The whole ranking (up to 5,000 rows) as .xlsx; the export is audited in the transaction of the read.</summary>
    private static async Task<Results<FileStreamHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> Export(
        Guid id, [AsParameters] CandidateQuery query, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock,
        CancellationToken ct)
    {
        var (ranking, refusal) = await RankingAsync(id, query, db, user, ct);
        if (ranking is null)
        {
            if (refusal?.Invalid is { } invalid)
            {
                return invalid;
            }
            if (refusal?.Conflict is { } conflict)
            {
                return conflict;
            }
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        var rows = await db.QueryAsync<CandidateRow>(GapSql.Candidates, Args(ranking, 0, 5000), ct);
        var candidates = ToCandidates(ranking, rows, 1, LocalDate.Today(clock));
        var sheet = candidates.Select(c => new Dictionary<string, object?>
        {
            ["排名"] = c.Rank, ["工号"] = c.StaffNo, ["姓名"] = c.Name, ["所属单位"] = c.OrgUnitName, ["匹配度"] = c.FitScore,
            ["差距项数"] = c.GapCount, ["差距能力"] = string.Join("、", c.Gaps), ["工作年限"] = c.YearsOfService, ["现任岗位"] = c.CurrentPostTitle,
        });
        var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheet, sheetName: "候选人排名", cancellationToken: ct);
        await audit.WriteAsync(new AuditEntry("competency.candidates.exported", "competency-candidates", ranking.Post.Id, ranking.Post.OrgPath,
            new { rows = candidates.Count, post = ranking.Post.Title, query.OrgUnitId, query.PostType, query.MinFit }), ct);
        await tx.CommitAsync(ct);
        buffer.Position = 0;
        var stamp = clock.GetUtcNow().AddHours(8).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(buffer, Xlsx, $"候选人排名-{stamp}.xlsx");
    }
}
