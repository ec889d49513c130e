using CommunityWorkforce.Access.Accounts;
using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MaxLengthAttribute = System.ComponentModel.DataAnnotations.MaxLengthAttribute;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace CommunityWorkforce.Access.Auth;

public sealed record SignInRequest
{
    [Required, MaxLength(50)]
    public string? UserName { get; init; }
    [Required, MaxLength(128)]
    public string? Password { get; init; }
}

public sealed record RefreshRequest
{
    [Required, MaxLength(200)]
    public string? RefreshToken { get; init; }
}

public sealed record ChangePasswordRequest
{
    [Required, MaxLength(128)]
    public string? CurrentPassword { get; init; }
    [Required, MaxLength(128)]
    public string? NewPassword { get; init; }
}

public sealed record MeResponse
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? OrgUnitId { get; init; }
    public string? OrgUnitName { get; init; }
    public string? OrgUnitLevel { get; init; }
    public string? ScopePath { get; init; }
    public Guid? WorkerId { get; init; }
    public bool MustChangePassword { get; init; }
}

/// <summary>Sign-in, token refresh with rotation, sign-out and the caller's own account.</summary>
internal static class AuthEndpoints
{
    public const string SignInRateLimit = "sign-in";
    public const string RefreshRateLimit = "token-refresh";

    public static void Map(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", SignIn).AllowAnonymous().RequireRateLimiting(SignInRateLimit).WithName("SignIn")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(423).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(RefreshRateLimit).WithName("RefreshToken")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", Logout).AllowAnonymous().WithName("SignOut");

