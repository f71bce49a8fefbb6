using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Live;

/// <summary>The live rubric against the real sample with no fault switch on.</summary>
public sealed class LiveCheckHealthyTests(HealthySampleFixture sample) : IClassFixture<HealthySampleFixture>
{
    private static readonly Dictionary<string, string> Secrets = new() { ["OPENAI_API_KEY"] = "sk-test-0123456789abcdefghij" };

    [Fact]
    public async Task RunAsync_HealthySample_RowsPass()
    {
        var rows = await LiveRun.RunAsync(sample.Url, environment: Secrets);

        foreach (var id in new[] { "health", "known-bad-input", "version", "rate-limit", "degradation", "persona", "retrieval", "time-zone", "memory", "streaming", "secrets" })
        {
            var row = rows.Row(id);
            Assert.True(row.Result == CheckResult.Pass, $"{row.Id}: {row.Result}: {row.Summary}\n{row.Evidence()}");
        }

        Assert.Equal(CheckResult.Skipped, rows.Row("widget").Result);
        Assert.All(rows, row => Assert.False(string.IsNullOrWhiteSpace(row.Test)));
    }

    [Fact]
    public async Task RunAsync_PersonaProbes_EachRefusedByTheSamplesGuard()
    {
        var rows = await LiveRun.RunAsync(sample.Url);

        var persona = rows.Row("persona");
        Assert.Equal(CheckResult.Pass, persona.Result);
        Assert.Equal(6, persona.Evidence.Count(e => e.Message.Contains(" refused: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_CanaryTheServiceEchoes_PersonaFailsWithTheCanaryRedacted()
    {
        // The fallback answer names the support address: as a canary, it shows the output check finds and redacts it.
        const string canary = "support@chatagent.example";
        var rows = await LiveRun.RunAsync(sample.Url, "live:\n  persona:\n    canary: support@chatagent.example\n");

        var persona = rows.Row("persona");
        Assert.Equal(CheckResult.Fail, persona.Result);
        Assert.Contains(persona.Evidence, e => e.Message.Contains("contains the canary", StringComparison.Ordinal) && e.RedactedValue is not null);
        Assert.DoesNotContain(canary, persona.Evidence.Select(e => e.Message + e.RedactedValue), StringComparer.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OtherExpectedRevision_VersionFails()
    {
        var rows = await LiveRun.RunAsync(sample.Url, expectRevision: "0123456789abcdef");

        var version = rows.Row("version");
        Assert.Equal(CheckResult.Fail, version.Result);
        Assert.Contains("serving 'test-revision', expected 0123456789abcdef", version.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoExpectedRevision_ComparesWithTheRepositoryHead()
    {
        var rows = await LiveRun.RunAsync(sample.Url, expectRevision: null);

        var version = rows.Row("version");
        Assert.Equal(CheckResult.Fail, version.Result);
        Assert.Contains("(the repository's HEAD)", version.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TeamProbes_PassAndFailOnTheirOwnExpectations()
    {
        const string yaml = """
            live:
              probes:
                - name: version names the mode
                  request: { method: GET, path: /version }
                  expect: { status: 200, json: { mode: knowledge-base-only } }
                  owner: "@agents"
                - name: unknown path has the app's own 404
                  request: { path: /no-such-page }
                  expect: { status: 404, body_contains: agent.not_found }
                - name: metrics are JSON
                  request: { path: /metrics }
                  expect: { json: { revision: test-revision } }
                  severity: cosmetic
            """;

        var rows = await LiveRun.RunAsync(sample.Url, yaml);

        var mode = rows.Row("probe.version-names-the-mode");
        Assert.Equal(CheckResult.Pass, mode.Result);
        Assert.Equal("@agents", mode.Owner);
        Assert.Equal(CheckResult.Pass, rows.Row("probe.unknown-path-has-the-app-s-own-404").Result);
        var metrics = rows.Row("probe.metrics-are-json");
        Assert.Equal(CheckResult.Fail, metrics.Result);
        Assert.Contains("not JSON", metrics.Summary, StringComparison.Ordinal);
        Assert.Equal(Core.Readiness.Severity.Cosmetic, metrics.Severity);
    }

    [Fact]
    public async Task RunAsync_MaxRequestsReached_RowsStopInsteadOfSending()
    {
        var rows = await LiveRun.RunAsync(sample.Url, "live:\n  max_requests: 10\n");

        Assert.Contains(rows, r => r.Result == CheckResult.Fail && r.Summary.Contains("live.max_requests (10)", StringComparison.Ordinal));
    }
}
