using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.CompetencyFramework.Frameworks;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CompetencyFramework.Profiles;

/// <summary>岗位能力要求 — requirement profiles (city-wide reference data: staff read, HR and admin write).</summary>
internal static class ProfileEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "p.name",
        ["postType"] = "p.post_type",
        ["updatedAt"] = "p.updated_at",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/competency/profiles").WithTags("Competency profiles");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListCompetencyProfiles");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetCompetencyProfile");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateCompetencyProfile")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.HrOrAdmin).WithName("UpdateCompetencyProfile")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<PagedResult<ProfileResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] ProfileListQuery filter, DbSession db, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("postType", filter.PostType, PostTypes.All);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { filter.FrameworkId, filter.PostType, Q = page.QPattern, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(ProfileSql.Count, args, ct);
        var rows = await db.QueryAsync<ProfileRow>(PagedSql.WithOrderBy(ProfileSql.List, page.OrderBy(Sortable, "postType", "p.id")), args, ct);
        var items = new List<ProfileResponse>();
        foreach (var row in rows)
        {
            items.Add(ProfileLookup.ToResponse(row, await db.QueryAsync<ProfileItemRow>(ProfileSql.Items, new { row.Id }, ct)));
        }
        return TypedResults.Ok(new PagedResult<ProfileResponse>(items, total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<ProfileResponse>, NotFound>> Get(Guid id, HttpContext http, DbSession db, CancellationToken ct)
    {
        var profile = await ProfileLookup.FindAsync(db, id, ct);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, profile.Version);
        return TypedResults.Ok(profile);
    }

    private sealed class CompetencyKey
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
    }

    /// <summary>The request's rules that need the framework: published, and every item one of its competencies.</summary>
    private static async Task<(Validator Validator, List<(Guid Id, string Code, int Level, int Weight)> Items)> CheckAsync(
        SaveProfileRequest request, DbSession db, CancellationToken ct)
    {
        var validator = new Validator()
            .OneOf("postType", request.PostType, PostTypes.All)
            .Range("levelFrom", request.LevelFrom, 1, 18).Range("levelTo", request.LevelTo, 1, 18)
            .Rule(request.LevelFrom is null || request.LevelTo is null || request.LevelFrom <= request.LevelTo, "levelTo",
                Text.Of("级别上限不能低于下限。", "The band's top must not lie below its bottom."));
        var items = new List<(Guid, string, int, int)>();
        var status = request.FrameworkId is { } frameworkId
            ? await db.QuerySingleOrDefaultAsync<string>(ProfileSql.FrameworkStatus, new { FrameworkId = frameworkId }, ct)
            : null;
        if (request.FrameworkId is not null && status != FrameworkStatus.Published)
        {
            validator.Add("frameworkId", status is null
                ? Text.Of("能力框架不存在。", "No such framework.")
                : Text.Of("岗位能力要求只能引用已发布的框架版本。", "A profile points at a published framework version."));
            return (validator, items);
        }
        if (request.Items is null || request.Items.Count == 0)
        {
            validator.Add("items", Text.Of("至少需要一项能力要求。", "At least one required competency."));
            return (validator, items);
        }
        var known = (await db.QueryAsync<CompetencyKey>(ProfileSql.FrameworkCompetencies, new { request.FrameworkId }, ct))
            .ToDictionary(c => c.Id, c => c.Code);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var at = $"items[{i}]";
            if (request.Items[i] is not { } item)
            {
                validator.Add(at, Text.Of("必填。", "Required."));
                continue;
            }
            validator.Required($"{at}.competencyId", item.CompetencyId)
                .Required($"{at}.requiredLevel", item.RequiredLevel).Range($"{at}.requiredLevel", item.RequiredLevel, FrameworkRules.MinLevel, FrameworkRules.MaxLevel)
                .Required($"{at}.weight", item.Weight).Range($"{at}.weight", item.Weight, 1, 100);
            if (item.CompetencyId is { } id)
            {
                if (!known.TryGetValue(id, out var code))
                {
                    validator.Add($"{at}.competencyId", Text.Of("该能力不属于所选框架版本。", "Not a competency of the chosen framework version."));
                }
                else if (!seen.Add(id))
                {
                    validator.Add($"{at}.competencyId", Text.Of("同一能力重复。", "The competency appears twice."));
                }
                else
                {
                    items.Add((id, code, item.RequiredLevel ?? 0, item.Weight ?? 0));
                }
            }
        }
        var sum = request.Items.Sum(i => i?.Weight ?? 0);
        if (sum != 100)
        {
            validator.Add("items", Text.Of($"各项权重之和须为 100，当前为 {sum}。", $"The weights must add up to 100; they add up to {sum}."));
        }
        return (validator, items);
    }

    private static async Task WriteItemsAsync(DbSession db, Guid profileId, List<(Guid Id, string Code, int Level, int Weight)> items, CancellationToken ct)
    {
        await db.ExecuteAsync(ProfileSql.DeleteItems, new { Id = profileId }, ct);
        await db.ExecuteAsync(ProfileSql.InsertItem, items.Select((item, index) => new
        {
            ProfileId = profileId, CompetencyId = item.Id, CompetencyCode = item.Code, RequiredLevel = item.Level, item.Weight,
            ItemBit = 1L << index,
        }).ToList(), ct);
    }

    private static ProblemHttpResult Duplicate(string postType, string title) => Problems.Conflict(ProblemTypes.Duplicate,
        Text.Of("岗位能力要求重复", "Duplicate profile"),
        Text.Of($"该框架版本已有{postType}{(title.Length > 0 ? "“" + title + "”" : "")}的能力要求，且级别段与本要求重叠。",
            $"This framework version already has a profile for {postType}{(title.Length > 0 ? " '" + title + "'" : "")} whose level band overlaps this one."),
        new Dictionary<string, object?> { ["field"] = "levelFrom" });

    private static async Task<Results<Created<ProfileResponse>, ValidationProblem, ProblemHttpResult>> Create(
        SaveProfileRequest request, DbSession db, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var (validator, items) = await CheckAsync(request, db, ct);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var id = Guid.NewGuid();
        var title = request.PostTitle?.Trim() ?? "";
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(ProfileSql.KeyExists, new { request.FrameworkId, request.PostType, PostTitle = title, Id = id, request.LevelFrom, request.LevelTo }, ct) > 0)
        {
            return Duplicate(request.PostType!, title);
        }
        await db.ExecuteAsync(ProfileSql.Insert, new
        {
            Id = id, request.FrameworkId, Name = request.Name!.Trim(), request.PostType, request.LevelFrom, request.LevelTo, PostTitle = title,
            Now = clock.GetUtcNow(),
        }, ct);
        await WriteItemsAsync(db, id, items, ct);
        await audit.WriteAsync(new AuditEntry("competency.profile.created", "competency-profile", id, null,
            new { request.FrameworkId, request.PostType, request.LevelFrom, request.LevelTo, postTitle = title, items = items.Select(i => new { i.Code, i.Level, i.Weight }) }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/competency/profiles/{id}", (await ProfileLookup.FindAsync(db, id, ct))!);
    }

    private static async Task<Results<Ok<ProfileResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, SaveProfileRequest request, HttpContext http, DbSession db, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var before = await ProfileLookup.FindAsync(db, id, ct);
        if (before is null)
        {
            return TypedResults.NotFound();
        }
        var (validator, items) = await CheckAsync(request, db, ct);
        validator.Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var title = request.PostTitle?.Trim() ?? "";
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(ProfileSql.KeyExists, new { request.FrameworkId, request.PostType, PostTitle = title, Id = id, request.LevelFrom, request.LevelTo }, ct) > 0)
        {
            return Duplicate(request.PostType!, title);
        }
        if (await db.ExecuteAsync(ProfileSql.Update, new
            {
                Id = id, request.FrameworkId, Name = request.Name!.Trim(), request.PostType, request.LevelFrom, request.LevelTo,
                PostTitle = title, Version = expected.Value, Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await WriteItemsAsync(db, id, items, ct);
        await audit.WriteAsync(new AuditEntry("competency.profile.updated", "competency-profile", id, null, new
        {
            before = new { before.FrameworkId, before.PostType, before.LevelFrom, before.LevelTo, before.PostTitle, items = before.Items.Select(i => new { i.CompetencyCode, i.RequiredLevel, i.Weight }) },
            after = new { request.FrameworkId, request.PostType, request.LevelFrom, request.LevelTo, postTitle = title, items = items.Select(i => new { i.Code, i.Level, i.Weight }) },
        }), ct);
        await tx.CommitAsync(ct);
        var updated = (await ProfileLookup.FindAsync(db, id, ct))!;
        ExpectedVersion.SetETag(http, updated.Version);
        return TypedResults.Ok(updated);
    }
}
