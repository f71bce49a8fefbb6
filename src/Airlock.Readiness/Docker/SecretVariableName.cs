using System.Text.RegularExpressions;

namespace Airlock.Readiness.Docker;

/// <summary>Decides whether an <c>ENV</c>/<c>ARG</c> name says it holds a secret (<c>OPENAI_API_KEY</c>, <c>dbPassword</c>).</summary>
internal static partial class SecretVariableName
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "SECRET", "SECRETS", "TOKEN", "TOKENS", "PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PWD", "CREDENTIAL", "CREDENTIALS",
        "CREDS", "APIKEY", "KEY", "KEYS", "PRIVATEKEY", "ACCESSKEY", "SECRETKEY", "AUTHTOKEN", "CONNECTIONSTRING",
    };

    // Public keys and key fingerprints (GPG_KEY in the official Python image) are not secrets.
    private static readonly HashSet<string> PublicWords = new(StringComparer.Ordinal) { "PUBLIC", "PUB", "GPG", "PGP", "FINGERPRINT" };

    // NAME_FILE=/run/secrets/x names where a secret is, which is the recommended pattern.
    private static readonly HashSet<string> PointerSuffixes = new(StringComparer.Ordinal)
    {
        "FILE", "PATH", "DIR", "URL", "URI", "NAME", "LOCATION", "ENDPOINT", "HEADER",
    };

    public static bool IsSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = WordPattern().Matches(name).Select(m => m.Value.ToUpperInvariant()).ToList();
        if (words.Count == 0 || words.Any(PublicWords.Contains) || PointerSuffixes.Contains(words[^1]))
        {
            return false;
        }

        // PWD alone is the shell's working directory.
        if (words is ["PWD"])
        {
            return false;
        }

        return words.Any(SecretWords.Contains);
    }

    // Words split at separators and at lower-to-upper camel-case boundaries (apiKey -> api, Key).
    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex WordPattern();
}
