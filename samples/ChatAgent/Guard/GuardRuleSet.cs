using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatAgent.Guard;

/// <summary>
/// The input guard's rules, read from an embedded text file (<c>InjectionRules.txt</c>) so a rule is one line that
/// names itself, and a review sees every pattern in one place.
/// </summary>
/// <remarks>
/// Format: <c>[kind]</c> starts a section; then <c>weight name pattern</c> per line; <c>#</c> starts a comment line.
/// Patterns are .NET regular expressions over <see cref="TextNormalizer.Canonical"/> text (lower case, no accents),
/// compiled non-backtracking so no message can make matching slow. A literal space in a pattern means "any run of
/// non-letters, possibly none" (after <c>\w+</c>: at least one), so "ignore all" also matches "ignore-all" and a collapsed "ignoreall". A pattern is
/// wrapped in word boundaries unless it starts with <c>~</c>.
/// </remarks>
internal sealed class GuardRuleSet
{
    public const string ResourceName = "ChatAgent.Guard.InjectionRules.txt";

    private GuardRuleSet(IReadOnlyList<GuardRule> rules) => Rules = rules;

    public static GuardRuleSet Default { get; } = LoadDefault();

    public IReadOnlyList<GuardRule> Rules { get; }

    public static GuardRuleSet Parse(string text)
    {
        var rules = new List<GuardRule>();
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? kind = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                kind = line[1..^1];
                if (!GuardKinds.IsInputKind(kind))
                {
                    errors.Add($"line {number}: unknown kind [{kind}]; use one of {string.Join(", ", GuardKinds.InputKinds)}.");
                    kind = null;
                }

                continue;
            }

            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight <= 0)
            {
                errors.Add($"line {number}: expected 'weight name pattern' with a positive weight.");
                continue;
            }

            if (kind is null)
            {
                errors.Add($"line {number}: rule '{parts[1]}' is outside a [kind] section.");
                continue;
            }

            if (!names.Add(parts[1]))
            {
                errors.Add($"line {number}: rule name '{parts[1]}' is used twice.");
                continue;
            }

            try
            {
                rules.Add(new GuardRule(parts[1], kind, weight, Compile(parts[2].Trim()), number));
            }
            catch (ArgumentException ex)
            {
                errors.Add($"line {number}: rule '{parts[1]}' has an invalid pattern: {ex.Message}");
            }
        }

        return errors.Count == 0
            ? new GuardRuleSet(rules)
            : throw new FormatException("Invalid guard rules: " + string.Join(" ", errors));
    }

    private static Regex Compile(string pattern)
    {
        var raw = pattern.StartsWith('~');
        // A gap of whole words, "(\w+ ){0,3}", must consume a word and its separator per step: with an optional
        // separator, "\w+" could split one word many ways and matching would go exponential.
        var body = (raw ? pattern[1..] : pattern)
            .Replace(@"\w+ ", @"\w+[\W_]+", StringComparison.Ordinal)
            .Replace(" ", @"[\W_]*", StringComparison.Ordinal);
        var full = raw ? body : $@"\b(?:{body})\b";
        return new Regex(full, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }

    private static GuardRuleSet LoadDefault()
    {
        using var stream = typeof(GuardRuleSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
