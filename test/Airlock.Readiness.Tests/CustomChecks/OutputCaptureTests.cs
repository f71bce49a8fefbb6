using Airlock.Readiness.CustomChecks;

namespace Airlock.Readiness.Tests.CustomChecks;

public sealed class OutputCaptureTests
{
    [Fact]
    public async Task ReadToEnd_FragmentAcrossReadBoundary_IsFound()
    {
        // The capture reads 4096 characters at a time; put the fragment across the first boundary.
        var text = new string('x', 4090) + "HEALTHY-OK" + new string('y', 100);
        var capture = new OutputCapture("HEALTHY-OK");

        await capture.ReadToEndAsync(new StringReader(text), CancellationToken.None);

        Assert.True(capture.FoundExpected);
    }

    [Fact]
    public async Task ReadToEnd_HugeOutput_KeepsBoundedTail()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789", 100_000)) + "END";
        var capture = new OutputCapture(null);

        await capture.ReadToEndAsync(new StringReader(text), CancellationToken.None);

        Assert.Equal(text.Length, capture.TotalCharacters);
        Assert.True(capture.Tail.Length <= OutputCapture.TailCharacters * 2);
        Assert.EndsWith("END", capture.Tail, StringComparison.Ordinal);
    }

    [Fact]
    public void Slug_NameWithPunctuation_IsLowercaseDashed()
    {
        Assert.Equal("db-migrations-applied", CheckSlug.From("  DB migrations: applied? "));
        Assert.Equal("check", CheckSlug.From("!!!"));
    }

    [Fact]
    public void Redact_PlainLogLine_IsUnchanged()
    {
        const string line = "Build succeeded in 12.3s, 0 warnings (src/Airlock.Cli/Program.cs)";

        Assert.Equal(line, OutputRedactor.Redact(line));
    }
}
