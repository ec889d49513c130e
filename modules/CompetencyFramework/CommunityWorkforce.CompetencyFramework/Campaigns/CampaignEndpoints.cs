using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.CompetencyFramework.Frameworks;
using CommunityWorkforce.CompetencyFramework.Scope;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CompetencyFramework.Campaigns;

/// <summary>
/// 测评活动 — a campaign opens one assessment per active worker of an org subtree whose primary post has one of the
/// chosen types, against one published framework version, each with the requirement profile of the worker's post.
/// </summary>
internal static class CampaignEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["deadline"] = "c.deadline",
        ["name"] = "c.name",
        ["createdAt"] = "c.created_at",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/competency/campaigns").WithTags("Competency campaigns");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListCompetencyCampaigns");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetCompetencyCampaign");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateCompetencyCampaign");
        group.MapPost("/{id:guid}/close", Close).RequireAuthorization(Policies.HrOrAdmin).WithName("CloseCompetencyCampaign")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    internal static DateOnly Today(TimeProvider clock) => LocalDate.Today(clock);

    private static Task<CampaignRow?> FindAsync(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<CampaignRow>(CampaignSql.Get, new { Id = id, Scope = user.ScopePattern }, ct);

    private static async Task<Results<Ok<PagedResult<CampaignResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] CampaignListQuery filter, DbSession db, CurrentUser user, TimeProvider clock,
        CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("status", filter.Status, ["open", "closed"]);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var today = Today(clock);
        var args = CampaignSql.ListArgs(user, filter.Status, filter.Overdue == true, today, page);
        var total = await db.ExecuteScalarAsync<int>(CampaignSql.Count, args, ct);
        var rows = await db.QueryAsync<CampaignRow>(PagedSql.WithOrderBy(CampaignSql.List, page.OrderBy(Sortable, "-createdAt", "c.id")), args, ct);
        return TypedResults.Ok(new PagedResult<CampaignResponse>(rows.Select(r => r.ToResponse(today)).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<CampaignResponse>, NotFound>> Get(
        Guid id, HttpContext http, DbSession db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var row = await FindAsync(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(row.ToResponse(Today(clock)));
    }

    private sealed class EligibleRow
    {
        public Guid WorkerId { get; init; }
        public string PostType { get; init; } = "";
        public string PostTitle { get; init; } = "";

        /// <summary>The worker's grade level on the ladder (CareerPath) when it is for the post type they hold; else unknown.</summary>
        public int? GradeLevel { get; init; }
    }

    private sealed class ProfileKey
    {
        public Guid Id { get; init; }
        public string PostType { get; init; } = "";
        public string PostTitle { get; init; } = "";
        public int LevelFrom { get; init; }
        public int LevelTo { get; init; }
    }

    /// <summary>
    /// The requirement profile for a worker: of their post type, covering their grade level (a profile is for a level band),
    /// one naming their post title before one for every post of the type. When no profile's band covers the level, or the
    /// level is not known, the band is set aside (the lowest band first) rather than leaving the worker without a profile.
    /// </summary>
    private static Guid? ProfileFor(IReadOnlyList<ProfileKey> profiles, EligibleRow worker)
    {
        bool Covers(ProfileKey p) => worker.GradeLevel is { } level && level >= p.LevelFrom && level <= p.LevelTo;
        return profiles
            .Where(p => p.PostType == worker.PostType && (p.PostTitle == worker.PostTitle || p.PostTitle.Length == 0))
            .OrderBy(p => Covers(p) ? 0 : 1)
            .ThenBy(p => p.PostTitle.Length == 0 ? 1 : 0)
            .ThenBy(p => p.LevelFrom).ThenBy(p => p.LevelTo).ThenBy(p => p.Id)
            .FirstOrDefault()?.Id;
    }

    private static async Task<Results<Created<CampaignResponse>, ValidationProblem, NotFound>> Create(
        CreateCampaignRequest request, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var postTypes = request.PostTypes?.Select(t => t?.Trim() ?? "").Distinct().ToList() ?? [];
        var validator = new Validator()
            .Range("supervisorWeight", request.SupervisorWeight, 0, 100)
            .Rule(postTypes.Count > 0, "postTypes", Text.Of("至少选择一种岗位类型。", "Choose at least one post type."))
            .Rule(request.PeriodStart is null || request.PeriodEnd is null || request.PeriodStart <= request.PeriodEnd, "periodEnd",
                Text.Of("测评周期结束不能早于开始。", "The period cannot end before it starts."))
            .Rule(request.PeriodStart is null || request.Deadline is null || request.Deadline >= request.PeriodStart, "deadline",
                Text.Of("截止日期不能早于测评周期开始。", "The deadline cannot precede the period's start."));
        foreach (var type in postTypes)
        {
            validator.OneOf("postTypes", type, PostTypes.All);
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var unit = await ScopeLookup.UnitAsync(db, user, request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        var status = await db.QuerySingleOrDefaultAsync<string>(CampaignSql.FrameworkStatus, new { request.FrameworkId }, ct);
        if (status != FrameworkStatus.Published)
        {
            return new Validator().Add("frameworkId", status is null
                ? Text.Of("能力框架不存在。", "No such framework.")
                : Text.Of("测评只能使用已发布的框架版本。", "A campaign uses a published framework version.")).ToProblem();
        }
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginAsync(ct);
        var eligible = await db.QueryAsync<EligibleRow>(CampaignSql.Eligible, new
        {
            Scope = unit.Path + "%",
            Head = postTypes.Contains(PostTypes.Head) ? 1 : 0, Deputy = postTypes.Contains(PostTypes.Deputy) ? 1 : 0,
            Staff = postTypes.Contains(PostTypes.Staff) ? 1 : 0,
        }, ct);
        if (eligible.Count == 0)
        {
            return new Validator().Add("orgUnitId", Text.Of("该单位下没有所选岗位类型的在岗人员。",
                "No active worker of the chosen post types works in this unit.")).ToProblem();
        }
        var profiles = await db.QueryAsync<ProfileKey>(CampaignSql.ProfilesOfFramework, new { request.FrameworkId }, ct);
        await db.ExecuteAsync(CampaignSql.Insert, new
        {
            Id = id, Name = request.Name!.Trim(), request.FrameworkId, OrgUnitId = unit.Id, OrgPath = unit.Path,
            PostTypes = string.Join(",", postTypes), request.PeriodStart, request.PeriodEnd, request.Deadline,
            SupervisorWeight = request.SupervisorWeight ?? 100, Now = now,
        }, ct);
        await db.ExecuteAsync(CampaignSql.InsertAssessment, eligible.Select(w => new
        {
            Id = Guid.NewGuid(), CampaignId = id, w.WorkerId, ProfileId = ProfileFor(profiles, w), Now = now,
        }).ToList(), ct);
        await db.ExecuteAsync(CampaignSql.InsertScores, new { CampaignId = id, request.FrameworkId }, ct);
        await audit.WriteAsync(new AuditEntry("competency.campaign.created", "competency-campaign", id, unit.Path, new
        {
            name = request.Name, request.FrameworkId, unit = unit.Code, postTypes, request.PeriodStart, request.PeriodEnd, request.Deadline,
            workers = eligible.Count,
        }), ct);
        await tx.CommitAsync(ct);
        var row = await FindAsync(db, user, id, ct);
        return TypedResults.Created($"/api/competency/campaigns/{id}", row!.ToResponse(Today(clock)));
    }

    private static async Task<Results<Ok<CampaignResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Close(
        Guid id, CampaignVersionRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock,
        CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        if (expected.Value is null)
        {
            return new Validator().Version(expected).ToProblem();
        }
        var row = await FindAsync(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(CampaignSql.Close, new { Id = id, Version = expected.Value, Now = clock.GetUtcNow() }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("competency.campaign.closed", "competency-campaign", id, row.OrgPath,
            new { row.Name, row.Total, row.Finalised }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await FindAsync(db, user, id, ct))!.ToResponse(Today(clock)));
    }
}
