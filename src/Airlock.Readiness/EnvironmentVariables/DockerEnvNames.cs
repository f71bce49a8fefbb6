using System.Text;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>Names set by a Dockerfile <c>ENV</c>: <c>ENV A=1 B="two words"</c> or the legacy <c>ENV A value</c>.</summary>
internal static class DockerEnvNames
{
    public static IReadOnlyList<string> Parse(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var words = Words(arguments);
        if (words.Count == 0)
        {
            return [];
        }

        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            return [words[0]];
        }

        return [.. words.Select(w => w.Split('=', 2)[0]).Where(n => n.Length > 0)];
    }

    /// <summary>Splits on unquoted whitespace, keeping quoted values (with their quotes) inside one word.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = quote == c ? null : quote ?? c;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
