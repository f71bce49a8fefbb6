using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Live;

/// <summary>Row 11 through a path that buffers the stream, against the real sample.</summary>
public sealed class StreamingRowTests
{
    [Fact]
    public async Task RunAsync_ThroughABufferingHop_StreamingFails()
    {
        // Behind the hop every probe comes from one address, so the sample's per-user limit is raised for this run.
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=test-revision", "RateLimit:PermitsPerWindow=500", "RateLimit:GlobalPermitsPerWindow=1000");
        await using var relay = await BufferingRelay.StartAsync(sample.Url);

        // The sample answers in milliseconds; a 1 ms span makes even that answer long enough to tell buffering apart.
        var rows = await LiveRun.RunAsync(relay.Url, "live:\n  streaming:\n    minimum_span: 1ms\n");

        var streaming = rows.Row("streaming");
        Assert.Equal(CheckResult.Fail, streaming.Result);
        Assert.Contains("the first event arrived with the last", streaming.Summary, StringComparison.Ordinal);
        Assert.Contains("in 1 reads", streaming.Evidence(), StringComparison.Ordinal);
    }
}