        var me = api.MapGroup("/me").WithTags("Auth");
        me.MapGet("/", Me).RequireAuthorization(Policies.Self).WithName("GetMe");
        me.MapPost("/password", ChangePassword).RequireAuthorization(Policies.Self).WithName("ChangeMyPassword");
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, DbSession db, Passwords passwords, TokenService tokens, AuthOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Required("userName", request.UserName, 50).Required("password", request.Password, 128);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginAsync(ct);
        var account = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ByUserNameForUpdate,
            new { UserName = request.UserName!.Trim().ToLowerInvariant() }, ct);
        if (account is null)
        {
            // Same work as a real check, so that response time does not reveal which names exist.
            passwords.Verify(DummyHash.Value, request.Password!);
            return InvalidCredentials();
        }
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return Locked(lockedUntil);
        }
        var verdict = passwords.Verify(account.PasswordHash, request.Password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = account.FailedSignIns + 1;
            var lockNow = failures >= options.MaxFailedSignIns;
            var until = lockNow ? now.Add(options.LockoutDuration) : (DateTimeOffset?)null;
            await db.ExecuteAsync(AccountSql.RecordFailedSignIn,
                new { account.Id, FailedSignIns = lockNow ? 0 : failures, LockedUntil = until, Now = now }, ct);
            await tx.CommitAsync(ct);
            return lockNow ? Locked(until!.Value) : InvalidCredentials();
        }
        if (account.Disabled)
        {
            return TypedResults.Problem(Text.Of("账号已停用，请联系系统管理员。", "This account is disabled; contact your administrator."),
                statusCode: StatusCodes.Status403Forbidden, title: Text.Of("账号已停用", "Account disabled"),
                type: ProblemTypes.AccountDisabled);
        }
        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Hash(request.Password!) : account.PasswordHash;
        await db.ExecuteAsync(AccountSql.RecordSignIn, new { account.Id, PasswordHash = hash, Now = now }, ct);
        var issued = await tokens.IssueAsync(account, familyId: null, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(issued);
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, DbSession db, TokenService tokens, RefreshLimiter limiter, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Required("refreshToken", request.RefreshToken, 200);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginAsync(ct);
        var stored = await db.QuerySingleOrDefaultAsync<RefreshTokenRow>(RefreshTokenSql.ByHash,
            new { TokenHash = TokenService.HashRefreshToken(request.RefreshToken!) }, ct);
        if (stored is null || stored.ExpiresAt <= now)
        {
            return InvalidRefreshToken();
        }
        if (!limiter.TryAcquire(stored.FamilyId))
        {
            // The token is not spent: the client may present it again after the window.
            return TypedResults.Problem(
                Text.Of("刷新登录过于频繁，请稍后再试。", "Too many session refreshes; try again shortly."),
                statusCode: StatusCodes.Status429TooManyRequests, title: Text.Of("请求过于频繁", "Too many requests"),
                type: ProblemTypes.RateLimited);
        }
        if (stored.UsedAt is not null || stored.RevokedAt is not null
            || await db.ExecuteAsync(RefreshTokenSql.Spend, new { stored.Id, Now = now }, ct) == 0)
        {
            // A spent token presented again: someone holds a copy. End the whole family.
            await db.ExecuteAsync(RefreshTokenSql.RevokeFamily, new { stored.FamilyId, Now = now }, ct);
            await tx.CommitAsync(ct);
            return InvalidRefreshToken();
        }
        var account = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = stored.AccountId }, ct);
        if (account is null || account.Disabled)
        {
            await db.ExecuteAsync(RefreshTokenSql.RevokeFamily, new { stored.FamilyId, Now = now }, ct);
            await tx.CommitAsync(ct);
            return InvalidRefreshToken();
        }
        var issued = await tokens.IssueAsync(account, stored.FamilyId, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(issued);
    }

    /// <summary>Ends the refresh-token family. Always 204, so it reveals nothing about the token.</summary>
    private static async Task<Results<NoContent, ValidationProblem>> Logout(
        RefreshRequest request, DbSession db, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Required("refreshToken", request.RefreshToken, 200);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var stored = await db.QuerySingleOrDefaultAsync<RefreshTokenRow>(RefreshTokenSql.ByHash,
            new { TokenHash = TokenService.HashRefreshToken(request.RefreshToken!) }, ct);
        if (stored is not null)
        {
            await db.ExecuteAsync(RefreshTokenSql.RevokeFamily, new { stored.FamilyId, Now = clock.GetUtcNow() }, ct);
        }
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> Me(
        DbSession db, CurrentUser user, IOrgUnitDirectory orgUnits, CancellationToken ct)
    {
        var account = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = user.AccountId }, ct);
        if (account is null)
        {
            return TypedResults.NotFound();
        }
        var unit = account.OrgUnitId is { } orgUnitId ? await orgUnits.FindAsync(orgUnitId, ct) : null;
        return TypedResults.Ok(new MeResponse
        {
            Id = account.Id,
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            Role = account.Role,
            OrgUnitId = unit?.Id,
            OrgUnitName = unit?.Name,
            OrgUnitLevel = unit?.Level,
            ScopePath = unit?.Path,
            WorkerId = account.WorkerId,
            MustChangePassword = account.MustChangePassword,
        });
    }

    /// <summary>
    /// Changes the caller's password. Every session of the account ends (its refresh tokens are revoked), and this one
    /// continues with the new tokens returned here, which no longer carry the pending-change mark.
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, DbSession db, CurrentUser user, Passwords passwords, TokenService tokens, AuditWriter audit,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Required("currentPassword", request.CurrentPassword, 128);
        Passwords.CheckPolicy(validator, "newPassword", request.NewPassword)
            .Rule(request.NewPassword != request.CurrentPassword, "newPassword",
                Text.Of("新密码不能与当前密码相同。", "The new password must differ from the current one."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var account = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = user.AccountId }, ct);
        if (account is null)
        {
            return TypedResults.NotFound();
        }
        if (passwords.Verify(account.PasswordHash, request.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            return new Validator().Add("currentPassword", Text.Of("当前密码不正确。", "The current password is wrong.")).ToProblem();
        }
        var now = clock.GetUtcNow();
        if (await db.ExecuteAsync(AccountSql.SetPassword, new
            {
                account.Id, PasswordHash = passwords.Hash(request.NewPassword!), MustChangePassword = false,
                account.Version, Now = now,
            }, ct) == 0)
        {
            return Problems.StaleVersion(false);
        }
        await db.ExecuteAsync(RefreshTokenSql.RevokeAccount, new { AccountId = account.Id, Now = now }, ct);
        await audit.WriteAsync(new AuditEntry("access.password.changed", "account", account.Id, null, null), ct);
        var changed = (await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { account.Id }, ct))!;
        var issued = await tokens.IssueAsync(changed, familyId: null, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(issued);
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        Text.Of("用户名或密码错误。", "Wrong user name or password."),
        statusCode: StatusCodes.Status401Unauthorized, title: Text.Of("登录失败", "Sign-in failed"),
        type: ProblemTypes.InvalidCredentials);

    private static ProblemHttpResult Locked(DateTimeOffset until) => TypedResults.Problem(
        Text.Of("连续登录失败次数过多，账号已临时锁定，请稍后再试。", "Too many failed sign-ins; the account is locked for a while."),
        statusCode: 423, title: Text.Of("账号已锁定", "Account locked"), type: ProblemTypes.AccountLocked,
        extensions: new Dictionary<string, object?> { ["lockedUntil"] = until });

    private static ProblemHttpResult InvalidRefreshToken() => TypedResults.Problem(
        Text.Of("登录已失效，请重新登录。", "Your session has ended; sign in again."),
        statusCode: StatusCodes.Status401Unauthorized, title: Text.Of("会话失效", "Invalid refresh token"),
        type: ProblemTypes.InvalidRefreshToken);

    private static class DummyHash
    {
        public static readonly string Value = new Passwords().Hash("not-a-real-password-0");
    }

    private sealed class RefreshTokenRow
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public Guid FamilyId { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? UsedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
    }
}
