using System.Text;
using System.Text.RegularExpressions;

namespace Airlock.Readiness.Docker;

/// <summary>
/// The rules of a <c>.dockerignore</c>, matched the way the Docker CLI and BuildKit match them: paths relative to the
/// context root, <c>*</c> and <c>?</c> within one path segment, <c>**</c> across segments, a pattern that matches a
/// folder excludes everything in it, <c>!</c> re-includes, and the last matching line wins. Unlike <c>.gitignore</c>,
/// <c>.env</c> matches only at the root; <c>**/.env</c> matches at any depth.
/// </summary>
internal sealed class DockerignorePatterns
{
    private readonly List<(Regex Pattern, bool Exclude, int Line)> _rules;

    private DockerignorePatterns(List<(Regex, bool, int)> rules) => _rules = rules;

    public static DockerignorePatterns Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<(Regex, bool, int)>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = Clean(exclude ? line : line[1..].Trim());
            if (pattern.Length > 0)
            {
                rules.Add((ToRegex(pattern), exclude, i + 1));
            }
        }

        return new DockerignorePatterns(rules);
    }

    /// <summary>The line of the rule that excludes the path (relative to the context, forward slashes), or null when it is sent.</summary>
    public int? ExcludedBy(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Trim('/').Split('/');
        int? decidingLine = null;
        foreach (var (pattern, exclude, line) in _rules)
        {
            // A pattern matching any parent folder matches everything inside it.
            var matches = Enumerable.Range(1, segments.Length).Any(n => pattern.IsMatch(string.Join('/', segments.Take(n))));
            if (matches)
            {
                decidingLine = exclude ? line : null;
            }
        }

        return decidingLine;
    }

    private static string Clean(string pattern)
    {
        var parts = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != ".")
            .ToList();
        return string.Join('/', parts);
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        var segments = pattern.Split('/');
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            var last = s == segments.Length - 1;
            if (segment == "**")
            {
                // Zero or more whole folders.
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            for (var i = 0; i < segment.Length; i++)
            {
                var c = segment[i];
                switch (c)
                {
                    case '*':
                        regex.Append("[^/]*");
                        break;
                    case '?':
                        regex.Append("[^/]");
                        break;
                    case '[':
                        var close = segment.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            regex.Append(@"\[");
                            break;
                        }

                        var set = segment[(i + 1)..close];
                        regex.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                        i = close;
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            if (!last)
            {
                regex.Append('/');
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
