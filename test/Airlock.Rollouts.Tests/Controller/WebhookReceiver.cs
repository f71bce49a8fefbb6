using System.Collections.Concurrent;
using System.Text.Json;
using Airlock.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>A real HTTP server on a loopback port that keeps every JSON body POSTed to /hook, in arrival order.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private LoopbackApp? _app;

    private WebhookReceiver()
    {
    }

    public Uri Url => new(_app!.Address, "hook");

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    public IEnumerable<string> Kinds => Received.Select(body => body.GetProperty("kind").GetString()!);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._app = await LoopbackApp.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            receiver.Received.Enqueue(body);
            return Results.NoContent();
        }));
        return receiver;
    }

    public ValueTask DisposeAsync() => _app!.DisposeAsync();
}
