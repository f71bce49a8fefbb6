using System.Text.Json;
using Airlock.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebSockets;

namespace Airlock.Proxy.Tests;

/// <summary>A real Kestrel revision on a loopback port chosen by the OS; by default it echoes what it received.</summary>
internal sealed class UpstreamServer : IAsyncDisposable
{
    private LoopbackApp? _app;
    private int _requests;

    private UpstreamServer(string name) => Name = name;

    public string Name { get; }

    public Uri Address => _app!.Address;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<UpstreamServer> StartAsync(string name, RequestDelegate? handler = null)
    {
        var server = new UpstreamServer(name);
        var inner = handler ?? server.EchoAsync;
        server._app = await LoopbackApp.StartAsync(
            app =>
            {
                // Lets a handler accept WebSocket upgrades (context.WebSockets); plain requests pass straight through.
                app.UseWebSockets();
                app.Run(context =>
                {
                    Interlocked.Increment(ref server._requests);
                    context.Response.Headers["X-Revision"] = name;
                    return inner(context);
                });
            },
            builder =>
            {
                builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
                builder.Services.AddWebSockets(_ => { });
            });
        return server;
    }

    public ValueTask DisposeAsync() => _app!.DisposeAsync();

    private async Task EchoAsync(HttpContext context)
    {
        long bodyLength = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            bodyLength += read;
        }

        var echo = new EchoedRequest(
            Name,
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            bodyLength);
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, echo, cancellationToken: context.RequestAborted);
    }
}
