using System.Security.Cryptography;
using System.Text;

namespace CommunityWorkforce.BuildingBlocks.Security;

/// <summary>A sensitive value as stored: AES-GCM ciphertext with the id of the key that made it, and a keyed hash.</summary>
public sealed record ProtectedValue(string Cipher, string KeyId, string Hash);

/// <summary>
/// Protects sensitive personal data (PIPL): citizen ID numbers are stored AES-256-GCM encrypted, with the key id kept
/// beside the ciphertext so keys can rotate, and an HMAC-SHA256 "blind index" so uniqueness can be enforced and a
/// number looked up without storing it in clear. Keys come from configuration (<c>PersonalData:Keys</c>) or are
/// generated once into the data folder.
/// </summary>
public sealed class PersonalDataProtector
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId, byte[] hashKey)
    {
        if (!keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"No key with id {currentKeyId}.", nameof(currentKeyId));
        }
        if (keys.Values.Any(k => k.Length != 32) || hashKey.Length < 32)
        {
            throw new ArgumentException("Encryption keys must be 32 bytes and the hash key at least 32 bytes.");
        }
        _keys = new Dictionary<string, byte[]>(keys);
        _currentKeyId = currentKeyId;
        _hashKey = hashKey;
    }

    public ProtectedValue Protect(string plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var data = Encoding.UTF8.GetBytes(plain);
        var cipher = new byte[data.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(_keys[_currentKeyId], tag.Length))
        {
            aes.Encrypt(nonce, data, cipher, tag, Encoding.UTF8.GetBytes(_currentKeyId));
        }
        return new ProtectedValue(Convert.ToBase64String([.. nonce, .. tag, .. cipher]), _currentKeyId, Hash(plain));
    }

    public string Unprotect(string cipherText, string keyId)
    {
        var bytes = Convert.FromBase64String(cipherText);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using var aes = new AesGcm(_keys[keyId], tagSize);
        aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain,
            Encoding.UTF8.GetBytes(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Keyed hash for uniqueness and exact lookup; equal inputs give equal hashes.</summary>
    public string Hash(string plain) =>
        Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(plain)));

    /// <summary>
    /// Keys from configuration (<c>PersonalData:Keys:&lt;id&gt;</c> base64, <c>PersonalData:CurrentKeyId</c>,
    /// <c>PersonalData:HashKey</c>), else one key pair generated into <paramref name="dataFolder"/> and reused; a
    /// generated key's id is the day it was made on <paramref name="clock"/> (the system clock when none is given).
    /// </summary>
    public static PersonalDataProtector Load(IReadOnlyDictionary<string, string> configuredKeys, string? currentKeyId,
        string? hashKey, string dataFolder, TimeProvider? clock = null)
    {
        if (configuredKeys.Count > 0 && !string.IsNullOrWhiteSpace(currentKeyId) && !string.IsNullOrWhiteSpace(hashKey))
        {
            return new PersonalDataProtector(
                configuredKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)),
                currentKeyId, Convert.FromBase64String(hashKey));
        }
        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, "personal-data.keys");
        if (!File.Exists(file))
        {
            var id = "k" + (clock ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllLines(file,
            [
                id,
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ]);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        var lines = File.ReadAllLines(file);
        return new PersonalDataProtector(
            new Dictionary<string, byte[]> { [lines[0]] = Convert.FromBase64String(lines[1]) },
            lines[0], Convert.FromBase64String(lines[2]));
    }
}
