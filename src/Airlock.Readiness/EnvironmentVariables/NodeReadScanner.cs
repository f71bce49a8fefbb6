using System.Text.RegularExpressions;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Finds reads in JavaScript and TypeScript: <c>process.env.X</c>, <c>process.env["X"]</c> and
/// <c>const { X, Y = "d" } = process.env</c>. A value is undefined when unset: required unless a default
/// (<c>||</c>, <c>??</c>, <c>= "d"</c>) or a check follows.
/// </summary>
internal static partial class NodeReadScanner
{
    public static IEnumerable<EnvironmentRead> Scan(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Text;
        var guarded = InGuard().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match m in Member().Matches(text))
        {
            if (source.IsInString(m.Index))
            {
                continue;
            }

            if (source.IsWrite(m.Index, m.Length, "delete"))
            {
                continue;
            }

            var name = m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : null;
            var need = name is not null && guarded.Contains(name)
                ? VariableNeed.Optional
                : ReadClassifier.Classify(source, m.Index, m.Index + m.Length, VariableNeed.Required);
            yield return Read(source, m.Index, m.Value, name, need);
        }

        foreach (Match m in Destructuring().Matches(text))
        {
            if (source.IsInString(m.Index))
            {
                continue;
            }

            var names = m.Groups["names"];
            foreach (Match item in DestructuredItem().Matches(names.Value))
            {
                var need = item.Groups["default"].Success ? VariableNeed.Defaulted : VariableNeed.Required;
                yield return Read(source, names.Index + item.Index, $"{{ {item.Value.Trim()} }} = process.env", item.Groups["name"].Value, need);
            }
        }
    }

    private static EnvironmentRead Read(SourceText source, int index, string expression, string? name, VariableNeed need) =>
        new(name, null, need, source.Path, source.LineOf(index), SourceText.Compact(expression), SourceLanguage.JavaScript);

    [GeneratedRegex(@"\bprocess\s*\.\s*env\s*(?:\??\.\s*(?<name>[A-Za-z_$][\w$]*)|\[\s*(?:(?<q>[""'`])(?<quoted>[^""'`\\$\r\n]+)\k<q>\s*\]|(?![""'`])))")]
    private static partial Regex Member();

    [GeneratedRegex(@"\b(?:const|let|var)\s*\{(?<names>[^{}]*)\}\s*=\s*process\s*\.\s*env\b(?!\s*[.\[])")]
    private static partial Regex Destructuring();

    [GeneratedRegex(@"(?<name>[A-Za-z_$][\w$]*)\s*(?::\s*[A-Za-z_$][\w$]*\s*)?(?<default>=[^,}]+)?")]
    private static partial Regex DestructuredItem();

    [GeneratedRegex(@"(?<q>[""'])(?<name>[^""'\r\n]+)\k<q>\s+in\s+process\s*\.\s*env\b|process\s*\.\s*env\s*\.\s*hasOwnProperty\s*\(\s*(?<q2>[""'])(?<name>[^""'\r\n]+)\k<q2>")]
    private static partial Regex InGuard();
}
