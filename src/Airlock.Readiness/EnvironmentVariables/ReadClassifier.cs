using System.Text.RegularExpressions;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Decides from the code around a read whether a missing variable crashes it, is handled, or has a default.
/// The rules (documented in docs/checks/environment.md) look at the same expression and, when the value is
/// assigned to a variable, at the next <see cref="FollowingLines"/> lines; they do not follow data further.
/// </summary>
internal static partial class ReadClassifier
{
    /// <summary>Lines after an assignment searched for a default or a null check of the variable.</summary>
    public const int FollowingLines = 10;

    /// <summary>Lines after a null check searched for a throw/raise/exit that makes the variable required again.</summary>
    private const int ThrowLines = 3;

    /// <summary>
    /// Classifies a read whose expression spans [<paramref name="start"/>, <paramref name="end"/>) and whose
    /// value is <paramref name="baseline"/> when nothing around it says otherwise.
    /// </summary>
    public static VariableNeed Classify(SourceText source, int start, int end, VariableNeed baseline)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (baseline == VariableNeed.Defaulted)
        {
            return baseline;
        }

        var language = source.Language;
        var after = source.Following(end, 1).TrimStart();
        if (language != SourceLanguage.Python && after.StartsWith('!') && !after.StartsWith("!=", StringComparison.Ordinal))
        {
            // C#/TypeScript null-forgiving operator: the author asserts it is set.
            after = after[1..].TrimStart();
        }

        if (AfterDefault(language).IsMatch(after))
        {
            return ThrowAfterDefault().IsMatch(after) ? VariableNeed.Required : VariableNeed.Defaulted;
        }

        if (AfterCheck(language).IsMatch(after) || BeforeCheck(language).IsMatch(source.Preceding(start)))
        {
            return ThrowsSoon(source, end) ? VariableNeed.Required : VariableNeed.Optional;
        }

        if (Assignment().Match(source.Preceding(start)) is { Success: true } assignment)
        {
            var ident = Regex.Escape(assignment.Groups["ident"].Value);
            var window = source.Following(end, FollowingLines);
            if (Regex.IsMatch(window, IdentDefault(ident, language), RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                return VariableNeed.Defaulted;
            }

            var check = Regex.Match(window, IdentCheck(ident, language), RegexOptions.None, TimeSpan.FromSeconds(1));
            if (check.Success)
            {
                return ThrowsSoon(source, end + check.Index + check.Length) ? VariableNeed.Required : VariableNeed.Optional;
            }
        }

        return baseline;
    }

    private static bool ThrowsSoon(SourceText source, int index) => Throw().IsMatch(source.Following(index, ThrowLines));

    private static Regex AfterDefault(SourceLanguage language) => language switch
    {
        SourceLanguage.CSharp => CSharpDefault(),
        SourceLanguage.JavaScript => JavaScriptDefault(),
        SourceLanguage.Python => PythonDefault(),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    private static Regex AfterCheck(SourceLanguage language) => language switch
    {
        SourceLanguage.Python => PythonAfterCheck(),
        SourceLanguage.CSharp or SourceLanguage.JavaScript => CurlyAfterCheck(),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    private static Regex BeforeCheck(SourceLanguage language) => language switch
    {
        SourceLanguage.Python => PythonBeforeCheck(),
        SourceLanguage.CSharp or SourceLanguage.JavaScript => CurlyBeforeCheck(),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    private static string IdentDefault(string ident, SourceLanguage language) => language == SourceLanguage.Python
        ? $@"\b{ident}\s+or\b"
        : $@"\b{ident}\s*(?:\?\?|\|\|)";

    private static string IdentCheck(string ident, SourceLanguage language) => language == SourceLanguage.Python
        ? $@"\b{ident}\s+is\s+(?:not\s+)?None\b|[!=]=\s*None\b|\bif\s+(?:not\s+)?{ident}\s*:|\bbool\s*\(\s*{ident}\s*\)"
        : $@"\b{ident}\s*(?:is\s+(?:not\s+)?null\b|is\s*\{{|[!=]==?\s*(?:null|undefined)\b|\?\.)|IsNullOr(?:Empty|WhiteSpace)\s*\(\s*{ident}\s*\)|\bif\s*\(\s*!?\s*{ident}\s*\)|!\s*{ident}\b(?!\s*[.(\[])";

    [GeneratedRegex(@"^\?\?(?!=)")]
    private static partial Regex CSharpDefault();

    [GeneratedRegex(@"^(?:\?\?(?!=)|\|\|)")]
    private static partial Regex JavaScriptDefault();

    [GeneratedRegex(@"^or\b")]
    private static partial Regex PythonDefault();

    [GeneratedRegex(@"^\?\?\s*throw\b")]
    private static partial Regex ThrowAfterDefault();

    [GeneratedRegex(@"^(?:[!=]==?|is\b|\?\.|\?(?![?.]))")]
    private static partial Regex CurlyAfterCheck();

    [GeneratedRegex(@"^(?:is\b|[!=]=)")]
    private static partial Regex PythonAfterCheck();

    [GeneratedRegex(@"(?:IsNullOr(?:Empty|WhiteSpace)\s*\(|Boolean\s*\(|(?<![!=])!|[!=]==?|&&|\|\||\bif\s*\()\s*$")]
    private static partial Regex CurlyBeforeCheck();

    [GeneratedRegex(@"(?:\b(?:if|elif|while|not|and|or)\s+|\bbool\s*\(|[!=]=\s*)$")]
    private static partial Regex PythonBeforeCheck();

    [GeneratedRegex(@"(?<ident>[A-Za-z_$][\w$]*)\s*(?::[^=;\n(){}]+)?(?<![=!<>])=\s*$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\bthrow\b|\braise\b|\bprocess\s*\.\s*exit\s*\(|\bsys\s*\.\s*exit\s*\(|\bEnvironment\s*\.\s*Exit\s*\(|\bexit\s*\(")]
    private static partial Regex Throw();
}
