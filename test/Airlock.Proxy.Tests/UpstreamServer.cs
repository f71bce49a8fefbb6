using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Proxy.Tests;

/// <summary>A real Kestrel revision on a loopback port chosen by the OS; by default it echoes what it received.</summary>
internal sealed class UpstreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private UpstreamServer(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    public Uri Address { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<UpstreamServer> StartAsync(string name, RequestDelegate? handler = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWebSockets(_ => { });
        var app = builder.Build();
        // Lets a handler accept WebSocket upgrades (context.WebSockets); plain requests pass straight through.
        app.UseWebSockets();
        var server = new UpstreamServer(app, name);
        var inner = handler ?? server.EchoAsync;
        app.Run(context =>
        {
            Interlocked.Increment(ref server._requests);
            context.Response.Headers["X-Revision"] = name;
            return inner(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

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
