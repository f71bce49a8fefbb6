using System.Collections.Concurrent;
using System.Text;
using Airlock.Readiness.Secrets.History;

namespace Airlock.Readiness.Tests.Secrets;

public class HistoryScannerTests
{
    [Fact]
    public async Task ScanAsync_FileAddedThenDeleted_KeepsTheAddingCommit()
    {
        using var repo = new TestRepository();
        repo.Write("config/app.env", "NAME=demo\nKEY=value-one\n");
        var added = repo.Commit("add config");
        repo.Delete("config/app.env");
        repo.Commit("remove config");

        var fragments = await ScanAsync(repo);

        var fragment = Assert.Single(fragments);
        Assert.Equal(added, fragment.Commit);
        Assert.Equal("config/app.env", fragment.Path);
        Assert.Equal("NAME=demo\nKEY=value-one", fragment.Content);
        Assert.Equal([1, 2], fragment.FileLines);
    }

    [Fact]
    public async Task ScanAsync_CommitsOnOtherBranchAndTagOnly_AreScanned()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hello\n");
        repo.Commit("init");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("feature.txt", "on a branch\n");
        var onBranch = repo.Commit("branch work");
        repo.Git("checkout", "-q", "--detach", "main");
        repo.Write("tagged.txt", "only a tag reaches this\n");
        var tagged = repo.Commit("tagged work");
        repo.Git("tag", "v-tagged");
        repo.Git("checkout", "-q", "main");

        var fragments = await ScanAsync(repo);

