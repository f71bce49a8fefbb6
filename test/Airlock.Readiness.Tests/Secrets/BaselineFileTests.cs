using System.Text;
using Airlock.Readiness.Secrets;
using Airlock.Readiness.Secrets.Baseline;

namespace Airlock.Readiness.Tests.Secrets;

public class BaselineFileTests
{
    [Fact]
    public void Parse_CommentsAndTrailingCommas_ReadsEntriesWithTheirLines()
    {
        var baseline = Parse("""
            // accepted findings
            {
              "version": 1,
              "findings": [
                { "fingerprint": "aaa", "rule": "r", "file": "a.env", "redacted": "sk-p…[sha256:1]", "reason": "revoked" },
                {
                  "fingerprint": "bbb",
                },
              ],
            }
            """);

        Assert.True(baseline.Accepts("aaa"));
        Assert.True(baseline.Accepts("bbb"));
        Assert.False(baseline.Accepts("ccc"));
        Assert.Equal("revoked", baseline.Entries["aaa"].Reason);
        Assert.Equal(5, baseline.Entries["aaa"].Line);
        Assert.Equal(6, baseline.Entries["bbb"].Line);
    }

    [Theory]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"a\", }\n    { \"fingerprint\": \"b\" }\n  ]\n}", 5, "not valid JSON")]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"a\", \"color\": \"red\" }\n  ]\n}", 4, "unknown key \"color\"")]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    { \"rule\": \"x\" }\n  ]\n}", 4, "no \"fingerprint\"")]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"a\" },\n    { \"fingerprint\": \"a\" }\n  ]\n}", 5, "listed twice (first at line 4)")]
    [InlineData("{\n  \"version\": 2,\n  \"findings\": []\n}", 2, "\"version\" must be 1")]
    [InlineData("{\n  \"findings\": []\n}", 1, "\"version\": 1 is missing")]
    [InlineData("[]", 1, "must be a JSON object")]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [ { \"fingerprint\": 42 } ]\n}", 3, "must be a string")]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": []\n}\n{}", 5, "")]
    public void Parse_MalformedBaseline_ThrowsWithFileAndLine(string text, int line, string message)
    {
        var error = Assert.Throws<SecretsConfigException>(() => Parse(text));

        Assert.NotNull(error.Location);
        Assert.Equal("baseline.json", error.Location.Value.File);
        Assert.Equal(line, error.Location.Value.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"baseline.json:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_RoundTripsSortedEntries()
    {
        var folder = Directory.CreateTempSubdirectory("airlock-baseline-");
        try
        {
            var path = Path.Combine(folder.FullName, "nested", "baseline.json");
            BaselineEntry[] entries =
            [
                new() { Fingerprint = "f2", RuleId = "r", File = "z.env", RedactedValue = "z…", Reason = "two" },
                new() { Fingerprint = "f1", RuleId = "r", File = "a.env", Reason = "one \"quoted\"" },
            ];

            await BaselineFile.WriteAsync(path, SecretsBaseline.Empty, entries, CancellationToken.None);
            var read = await BaselineFile.ReadAsync(path, CancellationToken.None);

            Assert.Equal(["f1", "f2"], read.Entries.Values.OrderBy(e => e.Line).Select(e => e.Fingerprint));
            Assert.Equal("one \"quoted\"", read.Entries["f1"].Reason);
            Assert.Equal("z…", read.Entries["f2"].RedactedValue);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_FileChangedSinceItWasRead_RefusesAndKeepsTheOtherWrite()
    {
        var folder = Directory.CreateTempSubdirectory("airlock-baseline-");
        try
        {
            var path = Path.Combine(folder.FullName, "baseline.json");
            await File.WriteAllTextAsync(path, "{ \"version\": 1, \"findings\": [] }");
            var readAs = await BaselineFile.ReadAsync(path, CancellationToken.None);
            const string other = "{ \"version\": 1, \"findings\": [ { \"fingerprint\": \"someone-else\" } ] }";
            await File.WriteAllTextAsync(path, other);

            await Assert.ThrowsAsync<SecretsConfigException>(() =>
                BaselineFile.WriteAsync(path, readAs, [new BaselineEntry { Fingerprint = "mine" }], CancellationToken.None));

            Assert.Equal(other, await File.ReadAllTextAsync(path));
            Assert.Single(Directory.GetFiles(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadAsync_MissingFile_IsAnEmptyBaseline()
    {
        var baseline = await BaselineFile.ReadAsync(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "b.json"), CancellationToken.None);

        Assert.Empty(baseline.Entries);
    }

    private static SecretsBaseline Parse(string text) => BaselineFile.Parse("baseline.json", Encoding.UTF8.GetBytes(text));
}
