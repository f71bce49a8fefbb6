using System.Security.Cryptography;
using System.Text;

namespace Airlock.Readiness.Secrets.Findings;

/// <summary>
/// The stable id of a finding: a hash of rule id, file path and secret. The line and the commit are left
/// out on purpose, so a finding keeps its id when lines are added above it or history is rewritten
/// around it; moving the secret to another file or rotating it gives a new id.
/// </summary>
internal static class SecretFingerprint
{
    /// <summary>Hex digits kept: 96 bits, ample to tell findings apart, short enough to read.</summary>
    public const int Length = 24;

    public static string Compute(string ruleId, string path, string secret)
    {
        var text = string.Concat(ruleId, "\n", path, "\n", secret);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(digest)[..Length];
    }
}
