using System.Text;
using System.Text.RegularExpressions;

namespace Airlock.Readiness.Docker;

/// <summary>
/// Parses a Dockerfile the way BuildKit reads it: parser directives, comments, the escape
/// character (<c># escape=`</c>), line continuations, heredocs (<c>&lt;&lt;EOF</c>) and stages.
/// Never throws on malformed text: whatever cannot be understood is kept as written.
/// </summary>
public static partial class DockerfileParser
{
    public static Dockerfile ParseFile(string path, string? displayPath = null) =>
        Parse(File.ReadAllText(path), displayPath ?? path);

    public static Dockerfile Parse(string text, string path = "Dockerfile")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var escape = '\\';
        var instructions = new List<DockerInstruction>();
        var inDirectives = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (inDirectives)
            {
                // BuildKit reads directives only until the first line that is not one (a comment, a blank line or an instruction).
                var directive = DirectivePattern().Match(line);
                if (directive.Success)
                {
                    if (directive.Groups[1].Value.Equals("escape", StringComparison.OrdinalIgnoreCase)
                        && directive.Groups[2].Value is "\\" or "`")
                    {
                        escape = directive.Groups[2].Value[0];
                    }

                    continue;
                }

                inDirectives = false;
            }

            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var startLine = i + 1;
            var joined = new StringBuilder();
            var current = line;
            while (true)
            {
                var body = current.TrimEnd();
                if (body.EndsWith(escape))
                {
                    joined.Append(body, 0, body.Length - 1);
                    // Comment and blank lines inside a continuation are dropped, as BuildKit does.
                    i++;
                    while (i < lines.Length && (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')))
                    {
                        i++;
                    }

                    if (i >= lines.Length)
                    {
                        i = lines.Length - 1;
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
            var heredocs = keyword is "RUN" or "COPY" or "ADD" ? ReadHeredocs(arguments, lines, ref i) : [];
            instructions.Add(new DockerInstruction(keyword, arguments, startLine) { Heredocs = heredocs });
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
                flags[flag[2..equals]] = flag[(equals + 1)..].Trim('"');
            }
        }

        return flags;
    }

    /// <summary>
    /// Reads the bodies of the heredocs an instruction opens (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>,
    /// <c>&lt;&lt;"EOF"</c>), in order; they follow the instruction's last line. An unterminated heredoc
    /// runs to the end of the file, as BuildKit reads it.
    /// </summary>
    private static string[] ReadHeredocs(string arguments, string[] lines, ref int index)
    {
        var bodies = new List<string>();
        foreach (Match match in HeredocPattern().Matches(arguments))
        {
            var stripTabs = match.Groups[1].Value == "-";
            var marker = match.Groups[3].Value;
            var body = new StringBuilder();
            var j = index + 1;
            for (; j < lines.Length; j++)
            {
                var candidate = stripTabs ? lines[j].TrimStart('\t') : lines[j];
                if (candidate == marker)
                {
                    break;
                }

                body.Append(candidate).Append('\n');
            }

            index = Math.Min(j, lines.Length - 1);
            bodies.Add(body.ToString());
        }

        return [.. bodies];
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

    [GeneratedRegex(@"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$")]
    private static partial Regex DirectivePattern();

    // <<<word is a shell here-string, not a heredoc.
    [GeneratedRegex(@"(?<!<)<<(?!<)(-?)([""']?)([A-Za-z_][A-Za-z0-9_]*)\2")]
    private static partial Regex HeredocPattern();
}
