using System.Globalization;
using System.Text.RegularExpressions;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// An npm semver range (<c>^1.2.0 || &gt;=3 &lt;4</c>, <c>~1.2</c>, <c>1.x</c>, <c>1.2.3 - 2</c>), desugared into sets
/// of comparators the way node-semver does, so a locked version can be tested against package.json.
/// </summary>
internal sealed partial class NpmRange
{
    private readonly IReadOnlyList<IReadOnlyList<NpmComparator>> _sets;

    private NpmRange(IReadOnlyList<IReadOnlyList<NpmComparator>> sets) => _sets = sets;

    /// <summary>Parses a range; null when the text is not a semver range (a dist-tag, URL, <c>file:</c>, <c>workspace:</c>).</summary>
    public static NpmRange? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sets = new List<IReadOnlyList<NpmComparator>>();
        foreach (var alternative in text.Split("||"))
        {
            var set = ParseSet(alternative.Trim());
            if (set is null)
            {
                return null;
            }

            sets.Add(set);
        }

        return new NpmRange(sets);
    }

    /// <summary>True when every alternative has an upper bound, so a newer major version cannot satisfy it.</summary>
    public bool IsBounded => _sets.All(set => set.Any(c => c.IsUpperBound));

    public bool IsSatisfiedBy(NpmVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _sets.Any(set => set.All(c => c.Matches(version)) && PrereleaseAllowed(set, version));
    }

    // node-semver: a pre-release only satisfies a set that names a pre-release of the same major.minor.patch.
    private static bool PrereleaseAllowed(IReadOnlyList<NpmComparator> set, NpmVersion version) =>
        !version.IsPrerelease || set.Any(c => c.Version.IsPrerelease && c.Version.SameCore(version) && !IsSentinel(c));

    private static bool IsSentinel(NpmComparator comparator) =>
        comparator.Version.Prerelease is ["0"] && comparator.Operator == "<";

    private static List<NpmComparator>? ParseSet(string text)
    {
        if (text.Length == 0)
        {
            return [new(">=", Zero)];
        }

        var hyphen = HyphenRange().Match(text);
        if (hyphen.Success)
        {
            var low = Partial.TryParse(hyphen.Groups[1].Value);
            var high = Partial.TryParse(hyphen.Groups[2].Value);
            return low is null || high is null ? null : [.. low.Lower(">="), .. high.Upper("<=")];
        }

        var comparators = new List<NpmComparator>();
        // "> = 1.2" and ">= 1.2" both mean ">=1.2": glue operators to their versions before splitting on spaces.
        var normalised = OperatorSpace().Replace(text, "$1");
        foreach (var token in normalised.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parsed = ParseSimple(token);
            if (parsed is null)
            {
                return null;
            }

            comparators.AddRange(parsed);
        }

        return comparators;
    }

    private static List<NpmComparator>? ParseSimple(string token)
    {
        var match = SimpleToken().Match(token);
        if (!match.Success || Partial.TryParse(match.Groups[2].Value) is not { } partial)
        {
            return null;
        }

        return match.Groups[1].Value switch
        {
            "^" => partial.Caret(),
            "~" or "~>" => partial.Tilde(),
            "" or "=" => [.. partial.Lower(">="), .. partial.Upper("<=")],
            ">=" => partial.Lower(">="),
            ">" => partial.Lower(">"),
            "<" => partial.Upper("<"),
            "<=" => partial.Upper("<="),
            _ => null,
        };
    }

    private static readonly NpmVersion Zero = new(0, 0, 0, []);

    [GeneratedRegex(@"^\s*(\S+)\s+-\s+(\S+)\s*$")]
    private static partial Regex HyphenRange();

    [GeneratedRegex(@"(<=|>=|<|>|=|~>|~|\^)\s+")]
    private static partial Regex OperatorSpace();

    [GeneratedRegex(@"^(<=|>=|<|>|=|~>|~|\^)?(.+)$")]
    private static partial Regex SimpleToken();

    /// <summary>A version with possibly missing or wildcard parts (<c>1</c>, <c>1.2</c>, <c>1.x</c>, <c>*</c>).</summary>
    private sealed record Partial(long? Major, long? Minor, long? Patch, IReadOnlyList<string> Prerelease)
    {
        public static Partial? TryParse(string text)
        {
            var value = text.TrimStart('v', 'V', '=');
            var plus = value.IndexOf('+', StringComparison.Ordinal);
            value = plus >= 0 ? value[..plus] : value;
            var dash = value.IndexOf('-', StringComparison.Ordinal);
            var pre = dash >= 0 ? value[(dash + 1)..].Split('.') : [];
            var parts = (dash >= 0 ? value[..dash] : value).Split('.');
            if (parts.Length > 3 || pre.Any(p => p.Length == 0))
            {
                return null;
            }

            var numbers = new long?[3];
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i] is "x" or "X" or "*")
                {
                    break;
                }

                if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return null;
                }

                numbers[i] = n;
            }

            return new Partial(numbers[0], numbers[0] is null ? null : numbers[1], numbers[1] is null ? null : numbers[2], pre);
        }

        private NpmVersion Floor => new(Major ?? 0, Minor ?? 0, Patch ?? 0, Patch is null ? [] : Prerelease);

        public List<NpmComparator> Lower(string op) => (op, Major, Minor, Patch) switch
        {
            (_, null, _, _) => op == ">" ? [new("<", Zero with { Prerelease = ["0"] })] : [new(">=", Zero)],
            (">", _, null, _) => [new(">=", new(Major!.Value + 1, 0, 0, []))],
            (">", _, _, null) => [new(">=", new(Major!.Value, Minor!.Value + 1, 0, []))],
            _ => [new(op, Floor)],
        };

        public List<NpmComparator> Upper(string op) => (op, Major, Minor, Patch) switch
        {
            (_, null, _, _) => op == "<" ? [new("<", Zero with { Prerelease = ["0"] })] : [],
            ("<=", _, null, _) => [Sentinel(Major!.Value + 1, 0, 0)],
            ("<=", _, _, null) => [Sentinel(Major!.Value, Minor!.Value + 1, 0)],
            ("<", _, null, _) or ("<", _, _, null) => [Sentinel(Major!.Value, Minor ?? 0, 0)],
            _ => [new(op, Floor)],
        };

        public List<NpmComparator> Tilde() => (Major, Minor) switch
        {
            (null, _) => [new(">=", Zero)],
            (_, null) => [new(">=", Floor), Sentinel(Major.Value + 1, 0, 0)],
            _ => [new(">=", Floor), Sentinel(Major.Value, Minor.Value + 1, 0)],
        };

        public List<NpmComparator> Caret() => (Major, Minor, Patch) switch
        {
            (null, _, _) => [new(">=", Zero)],
            (_, null, _) => [new(">=", Floor), Sentinel(Major.Value + 1, 0, 0)],
            (> 0, _, _) => [new(">=", Floor), Sentinel(Major.Value + 1, 0, 0)],
            (0, _, null) when Minor == 0 => [new(">=", Floor), Sentinel(0, 1, 0)],
            (0, > 0, _) => [new(">=", Floor), Sentinel(0, Minor.Value + 1, 0)],
            (0, _, null) => [new(">=", Floor), Sentinel(0, Minor.Value + 1, 0)],
            _ => [new(">=", Floor), Sentinel(0, 0, Patch!.Value + 1)],
        };

        // "<2.0.0-0" rather than "<2.0.0" keeps 2.0.0-beta out of "^1.2", as node-semver does.
        private static NpmComparator Sentinel(long major, long minor, long patch) => new("<", new(major, minor, patch, ["0"]));
    }
}
