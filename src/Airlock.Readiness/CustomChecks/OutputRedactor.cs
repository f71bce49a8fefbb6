using System.Text.RegularExpressions;
using Airlock.Readiness.Redaction;

namespace Airlock.Readiness.CustomChecks;

/// <summary>
/// Masks what looks like a credential in a command's output before it becomes evidence: values after
/// key/token/secret/password names, and long random-looking tokens. Errs on the side of masking.
/// </summary>
internal static partial class OutputRedactor
{
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var named = NamedSecret().Replace(text, m => m.Groups["prefix"].Value + SecretRedactor.Redact(m.Groups["value"].Value));
        return RandomToken().Replace(named, m => LooksRandom(m.Value) ? SecretRedactor.Redact(m.Value) : m.Value);
    }

    /// <summary>Mixed letters and digits: a hex hash or an API key, not a word or a path segment.</summary>
    private static bool LooksRandom(string token) =>
        token.Any(char.IsAsciiDigit) && token.Any(char.IsAsciiLetter) && !token.Contains('…', StringComparison.Ordinal);

    [GeneratedRegex(@"(?<prefix>(?i:[a-z0-9_.-]*(?:key|token|secret|passw(?:or)?d|pwd|credential|auth)[a-z0-9_.-]*)[""']?\s*[:=]\s*[""']?)(?<value>[^\s""',;]{4,})")]
    private static partial Regex NamedSecret();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-+/=…])[A-Za-z0-9_\-+/=]{24,}(?![A-Za-z0-9_\-+/=])")]
    private static partial Regex RandomToken();
}
