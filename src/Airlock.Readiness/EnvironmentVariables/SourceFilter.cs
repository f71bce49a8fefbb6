namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>Which files are application code (tests, dependencies and build output are not deployed code paths).</summary>
internal static class SourceFilter
{
    /// <summary>Generated or bundled files above this size are skipped.</summary>
    public const long MaxSourceBytes = 1024 * 1024;

    private static readonly HashSet<string> ExcludedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "spec", "specs", "testdata", "fixtures",
        "node_modules", "bin", "obj", "dist", "build", "coverage", "vendor",
        ".venv", "venv", "site-packages", "__pycache__", ".git",
    };

    public static bool IsExcluded(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var segments = relativePath.Split('/');
        foreach (var folder in segments[..^1])
        {
            if (ExcludedFolders.Contains(folder)
                || folder.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase)
                || folder.EndsWith(".Test", StringComparison.OrdinalIgnoreCase)
                || folder.EndsWith(".UnitTests", StringComparison.OrdinalIgnoreCase)
                || folder.EndsWith(".IntegrationTests", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var name = segments[^1];
        return name.Contains(".test.", StringComparison.OrdinalIgnoreCase)
            || name.Contains(".spec.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase)
            || (name.EndsWith(".py", StringComparison.Ordinal) && (name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) || name == "conftest.py"))
            || (name.EndsWith(".cs", StringComparison.Ordinal) && name.EndsWith("Tests.cs", StringComparison.Ordinal));
    }

    public static SourceLanguage? LanguageOf(string relativePath) =>
        Path.GetExtension(relativePath).ToLowerInvariant() switch
        {
            ".cs" => SourceLanguage.CSharp,
            ".py" => SourceLanguage.Python,
            ".js" or ".mjs" or ".cjs" or ".jsx" or ".ts" or ".mts" or ".cts" or ".tsx" => SourceLanguage.JavaScript,
            _ => null,
        };
}
