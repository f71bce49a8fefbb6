using System.Collections.Immutable;
using Airlock.Core.Readiness;
using Airlock.Readiness.Redaction;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>Row 12: no configured secret value appears in any probe's response (body or headers). Runs after every other row.</summary>
internal sealed class SecretsInResponsesRow
{
    /// <summary>Shorter values match too much ordinary text to mean anything.</summary>
    public const int MinimumLength = 8;

    private static readonly string[] Suffixes = ["_API_KEY", "__APIKEY", "_TOKEN", "_SECRET", "_PASSWORD", "__CANARY"];

    public static RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "secrets",
        FailureMode = "A secret (API key, token, canary) appears in a response a stranger can read",
        Test = $"every response of this run (bodies and headers) searched for the values of {Describe(session)} from the check run's environment",
        Severity = Severity.BlocksLaunch,
        Step = CountdownStep.OpenUrl,
        Fix = "Find the endpoint in the evidence and stop echoing configuration or errors with values; rotate the exposed key.",
    };

    public static RubricRow Run(LiveSession session)
    {
        var template = Template(session);
        var secrets = Values(session);
        if (secrets.IsEmpty)
        {
            return template.Skipped($"no secret values to look for: none of {Describe(session)} is set (with at least {MinimumLength} characters) in the check run's environment");
        }

        var exchanges = session.Exchanges.ToList();
        var leaks = new List<Evidence>();
        foreach (var exchange in exchanges)
        {
            var text = exchange.Body + "\n" + string.Join("\n", exchange.Headers.Select(h => $"{h.Key}: {h.Value}"));
            foreach (var (name, value) in secrets.Where(s => text.Contains(s.Value, StringComparison.Ordinal)))
            {
                leaks.Add(new Evidence($"{exchange.Request} ({exchange.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? exchange.Error}) contains the value of {name}") { RedactedValue = SecretRedactor.Redact(value) });
            }
        }

        var names = string.Join(", ", secrets.Select(s => s.Key).Order(StringComparer.Ordinal));
        return leaks.Count > 0
            ? template.Fail($"{leaks.Count} response(s) contain a secret value", [.. leaks])
            : template.Pass($"{secrets.Count} secret value(s) ({names}) absent from all {exchanges.Count} responses");
    }

    internal static ImmutableDictionary<string, string> Values(LiveSession session)
    {
        var config = session.Config.Secrets;
        return session.Target.Environment
            .Where(e => e.Value.Length >= MinimumLength
                && (config.Names.Contains(e.Key, StringComparer.Ordinal)
                    || (config.NameSuffixes && Suffixes.Any(s => e.Key.EndsWith(s, StringComparison.OrdinalIgnoreCase)))))
            .ToImmutableDictionary(StringComparer.Ordinal);
    }

    private static string Describe(LiveSession session) =>
        string.Join(", ", session.Config.Secrets.Names) + (session.Config.Secrets.NameSuffixes ? " and every *_API_KEY, *_TOKEN, *_SECRET, *_PASSWORD" : string.Empty);
}
