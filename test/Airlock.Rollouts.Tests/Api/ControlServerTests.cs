using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Airlock.Core.Security;
using Airlock.Rollouts.Api;
using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Tests.Controller;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Api;

public sealed class ControlServerTests : IAsyncLifetime, IAsyncDisposable, IDisposable
{
    private const string Token = "test-token-0123456789abcdef";
    private readonly EngineHarness _harness = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client = new();
    private ControlServer? _server;
    private RolloutController? _controller;
    private Task? _loop;

    public async Task InitializeAsync()
    {
        await _harness.WithStableAsync();
        _controller = new RolloutController(_harness.Engine, _harness.Clock, NullLogger.Instance);
        _loop = _controller.RunAsync(_stop.Token);
        _server = ControlServer.Create(new Uri("http://127.0.0.1:0"), new BearerToken(Token), _controller, _harness.Store);
        await _server.StartAsync();
        _client.BaseAddress = _server.Address;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop!.ContinueWith(_ => { }, TaskScheduler.Default);
        await _server!.DisposeAsync();
        await _harness.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public void Dispose()
    {
        _client.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task PostRollout_NoToken_Is401WithAProblem()
    {
        using var response = await _client.PostAsJsonAsync("/api/rollouts", new { revision = "v2" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("\"code\":\"unauthorized\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(_controller!.Snapshot.Active);
    }

    [Fact]
    public async Task PostRollout_WithToken_StartsTheRolloutAndStatusShowsIt()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/rollouts", new { revision = "v2" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var status = await WaitForAsync(s => s.GetProperty("active").TryGetProperty("status", out var st) && st.GetProperty("phase").GetString() == "stepping");

        Assert.Equal("v2", status.GetProperty("active").GetProperty("candidate").GetString());
        Assert.Equal("v1", status.GetProperty("stable").GetProperty("revision").GetString());
        Assert.Contains(status.GetProperty("ledger").EnumerateArray(), e => e.GetProperty("kind").GetString() == "verified");
    }

    [Fact]
    public async Task PostAbort_DuringARollout_EndsItAborted()
    {
        using (await SendAsync(HttpMethod.Post, "/api/rollouts", new { revision = "v2" }))
        {
        }

        await WaitForAsync(s => s.TryGetProperty("active", out var a) && a.GetProperty("status").GetProperty("phase").GetString() == "stepping");
        using var abort = await SendAsync(HttpMethod.Post, "/api/rollouts/current/abort", null);
        Assert.Equal(HttpStatusCode.OK, abort.StatusCode);

        var status = await WaitForAsync(s => s.TryGetProperty("last", out var l) && l.GetProperty("status").GetProperty("phase").GetString() == "aborted");
        Assert.False(status.TryGetProperty("active", out _));
        Assert.Equal(100, _harness.Router.WeightOf("v1"));
    }

    [Fact]
    public async Task PostCommand_NothingToDo_Is409WithTheReason()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/rollouts/current/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no rollout is in progress", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCommand_UnknownAction_Is404()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/rollouts/current/explode", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("promote, approve, pause, resume, abort", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRollout_BadRevisionName_Is400()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/rollouts", new { revision = "../../etc" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetRollout_ShowsEnvironmentNamesButNeverValues()
    {
        using (await SendAsync(HttpMethod.Post, "/api/rollouts", new { revision = "v2", environment = new Dictionary<string, string> { ["API_KEY"] = "sk-do-not-show-1234" } }))
        {
        }

        var status = await WaitForAsync(s => s.TryGetProperty("active", out _));
        var id = status.GetProperty("active").GetProperty("id").GetInt64();
        var detail = await _client.GetStringAsync($"/api/rollouts/{id}");
        var list = await _client.GetStringAsync("/api/rollouts");

        Assert.Contains("API_KEY", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-do-not-show-1234", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-do-not-show-1234", list, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-do-not-show-1234", await _client.GetStringAsync("/api/status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRollout_Unknown_Is404()
    {
        using var response = await _client.GetAsync("/api/rollouts/999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Create_NonLoopbackAddress_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ControlServer.Create(new Uri("http://0.0.0.0:7070"), new BearerToken(Token), _controller!, _harness.Store));
        Assert.Contains("loopback only", error.Message, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _client.SendAsync(request);
    }

    /// <summary>Polls the status until it matches (the controller loop runs on its own), for at most 20 s.</summary>
    private async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var document = JsonDocument.Parse(await _client.GetStringAsync("/api/status"));
            if (condition(document.RootElement))
            {
                return document.RootElement.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"status never matched: {document.RootElement}");
            await Task.Delay(50);
        }
    }
}
