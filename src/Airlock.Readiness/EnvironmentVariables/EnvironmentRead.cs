namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>One place where the code reads an environment variable or a configuration key.</summary>
/// <param name="Name">The environment variable name (a configuration key with <c>:</c> mapped to <c>__</c>), or null when computed at run time.</param>
/// <param name="ConfigurationKey">The IConfiguration key (<c>ConnectionStrings:Db</c>) when read through configuration, which appsettings*.json can also provide.</param>
/// <param name="Need">Required, optional or defaulted, from the code around the read.</param>
/// <param name="File">Repository-relative path with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Expression">The read as written, shortened (<c>os.environ["X"]</c>).</param>
/// <param name="Language">The language of the file.</param>
internal sealed record EnvironmentRead(string? Name, string? ConfigurationKey, VariableNeed Need, string File, int Line, string Expression, SourceLanguage Language)
{
    public string Location => $"{File}:{Line}";
}
