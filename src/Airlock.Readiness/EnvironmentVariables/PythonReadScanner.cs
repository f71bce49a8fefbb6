using System.Text.RegularExpressions;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Finds reads in Python: <c>os.environ["X"]</c> raises KeyError when unset (required unless the file
/// checks <c>"X" in os.environ</c>); <c>os.environ.get("X")</c> and <c>os.getenv("X")</c> return None
/// (optional) or their second argument (defaulted).
/// </summary>
internal static partial class PythonReadScanner
{
    public static IEnumerable<EnvironmentRead> Scan(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Text;
        var guarded = InGuard().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match m in Subscript().Matches(text))
        {
            if (source.IsInString(m.Index))
            {
                continue;
            }

            if (source.IsWrite(m.Index, m.Length, "del"))
            {
                continue;
            }

            var name = m.Groups["name"].Success ? m.Groups["name"].Value : null;
            var need = name is not null && guarded.Contains(name) ? VariableNeed.Optional : VariableNeed.Required;
            yield return Read(source, m, name, need);
        }

        foreach (Match m in Get().Matches(text))
        {
            if (source.IsInString(m.Index))
            {
                continue;
            }

            var name = m.Groups["name"].Success ? m.Groups["name"].Value : null;
            var need = m.Groups["default"].Success
                ? VariableNeed.Defaulted
                : ReadClassifier.Classify(source, m.Index, m.Index + m.Length, VariableNeed.Optional);
            yield return Read(source, m, name, need);
        }
    }

    private static EnvironmentRead Read(SourceText source, Match m, string? name, VariableNeed need) =>
        new(name, null, need, source.Path, source.LineOf(m.Index), SourceText.Compact(m.Value), SourceLanguage.Python);

    [GeneratedRegex(@"(?<![\w.])(?:os\s*\.\s*)?environ\s*\[\s*(?:(?<q>[""'])(?<name>[^""'\\{}\r\n]+)\k<q>\s*\]|(?![""']))")]
    private static partial Regex Subscript();

    [GeneratedRegex(@"(?<![\w.])(?:(?:os\s*\.\s*)?environ\s*\.\s*get|(?:os\s*\.\s*)?getenv)\s*\(\s*(?:(?<q>[""'])(?<name>[^""'\\{}\r\n]+)\k<q>\s*(?:(?<default>,)[^)]*)?\)|(?![""']))")]
    private static partial Regex Get();

    [GeneratedRegex(@"(?<q>[""'])(?<name>[^""'\r\n]+)\k<q>\s+(?:not\s+)?in\s+(?:os\s*\.\s*)?environ\b")]
    private static partial Regex InGuard();
}
