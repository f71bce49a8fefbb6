using ChatAgent.Options;

namespace ChatAgent.KnowledgeBase;

internal sealed class KnowledgeBaseOptions : IValidatableOptions
{
    public static string SectionName => "KnowledgeBase";

    /// <summary>Folder of Markdown/text files; relative paths resolve against the app's folder.</summary>
    public string Path { get; set; } = "KnowledgeBase";

    /// <summary>Checked against file sizes before anything is read, so an oversized corpus fails startup with a clear error instead of exhausting memory.</summary>
    public long MaxBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Below this BM25 score the agent says it does not know.</summary>
    public double MinScore { get; set; } = 1.5;

    /// <summary>Share of the question's distinct terms a passage must contain to be used (0-1).</summary>
    public double MinTermCoverage { get; set; } = 0.34;

    /// <summary>
    /// Distinct question terms a passage must contain (capped at the number of terms the question has). One shared word
    /// is how "What is the weather in Paris?" matched a passage that mentions Europe/Paris; two is the smallest bar that stops it.
    /// </summary>
    public int MinMatchedTerms { get; set; } = 2;

    public int MaxPassages { get; set; } = 2;

    public string ResolvePath() =>
        System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return $"{SectionName}:Path must not be empty.";
        }

        if (MaxBytes <= 0)
        {
            yield return $"{SectionName}:MaxBytes must be positive (got {MaxBytes}).";
        }

        if (MinScore < 0 || double.IsNaN(MinScore))
        {
            yield return $"{SectionName}:MinScore must be zero or more (got {MinScore}).";
        }

        if (MinTermCoverage is < 0 or > 1 || double.IsNaN(MinTermCoverage))
        {
            yield return $"{SectionName}:MinTermCoverage must be between 0 and 1 (got {MinTermCoverage}).";
        }

        if (MinMatchedTerms is < 1 or > 10)
        {
            yield return $"{SectionName}:MinMatchedTerms must be between 1 and 10 (got {MinMatchedTerms}).";
        }

        if (MaxPassages is < 1 or > 10)
        {
            yield return $"{SectionName}:MaxPassages must be between 1 and 10 (got {MaxPassages}).";
        }
    }
}
