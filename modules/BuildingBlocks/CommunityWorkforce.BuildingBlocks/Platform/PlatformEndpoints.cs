using System.Text.Json;
using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Privacy;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.BuildingBlocks.Workbench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.BuildingBlocks.Platform;

public sealed record AuditLogEntryResponse
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string UserName { get; init; } = "";
    public string Role { get; init; } = "";
    public string Action { get; init; } = "";
    public string EntityType { get; init; } = "";
    public Guid? EntityId { get; init; }
    public string? ScopePath { get; init; }
    public JsonElement? Changes { get; init; }
    public string? Reason { get; init; }
    public string? RequestId { get; init; }
}

public sealed record AuditLogQuery
{
    /// <summary>An action code or its prefix, e.g. <c>staffing.worker</c>.</summary>
    public string? Action { get; init; }
    public string? EntityType { get; init; }
    public Guid? EntityId { get; init; }
    public string? UserName { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
}

/// <summary>The audit log viewer (admin: everything; HR: rows of their subtree) and the caller's own data download.</summary>
internal static class PlatformEndpoints
{
    private const string AuditFilter = """
        FROM platform_audit_log a
        WHERE (@All = 1 OR {scope:a.scope_path})
          AND (@Action IS NULL OR a.action LIKE @Action ESCAPE '\')
          AND (@EntityType IS NULL OR a.entity_type = @EntityType)
          AND (@EntityId IS NULL OR a.entity_id = @EntityId)
          AND (@UserName IS NULL OR a.user_name = @UserName)
          AND (@From IS NULL OR a.occurred_at >= @From)
          AND (@To IS NULL OR a.occurred_at < @To)
          AND (@Q IS NULL OR a.action LIKE @Q ESCAPE '\' OR a.user_name LIKE @Q ESCAPE '\' OR a.entity_type LIKE @Q ESCAPE '\' OR a.reason LIKE @Q ESCAPE '\')
        """;

    private const string AuditList = """
        SELECT a.id, a.occurred_at, a.user_name, a.role, a.action, a.entity_type, a.entity_id, a.scope_path, a.changes,
               a.reason, a.request_id
        """ + " " + AuditFilter + " ORDER BY {orderBy} {page}";

    private const string AuditCount = "SELECT COUNT(*) " + AuditFilter;

    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["occurredAt"] = "a.occurred_at",
        ["action"] = "a.action",
        ["userName"] = "a.user_name",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit-log", List).RequireAuthorization(Policies.HrOrAdmin).WithTags("Audit").WithName("ListAuditLog");
        api.MapGet("/me/todos", Todos).RequireAuthorization(Policies.AnyRole).WithTags("Workbench").WithName("GetMyTodos");
        api.MapGet("/me/personal-data", PersonalData).RequireAuthorization(Policies.AnyRole).WithTags("Auth").WithName("DownloadMyPersonalData");
    }

    private static async Task<Results<Ok<PagedResult<AuditLogEntryResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] AuditLogQuery filter, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.Optional("action", filter.Action, 100).Optional("entityType", filter.EntityType, 50).Optional("userName", filter.UserName, 50)
            .Rule(filter.From is null || filter.To is null || filter.From < filter.To, "to", Text.Of("结束时间须晚于开始时间。", "'to' must follow 'from'."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new
        {
            All = user.IsAdmin ? 1 : 0, Scope = user.ScopePattern, Action = Like.StartsWith(filter.Action), filter.EntityType,
            filter.EntityId, filter.UserName, From = filter.From?.ToUniversalTime(), To = filter.To?.ToUniversalTime(), Q = page.QPattern, page.Skip, Take = page.Size,
        };
        var total = await db.ExecuteScalarAsync<int>(AuditCount, args, ct);
        var rows = await db.QueryAsync<AuditRow>(PagedSql.WithOrderBy(AuditList, page.OrderBy(Sortable, "-occurredAt", "a.id")), args, ct);
        return TypedResults.Ok(new PagedResult<AuditLogEntryResponse>(rows.Select(r => new AuditLogEntryResponse
        {
            Id = r.Id, OccurredAt = r.OccurredAt, UserName = r.UserName, Role = r.Role, Action = r.Action, EntityType = r.EntityType,
            EntityId = r.EntityId, ScopePath = r.ScopePath, Reason = r.Reason, RequestId = r.RequestId,
            Changes = r.Changes is null ? null : JsonDocument.Parse(r.Changes).RootElement.Clone(),
        }).ToList(), total, page.PageNumber, page.Size));
    }

    /// <summary>The caller's workbench: every module's to-dos, in module order; cards with nothing waiting are left out.</summary>
    private static async Task<Ok<WorkbenchResponse>> Todos(IEnumerable<IWorkbenchContributor> contributors, CurrentUser user, CancellationToken ct)
    {
        var todos = new List<WorkbenchTodo>();
        foreach (var contributor in contributors)
        {
            todos.AddRange((await contributor.TodosAsync(user, ct)).Where(t => t.Count > 0));
        }
        return TypedResults.Ok(new WorkbenchResponse(todos));
    }

    /// <summary>Everything every module holds about the caller, as one JSON document; the download itself is audited.</summary>
    private static async Task<Ok<Dictionary<string, object?>>> PersonalData(
        IEnumerable<IPersonalDataSource> sources, DbSession db, CurrentUser user, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var result = new Dictionary<string, object?> { ["generatedAt"] = clock.GetUtcNow() };
        foreach (var source in sources.OrderBy(s => s.Section, StringComparer.Ordinal))
        {
            result[source.Section] = await source.CollectAsync(user, ct);
        }
        await using var tx = await db.BeginAsync(ct);
        await audit.WriteAsync(new AuditEntry("platform.personal-data.downloaded", "account", user.AccountId, user.ScopePath, null), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(result);
    }

    private sealed class AuditRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public string UserName { get; init; } = "";
        public string Role { get; init; } = "";
        public string Action { get; init; } = "";
        public string EntityType { get; init; } = "";
        public Guid? EntityId { get; init; }
        public string? ScopePath { get; init; }
        public string? Changes { get; init; }
        public string? Reason { get; init; }
        public string? RequestId { get; init; }
    }
}
