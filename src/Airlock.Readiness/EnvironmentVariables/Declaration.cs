namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>Where the deployment provides a variable or configuration key.</summary>
/// <param name="Name">The variable name or configuration key as written.</param>
/// <param name="Source">The kind of source (<c>airlock.yaml environment.declared</c>, <c>Dockerfile ENV</c>, ...).</param>
/// <param name="File">Repository-relative file, when known.</param>
/// <param name="Line">1-based line, when known.</param>
internal sealed record Declaration(string Name, string Source, string? File, int? Line)
{
    public string Where => File is null ? Source : Line is null ? $"{Source} ({File})" : $"{Source} ({File}:{Line})";
}
