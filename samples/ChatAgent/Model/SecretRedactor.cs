using System.Security.Cryptography;
using System.Text;

namespace ChatAgent.Model;

/// <summary>Shows a secret as a short prefix plus a hash: enough to tell two keys apart, never enough to use one.</summary>
internal static class SecretRedactor
{
    public static string Redact(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "(not set)";
        }

        // A short key would be half shown by a fixed prefix; scale the prefix down with it.
        var prefix = secret[..Math.Min(4, secret.Length / 4)];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..8];
        return $"{prefix}…[sha256:{hash}]";
    }
}
