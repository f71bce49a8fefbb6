using System.Text;

namespace Airlock.Readiness.Docker;

/// <summary>
/// Parses a Dockerfile the way BuildKit reads it: parser directives, comments, the escape
/// character (<c># escape=`</c>), line continuations, heredocs (<c>&lt;&lt;EOF</c>) and stages.
/// </summary>
public static class DockerfileParser
{
    public static Dockerfile ParseFile(string path, string? displayPath = null) =>
        Parse(File.ReadAllText(path), displayPath ?? path);

    public static Dockerfile Parse(string text, string path = "Dockerfile")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var escape = '\\';
        var instructions = new List<DockerInstruction>();
        var inDirectives = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith('#'))
            {
                if (inDirectives && trimmed.StartsWith("# escape=", StringComparison.OrdinalIgnoreCase) && trimmed.Length > 9)
                {
                    escape = trimmed[9];
                }

                continue;
            }

            if (trimmed.Length == 0)
            {
                continue;
            }

            inDirectives = false;
            var startLine = i + 1;
            var joined = new StringBuilder();
            var current = line;
            while (true)
            {
                var body = current.TrimEnd();
                if (body.EndsWith(escape) && i + 1 < lines.Length)
                {
                    joined.Append(body, 0, body.Length - 1).Append(' ');
                    i++;
                    // Comment lines inside a continuation are dropped, as BuildKit does.
                    while (i < lines.Length && lines[i].TrimStart().StartsWith('#'))
                    {
                        i++;
                    }

                    if (i >= lines.Length)
                    {
                        break;
                    }

                    current = lines[i];
                    continue;
                }

                joined.Append(body);
                break;
            }

            var content = joined.ToString().Trim();
            var space = content.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? content : content[..space]).ToUpperInvariant();
            var arguments = space < 0 ? string.Empty : content[(space + 1)..].Trim();
            i = SkipHeredocs(arguments, lines, i);
            instructions.Add(new DockerInstruction(keyword, arguments, startLine));
        }

        return new Dockerfile(path, instructions, BuildStages(instructions));
    }

    /// <summary>Splits leading <c>--name=value</c> flags off an instruction's arguments.</summary>
    public static IReadOnlyDictionary<string, string> ParseFlags(string arguments, out string rest)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        rest = arguments.TrimStart();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny([' ', '\t']);
            var flag = end < 0 ? rest : rest[..end];
            rest = end < 0 ? string.Empty : rest[end..].TrimStart();
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                flags[flag[2..]] = string.Empty;
            }
            else
            {
                flags[flag[2..equals]] = flag[(equals + 1)..];
            }
        }

        return flags;
    }

    private static int SkipHeredocs(string arguments, string[] lines, int index)
    {
        var start = arguments.IndexOf("<<", StringComparison.Ordinal);
        if (start < 0)
        {
            return index;
        }

        var marker = arguments[(start + 2)..].TrimStart('-').Split(' ', 2)[0].Trim('"', '\'');
        if (marker.Length == 0 || !char.IsLetter(marker[0]))
        {
            return index;
        }

        for (var j = index + 1; j < lines.Length; j++)
        {
            if (lines[j].Trim() == marker)
            {
                return j;
            }
        }

        return index;
    }

    private static List<DockerStage> BuildStages(List<DockerInstruction> instructions)
    {
        var stages = new List<DockerStage>();
        DockerInstruction? from = null;
        var body = new List<DockerInstruction>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                AddStage();
                from = instruction;
                body = [];
            }
            else if (from is not null)
            {
                body.Add(instruction);
            }
        }

        AddStage();
        return stages;

        void AddStage()
        {
            if (from is null)
            {
                return;
            }

            var words = from.ArgumentsWithoutFlags.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var image = ImageReference.Parse(words.Length > 0 ? words[0] : string.Empty);
            var name = words.Length >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
            stages.Add(new DockerStage(stages.Count, from, image, name, body));
        }
    }
}
