namespace Airlock.ChatAgent.Tests;

/// <summary>A knowledge-base folder in a temp directory, deleted on dispose.</summary>
internal sealed class TestKnowledgeBase : IDisposable
{
    public TestKnowledgeBase(params (string Name, string Markdown)[] files)
    {
        Path = Directory.CreateTempSubdirectory("chatagent-kb-").FullName;
        foreach (var (name, markdown) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, name), markdown);
        }
    }

    public string Path { get; }

    /// <summary>Three small files with distinct topics: enough for ranking to be checkable by hand.</summary>
    public static TestKnowledgeBase Tiny() => new(
        ("shipping.md", "# Shipping\n\n## Delivery times\n\nParcels ship within two days. International delivery takes up to ten days.\n"),
        ("returns.md", "# Returns\n\n## Refunds\n\nA refund is paid within 14 days after the parcel returns to the warehouse.\n"),
        ("widget.md", "# Widget\n\n## Themes\n\nThe widget has a dark theme and a light theme. Pick the theme with the data-theme attribute.\n"));

    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        // BM25 scores grow with corpus size (IDF); three passages score low, so the bar is tuned to this corpus,
        // as it is for the shipped one. The threshold tests set their own values.
        var settings = new Dictionary<string, string?> { ["KnowledgeBase:Path"] = Path, ["KnowledgeBase:MinScore"] = "0.5" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
