using System.Security.Cryptography.X509Certificates;
using Airlock.Proxy.Draining;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Routing;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Proxy.Hosting;

/// <summary>
/// <c>airlock proxy</c>'s data plane on Kestrel: owns the route table, the outgoing connection pool and the server.
/// </summary>
internal sealed class ProxyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _client;
    private readonly ITimer _windowSweep;

    private ProxyServer(WebApplication app, HttpMessageInvoker client, RouteTableHolder routes, ProxyTelemetry telemetry, DrainTracker drains)
    {
        _app = app;
        _client = client;
        Routes = routes;
        Telemetry = telemetry;
        Drains = drains;

        // Once a minute: windows of revisions idle for 15 minutes are dropped, so memory follows the revisions serving now.
        _windowSweep = telemetry.Time.CreateTimer(static state => ((ProxyTelemetry)state!).ReleaseIdleWindows(), telemetry, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public RouteTableHolder Routes { get; }

    public ProxyTelemetry Telemetry { get; }

    public DrainTracker Drains { get; }

    public TimeProvider Time => Telemetry.Time;

    /// <summary>The bound addresses once started (port 0 resolved to the real port).</summary>
    public IReadOnlyList<Uri> Addresses =>
        [.. (_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a))];

    /// <param name="urls">Listen addresses such as <c>http://127.0.0.1:8080</c> (<see cref="ListenAddress"/>); port 0 picks a free port.</param>
    /// <param name="certificate">The certificate (with its private key) for <c>https://</c> addresses.</param>
    public static ProxyServer Create(ProxyConfig config, IEnumerable<string> urls, TimeProvider time, ILoggerProvider? logs = null, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var listen = urls.Select(url => ListenAddress.TryParse(url, out var address)
            ? address!
            : throw new ArgumentException($"'{url}' is not a listen address: {ListenAddress.Hint}", nameof(urls))).ToList();
        if (certificate is null && listen.Any(address => address.Tls))
        {
            throw new ArgumentException("https:// listen addresses need a certificate.", nameof(certificate));
        }

        var forwarding = config.Forwarding;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = forwarding.MaxRequestBodySize;
            kestrel.Limits.MaxRequestHeadersTotalSize = forwarding.MaxRequestHeadersTotalSize;
            foreach (var address in listen)
            {
                void Configure(ListenOptions endpoint)
                {
                    endpoint.Protocols = address.Protocols;
                    if (address.Tls)
                    {
                        // HTTP/1.1 and HTTP/2 on one port: the client picks by ALPN in the TLS handshake.
                        endpoint.UseHttps(certificate!);
                    }
                }

                if (address.Address is null)
                {
                    kestrel.ListenLocalhost(address.Port, Configure);
                }
                else
                {
                    kestrel.Listen(address.Address, address.Port, Configure);
                }
            }
        });
        if (certificate is not null)
        {
            // The slim Kestrel (UseKestrelCore) leaves TLS out unless asked for.
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var app = builder.Build();
        var client = ForwarderHttpClient.Create(forwarding);
        var telemetry = new ProxyTelemetry(time, forwarding.ErrorCodeHeader);
        var drains = new DrainTracker(telemetry, time, forwarding.DrainTimeout, app.Services.GetRequiredService<ILogger<DrainTracker>>());
        var routes = new RouteTableHolder(config.Routes, drains.OnSwapped);
        var selector = new RouteSelector(new ConversationAffinity(time, config.ConversationCapacity, config.ConversationIdleExpiry));
        var forwarder = new HttpForwarder(client, forwarding, time, app.Services.GetRequiredService<ILogger<HttpForwarder>>());
        var handler = new ProxyRequestHandler(routes, selector, forwarder, telemetry, drains, time);
        app.Run(handler.HandleAsync);
        return new ProxyServer(app, client, routes, telemetry, drains);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _windowSweep.DisposeAsync();
        await _app.DisposeAsync();
        _client.Dispose();
        Drains.Dispose();
    }
}
