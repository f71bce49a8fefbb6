using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Live;

/// <summary>The sample started with one fault switch on: the row that owns that failure mode fails.</summary>
public sealed class LiveCheckFaultTests
{
    [Fact]
    public async Task RunAsync_FailHealth_HealthRowBlocksLaunch()
    {
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=test-revision", "Faults:FailHealth=true");

        var rows = await LiveRun.RunAsync(sample.Url);

        var health = rows.Row("health");
        Assert.Equal(CheckResult.Fail, health.Result);
        Assert.Equal(Severity.BlocksLaunch, health.Severity);
        Assert.Contains("readiness says not ready (503) while turns answer", health.Summary, StringComparison.Ordinal);
        Assert.Equal(CheckResult.Pass, rows.Row("retrieval").Result);
    }

    [Fact]
    public async Task RunAsync_EveryTurnFailsWithANewErrorCode_HealthAndKnownBadAndRetrievalFail()
    {
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=test-revision", "Faults:ErrorRate=1", "Faults:NewErrorCode=true");

        var rows = await LiveRun.RunAsync(sample.Url);

        Assert.Contains("readiness says ready but a turn failed", rows.Row("health").Summary, StringComparison.Ordinal);
        var knownBad = rows.Row("known-bad-input");
        Assert.Equal(CheckResult.Fail, knownBad.Result);
        Assert.Contains("status 500, expected 400", knownBad.Summary, StringComparison.Ordinal);
        Assert.Equal(CheckResult.Fail, rows.Row("retrieval").Result);
        Assert.Equal(CheckResult.Fail, rows.Row("streaming").Result);
        Assert.Equal(CheckResult.Pass, rows.Row("version").Result);
    }

    [Fact]
    public async Task RunAsync_AddedLatencyPastTheProbeTimeout_TurnsTimeOutAndHealthFails()
    {
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=test-revision", "Faults:AddedLatency=00:00:03");

        var rows = await LiveRun.RunAsync(sample.Url, "live:\n  timeout: 1s\n  deadline: 4s\n");

        var health = rows.Row("health");
        Assert.Equal(CheckResult.Fail, health.Result);
        // Rows run at once: the health row's own turn either timed out, or was not sent because another had.
        Assert.Matches("timed out after 1 s|already timed out", health.Summary);
        Assert.Contains(rows, r => r.Summary.Contains("timed out after 1 s", StringComparison.Ordinal));
        // After the first timeout nothing more is sent: rows with a second step (streaming after its warm-up, memory's
        // second reading) report a request that never went.
        Assert.Contains(rows, r => (r.Summary + r.Evidence()).Contains("not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_MemoryHogOverTheBudget_MemoryRowBlocksLaunch()
    {
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=test-revision", "Faults:MemoryHogMegabytes=256");

        var rows = await LiveRun.RunAsync(sample.Url, "live:\n  memory:\n    budget: 200MiB\n    load: 2\n");

        var memory = rows.Row("memory");
        Assert.Equal(CheckResult.Fail, memory.Result);
        Assert.Equal(Severity.BlocksLaunch, memory.Severity);
        Assert.Contains("over the 200.0 MiB budget", memory.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServiceEchoesASecret_SecretsRowFailsWithTheValueRedacted()
    {
        // A revision string that is really a key: /version hands it to anyone who asks.
        const string key = "sk-live-9f8e7d6c5b4a39281706";
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=" + key);

        var rows = await LiveRun.RunAsync(sample.Url, expectRevision: key, environment: new Dictionary<string, string> { ["OPENAI_API_KEY"] = key });

        var secrets = rows.Row("secrets");
        Assert.Equal(CheckResult.Fail, secrets.Result);
        Assert.Contains(secrets.Evidence, e => e.Message.Contains("GET /version", StringComparison.Ordinal) && e.Message.Contains("OPENAI_API_KEY", StringComparison.Ordinal));
        Assert.All(secrets.Evidence, e => Assert.StartsWith("sk-l…[sha256:", e.RedactedValue, StringComparison.Ordinal));
        Assert.Equal(CheckResult.Pass, rows.Row("version").Result);
        Assert.DoesNotContain(rows.SelectMany(r => r.Evidence.Select(e => e.Message).Append(r.Summary).Append(r.Test)), text => text.Contains(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Faults:ToolTimeout=true", "checks.faults.toolTimeout")]
    [InlineData("Faults:UpstreamGarbage=true", "checks.faults.upstreamGarbage")]
    public async Task RunAsync_BrokenUpstream_DegradationExercisedAndRetrievalFails(string fault, string shownAs)
    {
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=test-revision", fault, "Tools:DefaultTimeout=00:00:01");

        var rows = await LiveRun.RunAsync(sample.Url);

        var degradation = rows.Row("degradation");
        Assert.True(degradation.Result == CheckResult.Pass, degradation.Summary + "\n" + degradation.Evidence());
        Assert.Contains("degradation switches on: " + shownAs, degradation.Summary, StringComparison.Ordinal);
        var retrieval = rows.Row("retrieval");
        Assert.Equal(CheckResult.Fail, retrieval.Result);
        Assert.Equal(Severity.DegradesIt, retrieval.Severity);
        Assert.Equal(CheckResult.Pass, rows.Row("health").Result);
    }

    [Fact]
    public async Task RunAsync_NothingListening_RowsFailWithConnectionRefused()
    {
        var port = FreePort();

        var rows = await LiveRun.RunAsync(new Uri($"http://127.0.0.1:{port}/"));

        var health = rows.Row("health");
        Assert.Equal(CheckResult.Fail, health.Result);
        Assert.Contains("connection refused", health.Summary, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
