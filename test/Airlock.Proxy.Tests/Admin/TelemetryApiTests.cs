using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Admin;

public sealed class TelemetryApiTests
{
    [Fact]
    public async Task Window_MixedTraffic_ReportsTheContractFields()
    {
        using var state = new TempDirectory();
        await using var v1 = await StartAppAsync();
        await using var admin = await AdminUnderTest.StartAsync(Routes(v1), state.Path);
        await SendTrafficAsync(admin);

        var body = await admin.GetJsonAsync("/admin/revisions/chat/window?last=2m");

        Assert.Equal("chat", body.GetProperty("route").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        var window = body.GetProperty("window");
        Assert.Equal(120, window.GetProperty("seconds").GetInt32());
        var span = window.GetProperty("to").GetDateTimeOffset() - window.GetProperty("from").GetDateTimeOffset();
        Assert.InRange(span, TimeSpan.FromSeconds(119), TimeSpan.FromSeconds(120));
        Assert.EndsWith("Z", window.GetProperty("to").GetString(), StringComparison.Ordinal);

        var app = Revision(body, "v1");
        Assert.Equal(1, app.GetProperty("weight").GetInt32());
        Assert.Equal("serving", app.GetProperty("state").GetString());
        Assert.Equal(0, app.GetProperty("inFlight").GetInt64());
        Assert.Equal(8, app.GetProperty("requests").GetInt64());
        Assert.Equal(3, app.GetProperty("responses").GetProperty("2xx").GetInt64());
        Assert.Equal(1, app.GetProperty("responses").GetProperty("4xx").GetInt64());
        Assert.Equal(4, app.GetProperty("responses").GetProperty("5xx").GetInt64());
        Assert.Equal(4, app.GetProperty("errors").GetInt64());
        Assert.Equal(0, app.GetProperty("transportFailures").GetInt64());
        Assert.Equal(0.5, app.GetProperty("errorRate").GetDouble());
        Assert.Equal(8, app.GetProperty("latency").GetProperty("count").GetInt64());
        Assert.True(app.GetProperty("latency").GetProperty("p99").GetDouble() > 0);
        Assert.Equal(8, app.GetProperty("timeToFirstByte").GetProperty("count").GetInt64());
        Assert.Equal(
            [("db_timeout", 2L), ("https://example.com/probs/overloaded", 1L), ("out_of_credit", 1L), ("status:500", 1L)],
            Fingerprints(app));

        var gone = Revision(body, "gone");
        Assert.Equal("serving", gone.GetProperty("state").GetString());
        Assert.Equal(2, gone.GetProperty("requests").GetInt64());
        Assert.Equal(2, gone.GetProperty("transportFailures").GetInt64());
        Assert.Equal(2, gone.GetProperty("errors").GetInt64());
        Assert.Equal(1.0, gone.GetProperty("errorRate").GetDouble());
        Assert.Equal(0, gone.GetProperty("latency").GetProperty("count").GetInt64());
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("latency").GetProperty("p50").ValueKind);
        Assert.Equal([("upstream_unreachable", 2L)], Fingerprints(gone));
    }

    [Fact]
    public async Task Revisions_AfterTraffic_CarryStateAndFingerprintsSinceStart()
    {
        using var state = new TempDirectory();
        await using var v1 = await StartAppAsync();
        await using var admin = await AdminUnderTest.StartAsync(Routes(v1), state.Path);
        await SendTrafficAsync(admin);

        var app = Revision(await admin.GetJsonAsync("/admin/revisions/chat"), "v1");

        Assert.Equal("serving", app.GetProperty("state").GetString());
        Assert.Equal(("db_timeout", 2L), Fingerprints(app)[0]);
        Assert.Equal(4, Fingerprints(app).Count);
    }

