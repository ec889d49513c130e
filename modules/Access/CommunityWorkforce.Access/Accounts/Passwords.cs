using System.Security.Cryptography;
using CommunityWorkforce.BuildingBlocks.Http;
using Microsoft.AspNetCore.Identity;

namespace CommunityWorkforce.Access.Accounts;

/// <summary>PBKDF2 hashing (ASP.NET Core's PasswordHasher), the password policy and temporary passwords.</summary>
internal sealed class Passwords
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public PasswordVerificationResult Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(User, hash, password);

    /// <summary>At least 10 characters with at least one letter and one digit.</summary>
    public static Validator CheckPolicy(Validator validator, string field, string? password) =>
        validator.Required(field, password, 128)
            .Rule(password is null || (password.Length >= 10 && password.Any(char.IsLetter) && password.Any(char.IsDigit)),
                field, Text.Of("密码至少 10 位，且须同时包含字母和数字。",
                    "At least 10 characters, with both letters and digits."));

    public static string Temporary()
    {
        Span<char> chars = stackalloc char[14];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        // Guarantee the policy: a digit and a letter in fixed positions.
        chars[0] = Alphabet[RandomNumberGenerator.GetInt32(48)];
        chars[^1] = "23456789"[RandomNumberGenerator.GetInt32(8)];
        return new string(chars);
    }
}
