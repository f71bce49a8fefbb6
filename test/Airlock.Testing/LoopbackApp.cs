using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Testing;

/// <summary>
/// A real Kestrel app on 127.0.0.1 at a port the OS chooses, without logging: what every stand-in server of the
/// tests (a revision, an upstream, a model provider, a webhook receiver, a page) is built on, so none of them
/// repeats the hosting set-up.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private LoopbackApp(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    /// <summary>The base address, ending in a slash: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <param name="map">Adds the app's endpoints or terminal handler.</param>
    /// <param name="configure">Changes the builder first (services, Kestrel limits), when a server needs more.</param>
    public static async Task<LoopbackApp> StartAsync(Action<WebApplication> map, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackApp(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
