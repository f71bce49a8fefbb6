namespace Airlock.Readiness.Reporting;

/// <summary>The document formats of <c>airlock check --format</c>; <c>table</c> is drawn by the CLI.</summary>
public static class RubricWriters
{
    public static IReadOnlyList<IRubricWriter> All { get; } =
    [
        new MarkdownRubricWriter(),
        new JsonRubricWriter(),
        new SarifRubricWriter(),
        new JUnitRubricWriter(),
    ];

    public static IRubricWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
