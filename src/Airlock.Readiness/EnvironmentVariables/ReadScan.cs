using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>All reads in the application's source files (tests, dependencies and build output excluded).</summary>
internal sealed class ReadScan
{
    private ReadScan(List<EnvironmentRead> reads, List<string> prefixes, int filesScanned)
    {
        Reads = [.. reads.Where(r => r.Name is not null)];
        DynamicReads = [.. reads.Where(r => r.Name is null)];
        EnvironmentPrefixes = prefixes;
        FilesScanned = filesScanned;
    }

    public IReadOnlyList<EnvironmentRead> Reads { get; }

    /// <summary>Reads whose name is computed at run time (<c>GetEnvironmentVariable(name)</c>): not checkable statically.</summary>
    public IReadOnlyList<EnvironmentRead> DynamicReads { get; }

    public IReadOnlyCollection<string> EnvironmentPrefixes { get; }

    public int FilesScanned { get; }

    public static ReadScan Run(CheckContext context, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var sources = files
            .Where(f => !SourceFilter.IsExcluded(f))
            .Select(f => (Path: f, Language: SourceFilter.LanguageOf(f)))
            .Where(f => f.Language is not null)
            .ToList();
        var reads = new List<EnvironmentRead>();
        var prefixes = new List<string>();
        var scanned = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % 200 == 0)
            {
                context.Progress.Report(new CheckProgress(EnvironmentCheck.CheckId, "scanning source for environment reads", i, sources.Count, "files"));
            }

            var (path, language) = sources[i];
            string text;
            try
            {
                var full = context.FullPath(path);
                if (new FileInfo(full).Length > SourceFilter.MaxSourceBytes)
                {
                    continue;
                }

                text = File.ReadAllText(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            scanned++;
            var source = new SourceText(path, text, language!.Value);
            switch (source.Language)
            {
                case SourceLanguage.CSharp:
                    reads.AddRange(CSharpReadScanner.Scan(source));
                    prefixes.AddRange(CSharpReadScanner.EnvironmentPrefixes(source));
                    break;
                case SourceLanguage.Python:
                    reads.AddRange(PythonReadScanner.Scan(source));
                    break;
                case SourceLanguage.JavaScript:
                    reads.AddRange(NodeReadScanner.Scan(source));
                    break;
                default:
                    throw new InvalidOperationException($"No scanner for {source.Language}.");
            }
        }

        return new ReadScan(reads, [.. prefixes.Distinct(StringComparer.Ordinal)], scanned);
    }
}
