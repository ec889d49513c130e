using System.Security.Claims;
using System.Security.Cryptography;
using CommunityWorkforce.Access.Accounts;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunityWorkforce.Access.Auth;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);

/// <summary>
/// Issues short-lived access tokens and rotating refresh tokens. A refresh token is stored only as a SHA-256 hash;
/// each one is spent once and replaced by the next of its family; presenting a spent one revokes the family.
/// </summary>
internal sealed class TokenService(AuthOptions options, DbSession db, IOrgUnitDirectory orgUnits, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Issues a pair; <paramref name="familyId"/> continues a family, null starts one. Call in a transaction.</summary>
    public async Task<TokenResponse> IssueAsync(AccountRow account, Guid? familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claims = new List<Claim>
        {
            new(CwClaims.Subject, account.Id.ToString()),
            new(CwClaims.UserName, account.UserName),
            new(CwClaims.DisplayName, account.DisplayName),
            new(CwClaims.Role, account.Role),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (account.OrgUnitId is { } orgUnitId && await orgUnits.FindAsync(orgUnitId, ct) is { } unit)
        {
            claims.Add(new Claim(CwClaims.OrgUnitId, unit.Id.ToString()));
            claims.Add(new Claim(CwClaims.ScopePath, unit.Path));
        }
        if (account.WorkerId is { } workerId)
        {
            claims.Add(new Claim(CwClaims.WorkerId, workerId.ToString()));
        }
        if (account.MustChangePassword)
        {
            claims.Add(new Claim(CwClaims.PasswordChangeRequired, "true"));
        }
        var accessToken = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(options.AccessTokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.SigningKey), SecurityAlgorithms.HmacSha256),
        });

        var refresh = NewRefreshToken();
        await db.ExecuteAsync(RefreshTokenSql.Insert, new
        {
            Id = Guid.NewGuid(),
            AccountId = account.Id,
            FamilyId = familyId ?? Guid.NewGuid(),
            TokenHash = HashRefreshToken(refresh),
            Now = now,
            ExpiresAt = now.Add(options.RefreshTokenLifetime),
        }, ct);

        return new TokenResponse(accessToken, "Bearer", (int)options.AccessTokenLifetime.TotalSeconds,
            refresh, (int)options.RefreshTokenLifetime.TotalSeconds);
    }

    public static string HashRefreshToken(string token) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string NewRefreshToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
