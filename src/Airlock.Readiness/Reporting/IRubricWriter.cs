using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Reporting;

/// <summary>Writes a rubric report as a document (Markdown, JSON, SARIF, JUnit XML).</summary>
public interface IRubricWriter
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    void Write(RubricReport report, TextWriter writer);
}
