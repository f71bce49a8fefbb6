using System.Text.RegularExpressions;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Finds reads in C#: <c>Environment.GetEnvironmentVariable("X")</c> and IConfiguration keys
/// (<c>configuration["A:B"]</c>, <c>GetSection("A")["B"]</c>, <c>GetValue&lt;T&gt;("A:B")</c>,
/// <c>GetConnectionString("X")</c>), whose environment variable is the key with <c>:</c> mapped to <c>__</c>.
/// </summary>
internal static partial class CSharpReadScanner
{
    public static IEnumerable<EnvironmentRead> Scan(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Text;
        foreach (Match m in GetEnvironmentVariable().Matches(text))
        {
            if (source.IsInString(m.Index))
            {
                continue;
            }

            if (m.Groups["name"].Success)
            {
                var need = ReadClassifier.Classify(source, m.Index, m.Index + m.Length, VariableNeed.Required);
                yield return Read(source, m, m.Groups["name"].Value, null, need);
            }
            else
            {
                yield return Read(source, m, null, null, VariableNeed.Required);
            }
        }

        foreach (Match m in ConfigurationIndexer().Matches(text))
        {
            if (source.IsInString(m.Index))
            {
                continue;
            }

            // An indexer followed by a single = sets configuration, it does not read it.
            if (source.IsWrite(m.Index, m.Length))
            {
                continue;
            }

            var key = Sections(m.Groups["chain"].Value) + m.Groups["key"].Value;
            yield return ConfigurationRead(source, m, key, ReadClassifier.Classify(source, m.Index, m.Index + m.Length, VariableNeed.Required));
        }

        foreach (Match m in GetValue().Matches(text))
        {
            if (source.IsInString(m.Index))
            {
                continue;
            }

            var key = Sections(m.Groups["chain"].Value) + m.Groups["key"].Value;
            // GetValue<T> returns default(T) for a missing key (null, 0, false): the app runs with it.
            var need = m.Groups["default"].Success
                ? VariableNeed.Defaulted
                : ReadClassifier.Classify(source, m.Index, m.Index + m.Length, VariableNeed.Optional);
            yield return ConfigurationRead(source, m, key, need);
        }

        foreach (Match m in GetConnectionString().Matches(text))
        {
            if (source.IsInString(m.Index))
            {
                continue;
            }

            var key = "ConnectionStrings:" + m.Groups["key"].Value;
            yield return ConfigurationRead(source, m, key, ReadClassifier.Classify(source, m.Index, m.Index + m.Length, VariableNeed.Required));
        }
    }

    /// <summary>Prefixes given to <c>AddEnvironmentVariables("PREFIX_")</c>: those variables map to keys without the prefix.</summary>
    public static IEnumerable<string> EnvironmentPrefixes(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return AddEnvironmentVariables().Matches(source.Text).Select(m => m.Groups["prefix"].Value).Where(p => p.Length > 0);
    }

    /// <summary>IConfiguration's mapping: <c>A:B</c> is read from the environment variable <c>A__B</c>.</summary>
    public static string VariableFor(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static EnvironmentRead ConfigurationRead(SourceText source, Match m, string key, VariableNeed need) =>
        Read(source, m, VariableFor(key), key, need);

    private static EnvironmentRead Read(SourceText source, Match m, string? name, string? key, VariableNeed need)
    {
        var expression = SourceText.Compact(m.Value);
        return new EnvironmentRead(name, key, need, source.Path, source.LineOf(m.Index), expression.Length > 120 ? expression[..119] + "…" : expression, SourceLanguage.CSharp);
    }

    private static string Sections(string chain) =>
        string.Concat(SectionName().Matches(chain).Select(s => s.Groups["name"].Value + ":"));

    [GeneratedRegex(@"\bEnvironment\s*\.\s*GetEnvironmentVariable\s*\(\s*(?:@?""(?<name>[^""\\{}\r\n]+)""\s*(?:,[^)]*)?\)|(?!@?"")(?=[^)\s]))")]
    private static partial Regex GetEnvironmentVariable();

    [GeneratedRegex(@"(?:\b[\w.]*(?:[Cc]onfig|[Cc]onfiguration)\w*\s*|(?<chain>(?:\.\s*Get(?:Required)?Section\s*\(\s*""[^""\r\n]+""\s*\)\s*)+))\[\s*""(?<key>[^""\\{}\r\n]+)""\s*\]")]
    private static partial Regex ConfigurationIndexer();

    [GeneratedRegex(@"(?<chain>(?:\.\s*Get(?:Required)?Section\s*\(\s*""[^""\r\n]+""\s*\)\s*)*)\.\s*GetValue\s*<[^<>()]+(?:<[^<>()]+>)?\s*>\s*\(\s*""(?<key>[^""\\{}\r\n]+)""\s*(?:(?<default>,)[^;]*?)?\)")]
    private static partial Regex GetValue();

    [GeneratedRegex(@"\.\s*GetConnectionString\s*\(\s*""(?<key>[^""\\{}\r\n]+)""\s*\)")]
    private static partial Regex GetConnectionString();

    [GeneratedRegex(@"Get(?:Required)?Section\s*\(\s*""(?<name>[^""\r\n]+)""")]
    private static partial Regex SectionName();

    [GeneratedRegex(@"\bAddEnvironmentVariables\s*\(\s*(?:prefix\s*:\s*)?""(?<prefix>[^""\r\n]*)""")]
    private static partial Regex AddEnvironmentVariables();
}
