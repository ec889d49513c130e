using System.Security.Claims;
using System.Threading.RateLimiting;
using CommunityWorkforce.Access.Accounts;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CommunityWorkforce.Access.Auth;

/// <summary>
/// JWT bearer validation (strict: issuer, audience, lifetime, HS256 only), the role policies, and the sign-in rate
/// limit. With <c>Auth:Authority</c> set, tokens of that OIDC issuer are accepted too; their user is matched to a
/// local account, whose role and scope apply.
/// </summary>
public static class AuthenticationSetup
{
    public const string ExternalScheme = "External";

    public static IServiceCollection AddCwAuthentication(this IServiceCollection services, AuthOptions options,
        string? externalAudience)
    {
        services.AddSingleton(options);
        services.AddSingleton(new RefreshLimiter(options.RefreshPermitsPerMinute));
        var schemes = new List<string> { JwtBearerDefaults.AuthenticationScheme };
        var builder = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(options.SigningKey),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = CwClaims.UserName,
                    RoleClaimType = CwClaims.Role,
                };
                jwt.Events = ProblemEvents();
            });
        if (options.Authority is not null)
        {
            schemes.Add(ExternalScheme);
            builder.AddJwtBearer(ExternalScheme, jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Authority = options.Authority;
                jwt.Audience = externalAudience;
                jwt.TokenValidationParameters.NameClaimType = options.ExternalUserNameClaim;
                jwt.TokenValidationParameters.RoleClaimType = CwClaims.Role;
                jwt.Events = ProblemEvents();
            });
            services.AddScoped<IClaimsTransformation, ExternalClaimsTransformation>();
        }

        services.AddAuthorization(authorization =>
        {
            foreach (var (policy, roles) in Policies.RolesByPolicy)
            {
                authorization.AddPolicy(policy, p =>
                {
                    p.AddAuthenticationSchemes([.. schemes])
                        .RequireAuthenticatedUser()
                        .RequireClaim(CwClaims.Role, roles);
                    if (!Policies.AllowedWhilePasswordChangeRequired.Contains(policy))
                    {
                        p.AddRequirements(PasswordChangedRequirement.Instance);
                    }
                });
            }
        });
        services.AddSingleton<IAuthorizationHandler, PasswordChangedRequirement.Handler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PasswordChangeResultHandler>();

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AuthEndpoints.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.SignInPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.AddPolicy(AuthEndpoints.RefreshRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RefreshPermitsPerMinutePerAddress,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = ProblemTypes.RateLimited,
                        Title = Text.Of("请求过于频繁", "Too many requests"),
                        Detail = http.Request.Path.Value?.EndsWith("/refresh", StringComparison.Ordinal) == true
                            ? Text.Of("刷新登录过于频繁，请稍后再试。", "Too many session refreshes; try again shortly.")
                            : Text.Of("登录尝试过于频繁，请一分钟后再试。", "Too many sign-in attempts; try again in a minute."),
                    },
                });
            };
        });
        return services;
    }

    /// <summary>401 and 403 from the bearer handler come back as problem details too.</summary>
    private static JwtBearerEvents ProblemEvents() => new()
    {
        OnChallenge = async context =>
        {
            context.HandleResponse();
            await WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated,
                Text.Of("未登录或登录已过期", "Not signed in"),
                Text.Of("请先登录。", "Sign in to continue."));
        },
        OnForbidden = async context =>
        {
            await WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden,
                Text.Of("无权访问", "Forbidden"),
                Text.Of("您的角色无权执行此操作。", "Your role may not do this."));
        },
    };

    private static async Task WriteProblem(HttpContext http, int status, string type, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }

    /// <summary>Gives an external user the role and scope of the local account with the same user name.</summary>
    private sealed class ExternalClaimsTransformation(DbSession db, IOrgUnitDirectory orgUnits, AuthOptions options)
        : IClaimsTransformation
    {
        public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            if (principal.HasClaim(c => c.Type == CwClaims.ScopePath || c.Type == CwClaims.Role)
                || principal.FindFirstValue(options.ExternalUserNameClaim) is not { } userName)
            {
                return principal;
            }
            var account = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ByUserName,
                new { UserName = userName.ToLowerInvariant() }, CancellationToken.None);
            if (account is null || account.Disabled)
            {
                return principal;
            }
            var identity = new ClaimsIdentity(principal.Identity);
            identity.AddClaim(new Claim(CwClaims.Subject + "_local", account.Id.ToString()));
            identity.AddClaim(new Claim(CwClaims.Role, account.Role));
            if (account.OrgUnitId is { } orgUnitId && await orgUnits.FindAsync(orgUnitId, CancellationToken.None) is { } unit)
            {
                identity.AddClaim(new Claim(CwClaims.ScopePath, unit.Path));
                identity.AddClaim(new Claim(CwClaims.OrgUnitId, unit.Id.ToString()));
            }
            if (account.WorkerId is { } workerId)
            {
                identity.AddClaim(new Claim(CwClaims.WorkerId, workerId.ToString()));
            }
            return new ClaimsPrincipal(identity);
        }
    }

    /// <summary>An account with a temporary password may do nothing but read itself, change the password and sign out.</summary>
    internal sealed class PasswordChangedRequirement : IAuthorizationRequirement
    {
        public static readonly PasswordChangedRequirement Instance = new();

        internal sealed class Handler : AuthorizationHandler<PasswordChangedRequirement>
        {
            protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PasswordChangedRequirement requirement)
            {
                if (!context.User.HasClaim(c => c.Type == CwClaims.PasswordChangeRequired))
                {
                    context.Succeed(requirement);
                }
                return Task.CompletedTask;
            }
        }
    }

    /// <summary>Says why when the only unmet requirement is the pending password change, so that the client can take the user there.</summary>
    private sealed class PasswordChangeResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure
                && failure.FailedRequirements.Any() && failure.FailedRequirements.All(r => r is PasswordChangedRequirement))
            {
                await WriteProblem(context, StatusCodes.Status403Forbidden, ProblemTypes.PasswordChangeRequired,
                    Text.Of("请先修改密码", "Change your password first"),
                    Text.Of("您正在使用临时密码，修改密码后才能继续使用系统。", "You are using a temporary password; change it to continue."));
                return;
            }
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
