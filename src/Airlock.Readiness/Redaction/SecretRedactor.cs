using System.Security.Cryptography;
using System.Text;

namespace Airlock.Readiness.Redaction;

/// <summary>
/// Turns a secret into something safe to print: a short prefix (enough to recognise the provider)
/// plus a hash (enough to tell two secrets apart and to match a rotated one). Never the value.
/// </summary>
public static class SecretRedactor
{
    /// <summary>Characters of the value kept in clear; shorter values keep fewer.</summary>
    public const int PrefixLength = 4;

    public static string Redact(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var keep = secret.Length >= 12 ? PrefixLength : secret.Length >= 8 ? 2 : 0;
        return $"{secret[..keep]}…[sha256:{Hash(secret)}]";
    }

    /// <summary>The first 8 hex digits of the SHA-256 of the value.</summary>
    public static string Hash(string value)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(digest)[..8];
    }
}
