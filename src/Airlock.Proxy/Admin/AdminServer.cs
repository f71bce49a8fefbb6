using Airlock.Core.Security;
using System.Net;
using Airlock.Proxy.Draining;
using Airlock.Proxy.Hosting;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Proxy.Admin;

/// <summary>
/// The admin API on its own listener, apart from the data plane, and only on a loopback address: applying a route
/// table is not something a client of the proxied service may reach, token or not.
/// </summary>
internal sealed class AdminServer : IAsyncDisposable
{
    public const string LoopbackHint = "the admin API listens on loopback only, for example http://127.0.0.1:9090";
    private readonly WebApplication _app;

    private AdminServer(WebApplication app) => _app = app;

    public IReadOnlyList<Uri> Addresses =>
        [.. (_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a))];

    /// <summary>True for an <c>http://</c> address on localhost or a loopback IP, the only ones the admin API accepts.</summary>
    public static bool IsLoopbackAddress(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        && ListenAddress.TryParse(url, out var address)
        && (address!.Address is null || IPAddress.IsLoopback(address.Address));

    public static AdminServer Create(string url, BearerToken token, RouteAdministrator routes, ProxyTelemetry telemetry, DrainTracker drains, ILoggerProvider? logs = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsLoopbackAddress(url) || !ListenAddress.TryParse(url, out var address))
        {
            throw new ArgumentException($"'{url}' is not a loopback address: {LoopbackHint}", nameof(url));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = AdminEndpoints.MaxBodyBytes;
            if (address!.Address is null)
            {
                kestrel.ListenLocalhost(address.Port, endpoint => endpoint.Protocols = HttpProtocols.Http1);
            }
            else
            {
                kestrel.Listen(address.Address, address.Port, endpoint => endpoint.Protocols = HttpProtocols.Http1);
            }
        });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var app = builder.Build();
        var endpoints = new AdminEndpoints(token, routes, telemetry, drains);
        app.Run(endpoints.HandleAsync);
        return new AdminServer(app);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
