namespace ChatAgent.Guard;

/// <summary>
/// The input guard: scores a user message against <see cref="GuardRuleSet"/> rules over its canonical form (and over
/// any base64 text hidden in it) and blocks it when the summed weight of the rules that fired reaches the threshold.
/// No model call: the verdict is deterministic and names the rules that decided it.
/// </summary>
internal sealed class PromptGuard(GuardRuleSet rules, double threshold)
{
    /// <summary>Weight of a readable base64 payload by itself: a hint, not a verdict.</summary>
    public const double EncodedTextWeight = 0.4;

    public const string EncodedTextRule = "encoded-text";

    public double Threshold => threshold;

    public GuardVerdict Inspect(string message)
    {
        var views = new List<string> { TextNormalizer.Canonical(message) };
        var decoded = EncodedPayloads.DecodedTexts(message);
        views.AddRange(decoded.Select(TextNormalizer.Canonical));

        var fired = new List<string>();
        var byKind = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            if (views.Exists(rule.Pattern.IsMatch))
            {
                fired.Add(rule.Name);
                byKind[rule.Kind] = byKind.GetValueOrDefault(rule.Kind) + rule.Weight;
            }
        }

        if (decoded.Count > 0)
        {
            fired.Add(EncodedTextRule);
            byKind[GuardKinds.Injection] = byKind.GetValueOrDefault(GuardKinds.Injection) + EncodedTextWeight;
        }

        if (fired.Count == 0)
        {
            return GuardVerdict.Clean;
        }

        var score = byKind.Values.Sum();
        var kind = byKind.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        return new GuardVerdict(score >= threshold, kind, Math.Round(score, 3), fired);
    }
}
