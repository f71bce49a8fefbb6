using System.Text;

namespace Airlock.Readiness.Docker;

/// <summary>One <c>NAME=value</c> of an <c>ENV</c>, <c>ARG</c> or <c>LABEL</c>; <see cref="Value"/> is null for <c>ARG NAME</c>.</summary>
/// <param name="Name">The variable name as written.</param>
/// <param name="Value">The value with quotes removed, variables left unexpanded.</param>
/// <param name="Line">The instruction's line.</param>
internal sealed record DockerAssignment(string Name, string? Value, int Line)
{
    /// <summary>Reads the assignments of an <c>ENV</c>, <c>ARG</c> or <c>LABEL</c>, including the legacy <c>ENV NAME value</c> form.</summary>
    public static IReadOnlyList<DockerAssignment> Parse(DockerInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var words = Split(instruction.Arguments);
        if (words.Count == 0)
        {
            return [];
        }

        if (instruction.Keyword == "ENV" && !words[0].Contains('=', StringComparison.Ordinal))
        {
            // Legacy form: ENV NAME the rest of the line is the value.
            var rest = instruction.Arguments.TrimStart()[words[0].Length..].Trim();
            return [new DockerAssignment(words[0], Unquote(rest), instruction.Line)];
        }

        var assignments = new List<DockerAssignment>(words.Count);
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            assignments.Add(equals < 0
                ? new DockerAssignment(Unquote(word), null, instruction.Line)
                : new DockerAssignment(Unquote(word[..equals]), Unquote(word[(equals + 1)..]), instruction.Line));
        }

        return assignments;
    }

    /// <summary>Splits on whitespace outside quotes, keeping the quotes.</summary>
    private static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            if (c == '\\' && quote != '\'' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }

            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static string Unquote(string text)
    {
        var result = new StringBuilder(text.Length);
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && quote != '\'' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or ' ' or '\'')
            {
                result.Append(text[++i]);
            }
            else if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
