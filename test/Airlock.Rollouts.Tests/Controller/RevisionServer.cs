using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>
/// A real HTTP server on a loopback port standing in for one revision: a health endpoint that can be made to fail
/// and the sample's known-bad-input answer, which can be broken to fail verification.
/// </summary>
internal sealed class RevisionServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RevisionServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public int Port => Url.Port;

    public volatile bool Healthy = true;

    public volatile bool BreakKnownBadInput;

    public static async Task<RevisionServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        RevisionServer? server = null;
        app.MapGet("/health/ready", () => server!.Healthy ? Results.Text("Healthy") : Results.Text("Unhealthy", statusCode: 503));
        app.MapPost("/agent/run", () => server!.BreakKnownBadInput
            ? Results.Text("oops", statusCode: 500)
            : Results.Json(new { code = "agent.empty_body" }, statusCode: 400));
        await app.StartAsync();
        server = new RevisionServer(app, new Uri(app.Urls.First()));
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
