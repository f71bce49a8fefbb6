using System.Text;

namespace Airlock.Readiness.Docker;

/// <summary>
/// Expands <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME-default}</c>, <c>${NAME:+alt}</c> and
/// <c>${NAME+alt}</c> the way the Dockerfile frontend does, from known values only.
/// </summary>
internal static class DockerVariables
{
    /// <summary>The expanded text, or null when a variable has no known value (it would come from <c>--build-arg</c>).</summary>
    public static string? Expand(string text, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }

            if (c != '$' || i + 1 >= text.Length)
            {
                result.Append(c);
                continue;
            }

            string? expanded;
            if (text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    return null;
                }

                expanded = ExpandBraced(text[(i + 2)..close], values);
                i = close;
            }
            else
            {
                var end = i + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                if (end == i + 1)
                {
                    result.Append(c);
                    continue;
                }

                expanded = Lookup(text[(i + 1)..end], values);
                i = end - 1;
            }

            if (expanded is null)
            {
                return null;
            }

            result.Append(expanded);
        }

        return result.ToString();
    }

    /// <summary>True when the text refers to a variable at all.</summary>
    public static bool HasVariable(string text) =>
        text.Replace("\\$", string.Empty, StringComparison.Ordinal).Contains('$', StringComparison.Ordinal);

    private static string? ExpandBraced(string inner, IReadOnlyDictionary<string, string?> values)
    {
        var operatorAt = inner.IndexOfAny([':', '-', '+']);
        if (operatorAt < 0)
        {
            return Lookup(inner, values);
        }

        var name = inner[..operatorAt];
        var colon = inner[operatorAt] == ':';
        var opIndex = colon ? operatorAt + 1 : operatorAt;
        if (opIndex >= inner.Length || inner[opIndex] is not ('-' or '+'))
        {
            // Other modifiers (${NAME#prefix}, ${NAME%suffix}, ...) are not evaluated here.
            return null;
        }

        var word = inner[(opIndex + 1)..];
        var known = values.TryGetValue(name, out var value);
        var set = known && value is not null && (!colon || value.Length > 0);
        if (inner[opIndex] == '-')
        {
            if (set)
            {
                return value;
            }

            // A declared ARG without a default may still be given by --build-arg; only the default is knowable.
            return Expand(word, values);
        }

        return set ? Expand(word, values) : known && value is not null ? string.Empty : null;
    }

    private static string? Lookup(string name, IReadOnlyDictionary<string, string?> values) =>
        values.TryGetValue(name, out var value) ? value : null;
}
