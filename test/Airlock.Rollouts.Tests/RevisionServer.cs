using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Tests;

/// <summary>A real Kestrel revision on a loopback port chosen by the OS; answers its name, or runs a handler.</summary>
internal sealed class RevisionServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RevisionServer(WebApplication app, string name, Uri address)
    {
        _app = app;
        Name = name;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public static async Task<RevisionServer> StartAsync(string name, RequestDelegate? handler = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler ?? (context => context.Response.WriteAsync(name)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RevisionServer(app, name, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
