using System.Text.RegularExpressions;

namespace Airlock.Readiness.Dependencies;

/// <summary>One requirement line of a pip requirements file, judged for an exact pin.</summary>
internal sealed partial record PipRequirement(string Text, int Line, bool IsPinned)
{
    /// <summary>
    /// Reads requirement lines: comments, blank lines, options (<c>-r</c>, <c>-c</c>, <c>--hash</c>, <c>-i</c>) and
    /// local paths are skipped; continuation lines are joined; environment markers are ignored.
    /// </summary>
    public static IEnumerable<PipRequirement> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i + 1;
            var line = lines[i];
            while (line.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
            {
                line = line.TrimEnd()[..^1] + " " + lines[++i];
            }

            line = Comment().Replace(line, string.Empty).Trim();
            if (line.Length == 0 || line.StartsWith('-') || line.StartsWith('.') || line.StartsWith('/'))
            {
                continue;
            }

            var requirement = HashOption().Replace(line, string.Empty).Split(';', 2)[0].Trim();
            yield return new PipRequirement(requirement, start, IsExact(requirement));
        }
    }

    private static bool IsExact(string requirement)
    {
        if (IsDirectReference(requirement))
        {
            // A VCS URL pinned to a full commit, or an archive with a hash fragment, cannot change.
            return VcsCommit().IsMatch(requirement) || requirement.Contains("#sha256=", StringComparison.OrdinalIgnoreCase);
        }

        var match = ExactPin().Match(requirement);
        return match.Success && !match.Groups[1].Value.Contains('*', StringComparison.Ordinal);
    }

    private static bool IsDirectReference(string requirement) =>
        requirement.Contains("://", StringComparison.Ordinal) || requirement.Contains(" @ ", StringComparison.Ordinal);

    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\s--hash[=\s]\S+")]
    private static partial Regex HashOption();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\])?\s*===?\s*([^\s,;]+)\s*$")]
    private static partial Regex ExactPin();

    [GeneratedRegex(@"@[0-9a-fA-F]{40}(?:[#\s]|$)")]
    private static partial Regex VcsCommit();
}
