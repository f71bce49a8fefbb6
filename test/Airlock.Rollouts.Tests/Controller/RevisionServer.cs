using Airlock.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>
/// A real HTTP server on a loopback port standing in for one revision: a health endpoint that can be made to fail
/// and the sample's known-bad-input answer, which can be broken to fail verification.
/// </summary>
internal sealed class RevisionServer : IAsyncDisposable
{
    private LoopbackApp? _app;

    private RevisionServer()
    {
    }

    public Uri Url => _app!.Address;

    public int Port => Url.Port;

    public volatile bool Healthy = true;

    public volatile bool BreakKnownBadInput;

    public static async Task<RevisionServer> StartAsync()
    {
        var server = new RevisionServer();
        server._app = await LoopbackApp.StartAsync(app =>
        {
            app.MapGet("/health/ready", () => server.Healthy ? Results.Text("Healthy") : Results.Text("Unhealthy", statusCode: 503));
            app.MapPost("/agent/run", () => server.BreakKnownBadInput
                ? Results.Text("oops", statusCode: 500)
                : Results.Json(new { code = "agent.empty_body" }, statusCode: 400));
        });
        return server;
    }

    public ValueTask DisposeAsync() => _app!.DisposeAsync();
}
