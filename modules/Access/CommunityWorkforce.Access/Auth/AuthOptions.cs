using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace CommunityWorkforce.Access.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string LocalIssuer = "CommunityWorkforce";

    public string Issuer { get; init; } = LocalIssuer;
    public string Audience { get; init; } = LocalIssuer;
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(30);
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(7);
    public int MaxFailedSignIns { get; init; } = 5;
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts per client address per minute.</summary>
    public int SignInPermitsPerMinute { get; init; } = 10;

    /// <summary>
    /// Token refreshes per refresh-token family (one signed-in tab) per minute. Refreshing is what every page load
    /// does, so it has its own limit, keyed by the session rather than the address that many users may share.
    /// </summary>
    public int RefreshPermitsPerMinute { get; init; } = 60;

    /// <summary>Token refreshes per client address per minute: a flood ceiling, far above what a shared office address needs.</summary>
    public int RefreshPermitsPerMinutePerAddress { get; init; } = 1200;

    /// <summary>External OIDC issuer; when set, its tokens are trusted too (claims mapped to local accounts).</summary>
    public string? Authority { get; init; }

    /// <summary>The claim in external tokens that names the local account.</summary>
    public string ExternalUserNameClaim { get; init; } = "preferred_username";

    public required byte[] SigningKey { get; init; }

    public static AuthOptions Load(IConfiguration configuration, string dataFolder)
    {
        var section = configuration.GetSection("Auth");
        return new AuthOptions
        {
            Issuer = section["Issuer"] ?? LocalIssuer,
            Audience = section["Audience"] ?? LocalIssuer,
            AccessTokenLifetime = TimeSpan.FromMinutes(section.GetValue("AccessTokenMinutes", 30)),
            RefreshTokenLifetime = TimeSpan.FromDays(section.GetValue("RefreshTokenDays", 7)),
            MaxFailedSignIns = section.GetValue("MaxFailedSignIns", 5),
            LockoutDuration = TimeSpan.FromMinutes(section.GetValue("LockoutMinutes", 15)),
            SignInPermitsPerMinute = section.GetValue("SignInPermitsPerMinute", 10),
            RefreshPermitsPerMinute = section.GetValue("RefreshPermitsPerMinute", 60),
            RefreshPermitsPerMinutePerAddress = section.GetValue("RefreshPermitsPerMinutePerAddress", 1200),
            Authority = string.IsNullOrWhiteSpace(section["Authority"]) ? null : section["Authority"],
            ExternalUserNameClaim = section["ExternalUserNameClaim"] ?? "preferred_username",
            SigningKey = LoadOrCreateSigningKey(section["SigningKey"], dataFolder),
        };
    }

    /// <summary>
    /// The HMAC key: from configuration (base64, at least 32 bytes), else generated once into the data folder.
    /// It is never committed and never logged.
    /// </summary>
    private static byte[] LoadOrCreateSigningKey(string? configured, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            if (key.Length < 32)
            {
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
            }
            return key;
        }
        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, "jwt-signing.key");
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
        var generated = RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(file, Convert.ToBase64String(generated));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return generated;
    }
}
