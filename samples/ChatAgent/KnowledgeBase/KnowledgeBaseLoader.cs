using Microsoft.Extensions.Options;

namespace ChatAgent.KnowledgeBase;

/// <summary>Loads the knowledge base at startup; a missing folder or a corpus over the memory budget stops startup with a clear error.</summary>
internal sealed partial class KnowledgeBaseLoader(
    KnowledgeBaseStore store,
    IOptions<KnowledgeBaseOptions> options,
    ILogger<KnowledgeBaseLoader> logger) : IHostedService
{
    private static readonly string[] Extensions = [".md", ".markdown", ".txt"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var snapshot = Load(options.Value, cancellationToken);
        store.Publish(snapshot);
        LogLoaded(logger, snapshot.Documents, snapshot.Index.Count, snapshot.Bytes, snapshot.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static KnowledgeBaseSnapshot Load(KnowledgeBaseOptions options, CancellationToken cancellationToken)
    {
        var root = options.ResolvePath();
        if (!Directory.Exists(root))
        {
            throw new KnowledgeBaseException(
                $"Knowledge base folder '{root}' does not exist. Set {KnowledgeBaseOptions.SectionName}:Path to a folder of .md or .txt files.");
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f))
            .ToList();

        // Sizes first, content second: the budget check must not need the memory it protects.
        var bytes = files.Sum(f => f.Length);
        if (bytes > options.MaxBytes)
        {
            throw new KnowledgeBaseException(
                $"Knowledge base '{root}' is {bytes} bytes in {files.Count} files, over the budget {KnowledgeBaseOptions.SectionName}:MaxBytes = {options.MaxBytes}. " +
                "Raise the budget if the host has the memory, or trim the folder.");
        }

        var passages = new List<Passage>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            passages.AddRange(MarkdownPassageSplitter.Split(source, File.ReadAllText(file.FullName)));
        }

        return new KnowledgeBaseSnapshot(new Bm25Index(passages), files.Count, bytes, root);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Knowledge base loaded: {Documents} documents, {Passages} passages, {Bytes} bytes from {Path}")]
    private static partial void LogLoaded(ILogger logger, int documents, int passages, long bytes, string path);
}
