using Airlock.Core.Config;
using Airlock.Core.Config.Live;
using Airlock.Core.Readiness;

namespace Airlock.Core.Tests.Config;

public sealed class LiveConfigTests
{
    [Fact]
    public void Parse_NoLiveSection_DefaultsFitTheSample()
    {
        var live = AirlockConfigLoader.Parse("version: 1\n", "airlock.yaml").Live;

        Assert.Equal("/health/ready", live.Health.Ready);
        Assert.Equal("/agent/run", live.Turn.Path);
        Assert.Equal(400, live.KnownBad.Expect.Status);
        Assert.Equal("agent.malformed_body", live.KnownBad.Expect.Json["code"]);
        Assert.Equal(LiveMemoryConfig.DefaultBudget, live.Memory.Budget);
        Assert.Null(live.UserHeader);
    }

    [Fact]
    public void Parse_FullLiveSection_ReadsEveryKey()
    {
        const string yaml = """
            live:
              timeout: 5s
              deadline: 40s
              max_requests: 100
              user_header: X-Forwarded-For
              health: { live: /livez, ready: /readyz }
              turn: { path: /chat, message_field: text, time_zone_field: tz, stream_field: sse, answer_field: reply.text, done_event: end }
              known_bad:
                request: { method: post, path: /chat, headers: { Content-Type: application/json }, body: "[]" }
                expect: { status: 422, body_contains: invalid, json: { "error.code": bad_input } }
              version: { path: /about, field: build.commit, expect: abc1234 }
              rate_limit: { burst: 12, message: hi }
              degradation: { messages: [slow tool please], switches: [faults.slow] }
              persona: { messages: [be evil], refused_field: safety.refused, canary: CANARY-1, canary_env: MY_CANARY }
              retrieval: { answerable: [a?], unanswerable: [b?], citations_field: sources, answered_field: ok }
              time_zone: { zone: America/Sao_Paulo, message: hey, field: meta.time }
              memory: { metrics: /prom, metric: rss_bytes, budget: 1GiB, load: 3 }
              widget: { page: /chat.html, message: hello }
              streaming: { message: tell me, minimum_span: 50ms }
              secrets: { names: [PAYMENTS_KEY], name_suffixes: false }
              probes:
                - name: Pricing page answers
                  request: { path: /pricing }
                  expect: { status: 200, body_contains: EUR }
                  severity: cosmetic
                  step: deploy
                  owner: "@web"
                  fix: redeploy the static site
            """;

        var live = AirlockConfigLoader.Parse(yaml, "airlock.yaml").Live;

        Assert.Equal(TimeSpan.FromSeconds(5), live.Timeout);
        Assert.Equal(100, live.MaxRequests);
        Assert.Equal("X-Forwarded-For", live.UserHeader);
        Assert.Equal("/readyz", live.Health.Ready);
        Assert.Equal("reply.text", live.Turn.AnswerField);
        Assert.Equal("POST", live.KnownBad.Request.Method);
        Assert.Equal("bad_input", live.KnownBad.Expect.Json["error.code"]);
        Assert.Equal("abc1234", live.Version.Expect);
        Assert.Equal(12, live.RateLimit.Burst);
        Assert.Equal("CANARY-1", live.Persona.Canary);
        Assert.Equal("a?", Assert.Single(live.Retrieval.Answerable));
        Assert.Equal("America/Sao_Paulo", live.TimeZone.Zone);
        Assert.Equal(1024L * 1024 * 1024, live.Memory.Budget);
        Assert.Equal(TimeSpan.FromMilliseconds(50), live.Streaming.MinimumSpan);
        Assert.False(live.Secrets.NameSuffixes);
        var probe = Assert.Single(live.Probes);
        Assert.Equal(Severity.Cosmetic, probe.Severity);
        Assert.Equal("@web", probe.Owner);
        Assert.Equal(22, probe.Location.Line);
    }

    [Fact]
    public void Parse_BadLiveSection_ReportsEveryErrorWithLineAndHint()
    {
        const string yaml = """
            live:
              timout: 5s
              health:
                ready: http://evil.example/health
              version: { field: "a..b" }
              time_zone: { zone: Mars/Base }
              probes:
                - name: x
                  request: { path: //other.host/x, headers: { Host: other } }
                  expect: { status: 999 }
                - request: { path: /y }
            """;

        var error = Assert.Throws<ConfigException>(() => AirlockConfigLoader.Parse(yaml, "airlock.yaml"));

        Assert.Contains(error.Errors, e => e.Location.Line == 2 && e.Message == "unknown key 'timout' in live." && e.Hint == "did you mean 'timeout'?");
        Assert.Contains(error.Errors, e => e.Location.Line == 4 && e.Message.Contains("starting with a single '/'", StringComparison.Ordinal) && e.Hint!.Contains("--live URL's origin", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Location.Line == 5 && e.Hint == JsonValuePath.Hint);
        Assert.Contains(error.Errors, e => e.Location.Line == 6 && e.Message.Contains("Mars/Base", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Location.Line == 9 && e.Message.Contains("//other.host/x", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Location.Line == 9 && e.Message == "a probe cannot set the Host header.");
        Assert.Contains(error.Errors, e => e.Location.Line == 10 && e.Message.Contains("between 100 and 599", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Location.Line == 11 && e.Message == "a probe needs a 'name'.");
    }

    [Theory]
    [InlineData("timestamp.local", true)]
    [InlineData("citations[0].source", true)]
    [InlineData("citations.length", true)]
    [InlineData("a..b", false)]
    [InlineData("$..x", false)]
    [InlineData("", false)]
    public void IsValid_Paths_AcceptsOnlyTheSimpleSyntax(string path, bool valid) =>
        Assert.Equal(valid, JsonValuePath.IsValid(path));

    [Fact]
    public void Find_PathsIntoADocument_ReturnValuesAndLengths()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"a":{"b":[{"c":1},{"c":true}]},"list":[1,2,3]}""");

        Assert.Equal("true", JsonValuePath.Text(JsonValuePath.Find(document.RootElement, "a.b[1].c")!.Value));
        Assert.Equal("3", JsonValuePath.Text(JsonValuePath.Find(document.RootElement, "list.length")!.Value));
        Assert.Null(JsonValuePath.Find(document.RootElement, "a.b[5].c"));
        Assert.Null(JsonValuePath.Find(document.RootElement, "a.x"));
    }
}
