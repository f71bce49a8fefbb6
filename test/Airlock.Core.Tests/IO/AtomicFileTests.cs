using Airlock.Core.IO;

namespace Airlock.Core.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("airlock-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WriteAllText_ExistingFile_ReplacedWithNoTempLeft()
    {
        var path = Path.Combine(_directory, "state.json");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "new ✓");

        Assert.Equal("new ✓", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void WriteAllText_MissingFolder_CreatesIt()
    {
        var path = Path.Combine(_directory, "a", "b", "state.json");

        AtomicFile.WriteAllText(path, "x");

        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public async Task WriteAsync_BeforeReplaceThrows_TargetKeptAndTempRemoved()
    {
        var path = Path.Combine(_directory, "baseline.json");
        File.WriteAllText(path, "kept");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(
            path,
            stream => stream.Write("replaced"u8),
            _ => throw new InvalidOperationException("changed meanwhile"),
            CancellationToken.None));

        Assert.Equal("kept", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task WriteAsync_BeforeReplaceSeesOldContent_ThenReplaced()
    {
        var path = Path.Combine(_directory, "baseline.json");
        File.WriteAllText(path, "before");
        string? seen = null;

        await AtomicFile.WriteAsync(
            path,
            stream => stream.Write("after"u8),
            async token => seen = await File.ReadAllTextAsync(path, token),
            CancellationToken.None);

        Assert.Equal("before", seen);
        Assert.Equal("after", File.ReadAllText(path));
    }
}
