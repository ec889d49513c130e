using System.Text.RegularExpressions;
using AutoMapper;
using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Access.Accounts;

/// <summary>账号管理 — the admin's account management: list, create, disable/enable, reset password.</summary>
internal static partial class AccountEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["userName"] = "a.user_name",
        ["displayName"] = "a.display_name",
        ["role"] = "a.role",
        ["createdAt"] = "a.created_at",
        ["lastSignInAt"] = "a.last_sign_in_at",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,49}$")]
    private static partial Regex UserNamePattern();

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/access/accounts").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithName("ListAccounts");
        group.MapGet("/{id:guid}", Get).WithName("GetAccount");
        group.MapPost("/", Create).WithName("CreateAccount").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/disable", (Guid id, AccountVersionRequest request, HttpContext http, DbSession db,
                CurrentUser user, AuditWriter audit, IMapper mapper, TimeProvider clock, CancellationToken ct) =>
                SetDisabled(id, true, request, http, db, user, audit, mapper, clock, ct))
            .WithName("DisableAccount").ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/enable", (Guid id, AccountVersionRequest request, HttpContext http, DbSession db,
                CurrentUser user, AuditWriter audit, IMapper mapper, TimeProvider clock, CancellationToken ct) =>
                SetDisabled(id, false, request, http, db, user, audit, mapper, clock, ct))
            .WithName("EnableAccount").ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/reset-password", ResetPassword).WithName("ResetAccountPassword")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<PagedResult<AccountResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] AccountListQuery filter, DbSession db, IMapper mapper,
        CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("role", filter.Role, Roles.All);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { filter.Role, filter.Disabled, Q = page.QPattern, page.Skip, Take = page.Size };
        var total = await db.ExecuteScalarAsync<int>(AccountSql.Count, args, ct);
        var rows = await db.QueryAsync<AccountRow>(
            PagedSql.WithOrderBy(AccountSql.List, page.OrderBy(Sortable, "userName", "a.id")), args, ct);
        return TypedResults.Ok(new PagedResult<AccountResponse>(mapper.Map<List<AccountResponse>>(rows), total,
            page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<AccountResponse>, NotFound>> Get(
        Guid id, HttpContext http, DbSession db, IMapper mapper, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = id }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(mapper.Map<AccountResponse>(row));
    }

    private static async Task<Results<Created<AccountWithPasswordResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateAccountRequest request, DbSession db, Passwords passwords, IOrgUnitDirectory orgUnits, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var userName = request.UserName?.Trim().ToLowerInvariant();
        var validator = new Validator()
            .Required("userName", userName, 50)
            .Matches("userName", userName, UserNamePattern(), "用户名 3–50 位，只能包含小写字母、数字、点、下划线和连字符。",
                "3–50 characters: lower-case letters, digits, dot, underscore, dash.")
            .Required("displayName", request.DisplayName, 100)
            .Required("role", request.Role, 20)
            .OneOf("role", request.Role, Roles.All)
            .Rule(request.Role == Roles.Admin || request.OrgUnitId is not null, "orgUnitId",
                Text.Of("除系统管理员外，账号必须指定所属单位（数据范围）。", "Every account but admin needs an org unit (its scope)."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        OrgUnitInfo? unit = null;
        if (request.OrgUnitId is { } orgUnitId)
        {
            unit = await orgUnits.FindAsync(orgUnitId, ct);
            if (unit is null || unit.Status != "active")
            {
                return new Validator().Add("orgUnitId", Text.Of("单位不存在或已撤销。", "No such active org unit.")).ToProblem();
            }
        }
        if (await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ByUserName, new { UserName = userName }, ct) is not null)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("用户名已存在", "User name taken"),
                Text.Of($"用户名 {userName} 已被使用。", $"The user name {userName} is already taken."),
                new Dictionary<string, object?> { ["field"] = "userName" });
        }
        var id = Guid.NewGuid();
        var temporary = Passwords.Temporary();
        await db.ExecuteAsync(AccountSql.Insert, new
        {
            Id = id, UserName = userName, DisplayName = request.DisplayName!.Trim(), request.Role,
            OrgUnitId = request.Role == Roles.Admin ? null : unit?.Id, request.WorkerId,
            PasswordHash = passwords.Hash(temporary), MustChangePassword = true, Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("access.account.created", "account", id, unit?.Path,
            new { userName, request.DisplayName, request.Role, request.OrgUnitId, request.WorkerId }), ct);
        var row = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = id }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/access/accounts/{id}",
            new AccountWithPasswordResponse(mapper.Map<AccountResponse>(row), temporary));
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SetDisabled(
        Guid id, bool disabled, AccountVersionRequest request, HttpContext http, DbSession db, CurrentUser user,
        AuditWriter audit, IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        if (expected.Value is null)
        {
            return new Validator().Version(expected).ToProblem();
        }
        if (disabled && id == user.AccountId)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("不能停用自己的账号", "Cannot disable yourself"),
                Text.Of("请由另一位管理员操作。", "Ask another administrator."));
        }
        await using var tx = await db.BeginAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = id }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        if (await db.ExecuteAsync(AccountSql.SetDisabled, new { Id = id, Disabled = disabled, Version = expected.Value, Now = now }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        if (disabled)
        {
            await db.ExecuteAsync(RefreshTokenSql.RevokeAccount, new { AccountId = id, Now = now }, ct);
        }
        await audit.WriteAsync(new AuditEntry(disabled ? "access.account.disabled" : "access.account.enabled",
            "account", id, null, new { row.UserName }), ct);
        var updated = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = id }, ct);
        await tx.CommitAsync(ct);
        ExpectedVersion.SetETag(http, updated!.Version);
        return TypedResults.Ok(mapper.Map<AccountResponse>(updated));
    }

    private static async Task<Results<Ok<AccountWithPasswordResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ResetPassword(
        Guid id, AccountVersionRequest request, HttpContext http, DbSession db, Passwords passwords, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        if (expected.Value is null)
        {
            return new Validator().Version(expected).ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = id }, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var temporary = Passwords.Temporary();
        var now = clock.GetUtcNow();
        if (await db.ExecuteAsync(AccountSql.SetPassword, new
            {
                Id = id, PasswordHash = passwords.Hash(temporary), MustChangePassword = true, Version = expected.Value, Now = now,
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await db.ExecuteAsync(RefreshTokenSql.RevokeAccount, new { AccountId = id, Now = now }, ct);
        await audit.WriteAsync(new AuditEntry("access.account.password-reset", "account", id, null, new { row.UserName }), ct);
        var updated = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = id }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new AccountWithPasswordResponse(mapper.Map<AccountResponse>(updated), temporary));
    }
}
