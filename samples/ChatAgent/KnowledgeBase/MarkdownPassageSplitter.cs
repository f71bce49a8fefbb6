using System.Text;
using System.Text.RegularExpressions;

namespace ChatAgent.KnowledgeBase;

/// <summary>Cuts a Markdown file into paragraphs under their nearest heading, with the Markdown syntax stripped.</summary>
internal static partial class MarkdownPassageSplitter
{
    public static IEnumerable<Passage> Split(string source, string markdown)
    {
        var title = Path.GetFileNameWithoutExtension(source);
        var section = title;
        var paragraph = new StringBuilder();
        var passages = new List<Passage>();
        var inFence = false;

        void Flush()
        {
            var text = Clean(paragraph.ToString());
            if (text.Length > 0)
            {
                passages.Add(new Passage(source, title, section, text));
            }

            paragraph.Clear();
        }

        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            var heading = inFence ? null : HeadingPattern().Match(line);
            if (heading is { Success: true })
            {
                Flush();
                section = Clean(heading.Groups["text"].Value);
                if (heading.Groups["level"].Value.Length == 1 && passages.Count == 0)
                {
                    title = section;
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            paragraph.Append(line.Trim()).Append(' ');
        }

        Flush();
        return passages;
    }

    private static string Clean(string text)
    {
        text = LinkPattern().Replace(text, "${text}");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        text = ListMarkerPattern().Replace(text, " ");
        return WhitespacePattern().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?:^|\s)(?:[-*+]|\d+\.)\s+")]
    private static partial Regex ListMarkerPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
