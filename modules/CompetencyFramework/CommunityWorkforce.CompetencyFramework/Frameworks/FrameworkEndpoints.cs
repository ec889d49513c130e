using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CompetencyFramework.Frameworks;

/// <summary>
/// 能力框架 — versioned competency frameworks. A draft is edited as a whole; publishing makes it immutable (and retires
/// the version published before it); a change to a published version is a new draft copied from it. Frameworks are
/// city-wide reference data: staff read them, HR and admin write them (a worker reads the level indicators in
/// their own assessment).
/// </summary>
internal static class FrameworkEndpoints
{
    public const string ImmutableProblem = "urn:cw:problem:framework-immutable";

    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["code"] = "f.code",
        ["versionNo"] = "f.version_no",
        ["updatedAt"] = "f.updated_at",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/competency/frameworks").WithTags("Competency frameworks");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListCompetencyFrameworks");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetCompetencyFramework");
        group.MapGet("/{id:guid}/diff", Diff).RequireAuthorization(Policies.Staff).WithName("DiffCompetencyFrameworks");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrOrAdmin).WithName("CreateCompetencyFramework")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Save).RequireAuthorization(Policies.HrOrAdmin).WithName("SaveCompetencyFrameworkDraft")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/new-draft", NewDraft).RequireAuthorization(Policies.HrOrAdmin).WithName("NewCompetencyFrameworkDraft")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.HrOrAdmin).WithName("PublishCompetencyFramework")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/retire", Retire).RequireAuthorization(Policies.HrOrAdmin).WithName("RetireCompetencyFramework")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<PagedResult<FrameworkSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] FrameworkListQuery filter, DbSession db, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.Optional("code", filter.Code, 60).OneOf("status", filter.Status, FrameworkStatus.All);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { filter.Code, filter.Status, Q = page.QPattern, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(FrameworkSql.Count, args, ct);
        var rows = await db.QueryAsync<FrameworkRow>(PagedSql.WithOrderBy(FrameworkSql.List,
            page.OrderBy(Sortable, "-versionNo", "f.id")), args, ct);
        return TypedResults.Ok(new PagedResult<FrameworkSummary>(rows.Select(r => r.ToSummary()).ToList(), total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<FrameworkResponse>, NotFound>> Get(Guid id, HttpContext http, FrameworkStore store, CancellationToken ct)
    {
        var row = await store.FindAsync(id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(await store.ResponseAsync(row, ct));
    }

    private static async Task<Results<Ok<FrameworkDiffResponse>, ValidationProblem, NotFound>> Diff(
        Guid id, [AsParameters] FrameworkDiffQuery query, FrameworkStore store, CancellationToken ct)
    {
        var to = await store.FindAsync(id, ct);
        if (to is null)
        {
            return TypedResults.NotFound();
        }
        var againstId = query.Against ?? to.BasedOnId;
        if (againstId is null)
        {
            return new Validator().Add("against", Text.Of("请指定要比较的版本。", "Name the version to compare with.")).ToProblem();
        }
        var from = await store.FindAsync(againstId.Value, ct);
        if (from is null)
        {
            return TypedResults.NotFound();
        }
        var (added, removed, changed) = FrameworkRules.Diff(
            FrameworkStore.ToDoc(await store.ResponseAsync(from, ct)), FrameworkStore.ToDoc(await store.ResponseAsync(to, ct)));
        return TypedResults.Ok(new FrameworkDiffResponse { FromId = from.Id, ToId = to.Id, Added = added, Removed = removed, Changed = changed });
    }

    private static async Task<Results<Created<FrameworkResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateFrameworkRequest request, DbSession db, FrameworkStore store, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator()
            .Matches("code", request.Code?.Trim(), FrameworkRules.CodePattern(), "编码只能包含小写字母、数字和连字符。",
                "Codes use lower-case letters, digits and hyphens.");
        var doc = FrameworkRules.Check(validator, request.Dimensions);
        if (!validator.IsValid || doc is null)
        {
            return validator.ToProblem();
        }
        var code = request.Code!.Trim();
        var id = Guid.NewGuid();
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(FrameworkSql.CodeExists, new { Code = code }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("框架编码已存在", "Duplicate framework"),
                Text.Of($"已有编码为“{code}”的能力框架，请从其已发布版本新建草稿。",
                    $"A framework with code '{code}' exists; start a new draft from its published version."),
                new Dictionary<string, object?> { ["field"] = "code" });
        }
        await db.ExecuteAsync(FrameworkSql.Insert, new
        {
            Id = id, Code = code, VersionNo = 1, NameZh = request.NameZh!.Trim(), NameEn = request.NameEn!.Trim(),
            Status = FrameworkStatus.Draft, BasedOnId = (Guid?)null, PublishedAt = (DateTimeOffset?)null, Now = clock.GetUtcNow(),
        }, ct);
        await store.WriteContentAsync(id, doc, ct);
        await audit.WriteAsync(new AuditEntry("competency.framework.created", "competency-framework", id, null,
            new { code, competencies = doc.Competencies.Count() }), ct);
        await tx.CommitAsync(ct);
        var row = await store.FindAsync(id, ct);
        return TypedResults.Created($"/api/competency/frameworks/{id}", await store.ResponseAsync(row!, ct));
    }

    private static async Task<Results<Ok<FrameworkResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Save(
        Guid id, SaveFrameworkRequest request, HttpContext http, DbSession db, FrameworkStore store, AuditWriter audit,
        TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var row = await store.FindAsync(id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.Status != FrameworkStatus.Draft)
        {
            return Immutable(row);
        }
        var validator = new Validator().Version(expected);
        var doc = FrameworkRules.Check(validator, request.Dimensions);
        if (!validator.IsValid || doc is null)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(FrameworkSql.UpdateDraft, new
            {
                Id = id, NameZh = request.NameZh!.Trim(), NameEn = request.NameEn!.Trim(), Version = expected.Value, Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            var now = await store.FindAsync(id, ct);
            return now is not null && now.Status != FrameworkStatus.Draft ? Immutable(now) : Problems.StaleVersion(expected.FromIfMatch);
        }
        await store.WriteContentAsync(id, doc, ct);
        await audit.WriteAsync(new AuditEntry("competency.framework.saved", "competency-framework", id, null,
            new { row.Code, row.VersionNo, competencies = doc.Competencies.Select(c => c.Competency.Code).ToList() }), ct);
        await tx.CommitAsync(ct);
        var saved = await store.FindAsync(id, ct);
        ExpectedVersion.SetETag(http, saved!.Version);
        return TypedResults.Ok(await store.ResponseAsync(saved, ct));
    }

    private static async Task<Results<Created<FrameworkResponse>, NotFound, ProblemHttpResult>> NewDraft(
        Guid id, DbSession db, FrameworkStore store, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var source = await store.FindAsync(id, ct);
        if (source is null)
        {
            return TypedResults.NotFound();
        }
        if (source.Status == FrameworkStatus.Draft)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("草稿不能再复制", "Already a draft"),
                Text.Of("请直接编辑该草稿。", "Edit this draft instead."));
        }
        var content = FrameworkStore.ToDoc(await store.ResponseAsync(source, ct));
        var draftId = Guid.NewGuid();
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(FrameworkSql.DraftOfCode, new { source.Code }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("已有草稿", "A draft exists"),
                Text.Of("该框架已有一个草稿版本，请先发布或编辑它。", "This framework already has a draft; edit or publish it first."));
        }
        var versionNo = await db.ExecuteScalarAsync<int>(FrameworkSql.NextVersionNo, new { source.Code }, ct);
        await db.ExecuteAsync(FrameworkSql.Insert, new
        {
            Id = draftId, source.Code, VersionNo = versionNo, source.NameZh, source.NameEn, Status = FrameworkStatus.Draft,
            BasedOnId = (Guid?)source.Id, PublishedAt = (DateTimeOffset?)null, Now = clock.GetUtcNow(),
        }, ct);
        await store.WriteContentAsync(draftId, content, ct);
        await audit.WriteAsync(new AuditEntry("competency.framework.draft-created", "competency-framework", draftId, null,
            new { source.Code, versionNo, basedOn = source.Id }), ct);
        await tx.CommitAsync(ct);
        var row = await store.FindAsync(draftId, ct);
        return TypedResults.Created($"/api/competency/frameworks/{draftId}", await store.ResponseAsync(row!, ct));
    }

    private static async Task<Results<Ok<FrameworkSummary>, ValidationProblem, NotFound, ProblemHttpResult>> Publish(
        Guid id, FrameworkVersionRequest request, HttpContext http, DbSession db, FrameworkStore store, AuditWriter audit,
        TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        if (expected.Value is null)
        {
            return new Validator().Version(expected).ToProblem();
        }
        var row = await store.FindAsync(id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.Status != FrameworkStatus.Draft)
        {
            return Immutable(row);
        }
        if (row.CompetencyCount == 0)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("框架为空", "Empty framework"),
                Text.Of("没有任何能力项的框架不能发布。", "A framework without competencies cannot be published."));
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(FrameworkSql.Publish, new { Id = id, Version = expected.Value, Now = now }, ct) == 0)
        {
            var current = await store.FindAsync(id, ct);
            return current is not null && current.Status != FrameworkStatus.Draft ? Immutable(current) : Problems.StaleVersion(expected.FromIfMatch);
        }
        var retired = await db.ExecuteAsync(FrameworkSql.RetireOthers, new { Id = id, row.Code, Now = now }, ct);
        await audit.WriteAsync(new AuditEntry("competency.framework.published", "competency-framework", id, null,
            new { row.Code, row.VersionNo, retiredVersions = retired }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await store.FindAsync(id, ct))!.ToSummary());
    }

    private static async Task<Results<Ok<FrameworkSummary>, ValidationProblem, NotFound, ProblemHttpResult>> Retire(
        Guid id, FrameworkVersionRequest request, HttpContext http, DbSession db, FrameworkStore store, AuditWriter audit,
        TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        if (expected.Value is null)
        {
            return new Validator().Version(expected).ToProblem();
        }
        var row = await store.FindAsync(id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.Status != FrameworkStatus.Published)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("只能停用已发布版本", "Not published"),
                Text.Of("只有已发布的版本可以停用。", "Only a published version can be retired."));
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(FrameworkSql.Retire, new { Id = id, Version = expected.Value, Now = clock.GetUtcNow() }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("competency.framework.retired", "competency-framework", id, null, new { row.Code, row.VersionNo }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await store.FindAsync(id, ct))!.ToSummary());
    }

    private static ProblemHttpResult Immutable(FrameworkRow row) => Problems.Conflict(ImmutableProblem,
        Text.Of("该版本不可修改", "Version is immutable"),
        Text.Of($"第 {row.VersionNo} 版已{(row.Status == FrameworkStatus.Published ? "发布" : "停用")}，不能修改；请从它新建草稿。",
            $"Version {row.VersionNo} is {row.Status} and cannot change; start a new draft from it."),
        new Dictionary<string, object?> { ["frameworkStatus"] = row.Status });
}