    [Fact]
    public async Task Window_StreamBrokenMidResponse_IsATransportFailureWithTheProxysCode()
    {
        using var state = new TempDirectory();
        var clientSawFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: partial\n\n");
            await context.Response.Body.FlushAsync();

            // Break off only once the response has reached the client: the status line is gone, so this is mid-stream.
            await clientSawFirst.Task.WaitAsync(TimeSpan.FromSeconds(10));
            context.Abort();
        });
        await using var admin = await AdminUnderTest.StartAsync(Routes(v1), state.Path);

        using var response = await admin.Proxy.Client.GetAsync("/agent/run", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("data: partial", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        clientSawFirst.SetResult();
        var broken = await Record.ExceptionAsync(() => reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsNotType<TimeoutException>(broken);
        Assert.NotNull(broken);
        await admin.WaitUntilNothingInFlightAsync();
        var app = Revision(await admin.GetJsonAsync("/admin/revisions/chat/window"), "v1");

        Assert.Equal(1, app.GetProperty("requests").GetInt64());
        Assert.Equal(1, app.GetProperty("transportFailures").GetInt64());
        Assert.Equal(0, app.GetProperty("responses").GetProperty("2xx").GetInt64());
        Assert.Equal(1.0, app.GetProperty("errorRate").GetDouble());
        Assert.Equal([("upstream_stream_aborted", 1L)], Fingerprints(app));
    }

    [Theory]
    [InlineData("", 60)]
    [InlineData("?last=30s", 30)]
    [InlineData("?last=15m", 900)]
    public async Task Window_Length_DefaultsToOneMinuteAndAcceptsUpToFifteen(string query, int seconds)
    {
        using var state = new TempDirectory();
        await using var v1 = await StartAppAsync();
        await using var admin = await AdminUnderTest.StartAsync(Routes(v1), state.Path);

        var body = await admin.GetJsonAsync("/admin/revisions/chat/window" + query);

        Assert.Equal(seconds, body.GetProperty("window").GetProperty("seconds").GetInt32());
        Assert.Equal(0, Revision(body, "v1").GetProperty("requests").GetInt64());
        Assert.Equal(JsonValueKind.Null, Revision(body, "v1").GetProperty("errorRate").ValueKind);
    }

    [Theory]
    [InlineData("?last=16m")]
    [InlineData("?last=two")]
    [InlineData("?last=500ms")]
    [InlineData("?last=0s")]
    [InlineData("?last=1m&last=2m")]
    public async Task Window_BadLength_Is400WithAHint(string query)
    {
        using var state = new TempDirectory();
        await using var v1 = await StartAppAsync();
        await using var admin = await AdminUnderTest.StartAsync(Routes(v1), state.Path);

        using var response = await admin.Client.GetAsync("/admin/revisions/chat/window" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_window", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("15m", problem.RootElement.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WindowAndDrain_UnknownRoute_Are404()
    {
        using var state = new TempDirectory();
        await using var v1 = await StartAppAsync();
        await using var admin = await AdminUnderTest.StartAsync(Routes(v1), state.Path);

        using var window = await admin.Client.GetAsync("/admin/revisions/nope/window");
        using var drain = await admin.Client.GetAsync("/admin/routes/nope/drain");

        Assert.Equal(HttpStatusCode.NotFound, window.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, drain.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithoutToken_CountsTrafficWithEscapedLabels()
    {
        using var state = new TempDirectory();
        await using var v1 = await StartAppAsync();
        await using var admin = await AdminUnderTest.StartAsync(Routes(v1), state.Path);
        await SendTrafficAsync(admin, "/quoted-error");

        var text = await ScrapeAsync(admin);

        Assert.Equal(3, Value(text, """airlock_proxy_requests_total{route="chat",revision="v1",code_class="2xx"}"""));
        Assert.Equal(5, Value(text, """airlock_proxy_requests_total{route="chat",revision="v1",code_class="5xx"}"""));
        Assert.Equal(2, Value(text, """airlock_proxy_requests_total{route="chat",revision="gone",code_class="transport_failure"}"""));
        Assert.Equal(5, Value(text, """airlock_proxy_errors_total{route="chat",revision="v1"}"""));
        Assert.Equal(2, Value(text, """airlock_proxy_transport_failures_total{route="chat",revision="gone"}"""));
        Assert.Equal(0, Value(text, """airlock_proxy_in_flight_requests{route="chat",revision="v1"}"""));
        Assert.Equal(9, Value(text, """airlock_proxy_request_duration_seconds_count{route="chat",revision="v1"}"""));
        Assert.True(Value(text, """airlock_proxy_request_duration_seconds{route="chat",revision="v1",quantile="0.99"}""") > 0);
        Assert.Equal(1, Value(text, """airlock_proxy_route_weight{route="chat",revision="v1"}"""));
        Assert.Equal(0, Value(text, """airlock_proxy_route_weight{route="chat",revision="gone"}"""));
        Assert.Equal(1, Value(text, """airlock_proxy_revision_state{route="chat",revision="v1",state="serving"}"""));
        Assert.Equal(2, Value(text, """airlock_proxy_error_fingerprints_total{route="chat",revision="v1",fingerprint="db_timeout"}"""));
        Assert.Equal(1, Value(text, """airlock_proxy_error_fingerprints_total{route="chat",revision="v1",fingerprint="say\"hi\"C:\\x"}"""));
        Assert.True(Value(text, """airlock_proxy_bytes_sent_total{route="chat",revision="v1"}""") > 0);
        Assert.Contains("# TYPE airlock_proxy_request_duration_seconds summary", text, StringComparison.Ordinal);
    }

    [PromtoolFact]
    public async Task Metrics_AfterTraffic_PassesPromtoolCheck()
    {
        using var state = new TempDirectory();
        await using var v1 = await StartAppAsync();
        await using var admin = await AdminUnderTest.StartAsync(Routes(v1), state.Path);
        await SendTrafficAsync(admin, "/quoted-error");
        var text = await ScrapeAsync(admin);

        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"promtool check metrics:\n{output}\n---\n{text}");
    }

    private static async Task<string> ScrapeAsync(AdminUnderTest admin)
    {
        using var client = new HttpClient { BaseAddress = admin.Admin.Addresses[0] };
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    private static double Value(string text, string series)
    {
        var lines = text.Split('\n').Where(l => l.StartsWith(series + " ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one '{series}' line in:\n{text}");
        return double.Parse(lines[0][(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static JsonElement Revision(JsonElement body, string name) =>
        body.GetProperty("revisions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static List<(string, long)> Fingerprints(JsonElement revision) =>
        [.. revision.GetProperty("fingerprints").EnumerateArray().Select(f => (f.GetProperty("key").GetString()!, f.GetProperty("count").GetInt64()))];

    /// <summary>An app that answers by path: successes, errors with its own codes in a header or a problem body, plain 5xx.</summary>
    private static Task<UpstreamServer> StartAppAsync() => UpstreamServer.StartAsync("v1", async context =>
    {
        var response = context.Response;
        switch (context.Request.Path.Value)
        {
            case "/header-error":
                response.StatusCode = 500;
                response.Headers["X-Error-Code"] = "db_timeout";
                await response.WriteAsync("database timed out");
                break;
            case "/quoted-error":
                response.StatusCode = 500;
                response.Headers["X-Error-Code"] = "say\"hi\"C:\\x";
                break;
            case "/problem":
                // Chunked: no Content-Length, written in two pieces.
                response.StatusCode = 422;
                response.ContentType = "application/problem+json";
                await response.WriteAsync("""{"type":"https://example.com/probs/out-of-credit",""");
                await response.Body.FlushAsync();
                await response.WriteAsync(""" "title":"No credit left","code":"out_of_credit"}""");
                break;
            case "/problem-type":
                var body = """{"type":"https://example.com/probs/overloaded","title":"Busy"}"""u8.ToArray();
                response.StatusCode = 503;
                response.ContentType = "application/problem+json";
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body);
                break;
            case "/plain-error":
                response.StatusCode = 500;
                break;
            default:
                await response.WriteAsync("ok");
                break;
        }
    });

    /// <summary>v1 takes the weighted traffic; "gone" (a closed port) only requests in its ring.</summary>
    private static string Routes(UpstreamServer app) => $"""
        version: 1
        routes:
          - name: chat
            revisions:
              - name: v1
                upstream: {app.Address}
                weight: 1
              - name: gone
                upstream: http://127.0.0.1:{Forwarding.ForwardingTests.ClosedLoopbackPort()}
                weight: 0
            rings:
              - revision: gone
                header: X-Airlock-Ring
                values: [gone]
        """;

    /// <summary>3 successes, 2 header-coded 500s, a 422 and a 503 problem, a plain 500 on v1; 2 unreachable on "gone".</summary>
    private static async Task SendTrafficAsync(AdminUnderTest admin, params string[] morePaths)
    {
        foreach (var path in new[] { "/ok", "/ok", "/ok", "/header-error", "/header-error", "/problem", "/problem-type", "/plain-error" }.Concat(morePaths))
        {
            using var response = await admin.Proxy.Client.GetAsync(path);
            await response.Content.ReadAsStringAsync();
        }

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("X-Airlock-Ring", "gone");
            using var response = await admin.Proxy.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        await admin.WaitUntilNothingInFlightAsync();
    }
}