        Assert.Contains(fragments, f => f.Commit == onBranch && f.Path == "feature.txt");
        Assert.Contains(fragments, f => f.Commit == tagged && f.Path == "tagged.txt");
    }

    [Fact]
    public async Task ScanAsync_MultiHunkChange_MapsEachAddedLineToItsFileLine()
    {
        using var repo = new TestRepository();
        var lines = Enumerable.Range(1, 20).Select(i => $"line {i}").ToList();
        repo.Write("a.txt", string.Join('\n', lines) + "\n");
        repo.Commit("init");
        lines[2] = "changed three";
        lines.Insert(10, "inserted eleven");
        lines[17] = "changed eighteen";
        repo.Write("a.txt", string.Join('\n', lines) + "\n");
        var change = repo.Commit("edit");

        var fragment = Assert.Single(await ScanAsync(repo), f => f.Commit == change);

        Assert.Equal("changed three\ninserted eleven\nchanged eighteen", fragment.Content);
        Assert.Equal([3, 11, 18], fragment.FileLines);
    }

    [Fact]
    public async Task ScanAsync_OddFileNames_ReportsThePathAsWritten()
    {
        using var repo = new TestRepository();
        string[] names = ["with space.txt", "ünïcødé/名前.txt", "quote\"and\\slash.txt", "tab\there.txt"];
        foreach (var name in names)
        {
            repo.Write(name, "content of " + name + "\n");
        }

        repo.Commit("odd names");

        var paths = (await ScanAsync(repo)).Select(f => f.Path).Order(StringComparer.Ordinal);

        Assert.Equal(names.Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public async Task ScanAsync_CrlfAndInvalidUtf8_AreReadWithoutLineEndingsOrFailure()
    {
        using var repo = new TestRepository();
        repo.Write("windows.txt", "first\r\nsecond\r\n");
        repo.WriteBytes("latin1.txt", [.. "caf"u8, 0xE9, (byte)'\n', .. "token=abc\n"u8]);
        repo.Commit("encodings");

        var fragments = await ScanAsync(repo);

        Assert.Equal("first\nsecond", Assert.Single(fragments, f => f.Path == "windows.txt").Content);
        Assert.Equal("caf\uFFFD\ntoken=abc", Assert.Single(fragments, f => f.Path == "latin1.txt").Content);
    }

    [Fact]
    public async Task ScanAsync_BinaryFile_IsSkipped()
    {
        using var repo = new TestRepository();
        repo.WriteBytes("image.bin", [0x89, 0x50, 0x00, 0x01, .. "KEY=not-text\n"u8]);
        repo.Write("text.txt", "text\n");
        repo.Commit("binary and text");

        var fragments = await ScanAsync(repo);

        Assert.Equal("text.txt", Assert.Single(fragments).Path);
    }

    [Fact]
    public async Task ScanAsync_RenameWithEdit_ScansOnlyTheEditUnderTheNewPath()
    {
        using var repo = new TestRepository();
        var body = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"unchanged line {i}")) + "\n";
        repo.Write("old/name.txt", body);
        repo.Commit("init");
        repo.Delete("old/name.txt");
        repo.Write("new/name.txt", body + "added after rename\n");
        var rename = repo.Commit("rename");

        var fragment = Assert.Single(await ScanAsync(repo), f => f.Commit == rename);

        Assert.Equal("new/name.txt", fragment.Path);
        Assert.Equal("added after rename", fragment.Content);
        Assert.Equal([31], fragment.FileLines);
    }

    [Fact]
    public async Task ScanAsync_LineWrittenByAMergeResolution_IsScannedWithTheMerge()
    {
        using var repo = new TestRepository();
        repo.Write("settings.txt", "mode=base\n");
        repo.Commit("init");
        repo.Git("checkout", "-q", "-b", "other");
        repo.Write("settings.txt", "mode=other\n");
        repo.Commit("other");
        repo.Git("checkout", "-q", "main");
        repo.Write("settings.txt", "mode=main\n");
        repo.Commit("main");
        Assert.Throws<InvalidOperationException>(() => repo.Git("merge", "-q", "other"));
        repo.Write("settings.txt", "mode=resolved-by-hand\n");
        var merge = repo.Commit("merge other");

        var fragment = Assert.Single(await ScanAsync(repo), f => f.Commit == merge);

        Assert.Equal("mode=resolved-by-hand", fragment.Content);
    }

    [Fact]
    public async Task ScanAsync_AddedLinesOverTheCap_AreSplitWithLineNumbersKept()
    {
        using var repo = new TestRepository();
        var lines = Enumerable.Range(1, 100).Select(i => $"generated line number {i:000}").ToList();
        repo.Write("big.txt", string.Join('\n', lines) + "\n");
        repo.Commit("generated");

        var fragments = (await ScanAsync(repo, maxFragmentBytes: 300)).OrderBy(f => f.Sequence).ToList();

        Assert.True(fragments.Count > 5);
        Assert.All(fragments, f => Assert.True(f.Content.Length <= 300));
        Assert.Equal(lines, fragments.SelectMany(f => f.Content.Split('\n')));
        Assert.Equal(Enumerable.Range(1, 100), fragments.SelectMany(f => f.FileLines));
    }

    [Fact]
    public async Task ScanAsync_LineLongerThanTheReadBuffer_IsScannedInPiecesOfTheSameLine()
    {
        using var repo = new TestRepository();
        var longLine = new StringBuilder().Append('x', 1_500_000).Append("TAIL-MARKER").ToString();
        repo.Write("minified.js", "first\n" + longLine + "\nlast\n");
        repo.Commit("minified");

        var fragments = (await ScanAsync(repo)).OrderBy(f => f.Sequence).ToList();

        var content = string.Join('\n', fragments.Select(f => f.Content));
        Assert.Contains("TAIL-MARKER", content, StringComparison.Ordinal);
        Assert.Equal(longLine.Length + "first".Length + "last".Length, content.Replace("\n", string.Empty, StringComparison.Ordinal).Length);
        var tail = Assert.Single(fragments, f => f.Content.Contains("TAIL-MARKER", StringComparison.Ordinal));
        Assert.Equal(2, tail.FileLineOf(tail.Content[..tail.Content.IndexOf("TAIL", StringComparison.Ordinal)].Count(c => c == '\n') + 1));
        Assert.Contains(fragments, f => f.Content.EndsWith("last", StringComparison.Ordinal) && f.FileLines[^1] == 3);
    }

    [Fact]
    public async Task ScanAsync_Progress_EndsWithTheCommitCount()
    {
        using var repo = new TestRepository();
        for (var i = 0; i < 3; i++)
        {
            repo.Write($"f{i}.txt", $"{i}\n");
            repo.Commit();
        }

        var scanner = new HistoryScanner(repo.Repository);
        var reports = new ConcurrentQueue<long>();
        var stats = await scanner.ScanAsync(_ => { }, reports.Enqueue, CancellationToken.None);

        Assert.Equal(3, stats.Commits);
        Assert.Equal(3, await scanner.CountCommitsAsync(CancellationToken.None));
        Assert.Equal(3, reports.Last());
    }

    [Fact]
    public async Task ScanAsync_DetectorThrows_SurfacesTheDetectorError()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a\n");
        repo.Commit();

        var scanner = new HistoryScanner(repo.Repository);

        await Assert.ThrowsAsync<FormatException>(() =>
            scanner.ScanAsync(_ => throw new FormatException("detector broke"), null, CancellationToken.None));
    }

    private static async Task<List<HistoryFragment>> ScanAsync(TestRepository repo, int maxFragmentBytes = HistoryScanner.DefaultMaxFragmentBytes)
    {
        var fragments = new ConcurrentBag<HistoryFragment>();
        await new HistoryScanner(repo.Repository, maxFragmentBytes).ScanAsync(fragments.Add, null, CancellationToken.None);
        return [.. fragments];
    }
}
