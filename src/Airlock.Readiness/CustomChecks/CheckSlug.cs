using System.Text;

namespace Airlock.Readiness.CustomChecks;

/// <summary>Row ids for custom checks: <c>custom.&lt;slug of name&gt;</c>, unique within a run.</summary>
internal static class CheckSlug
{
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().TrimEnd('-');
        return text.Length == 0 ? "check" : text;
    }

    /// <summary>Slugs for every name, with <c>-2</c>, <c>-3</c> on repeats so row ids stay unique.</summary>
    public static IReadOnlyList<string> Unique(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var slug = From(name);
            var candidate = slug;
            for (var n = 2; !used.Add(candidate); n++)
            {
                candidate = $"{slug}-{n}";
            }

            result.Add(candidate);
        }

        return result;
    }
}
