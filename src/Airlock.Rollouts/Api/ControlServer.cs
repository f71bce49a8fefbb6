using System.Net;
using Airlock.Core.Security;
using Airlock.Rollouts.Controller;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Api;

/// <summary>
/// <c>airlock serve</c>'s HTTP API, on loopback only. Reads are open on loopback (the read-only dashboard and
/// <c>airlock status</c> need no secret); every write needs the bearer token.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    public const string LoopbackHint = "airlock serve listens on loopback only, for example http://127.0.0.1:7070";
    private readonly WebApplication _app;

    private ControlServer(WebApplication app) => _app = app;

    /// <summary>The bound address (the real port when 0 was asked for).</summary>
    public Uri Address =>
        new((_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).First());

    public static ControlServer Create(Uri listen, BearerToken token, RolloutController controller, Store.IRolloutStore store, ILoggerProvider? logs = null,
        Dashboard.SeriesBuffer? series = null)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (!IsLoopback(listen))
        {
            throw new ArgumentException($"'{listen}' is not a loopback address: {LoopbackHint}", nameof(listen));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.WebHost.UseUrls(listen.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);

            // ASP.NET Core's own per-request logs would drown the controller's decisions even with -v.
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.Services.Configure<JsonOptions>(options =>
        {
            foreach (var converter in RolloutJson.Options.Converters)
            {
                options.SerializerOptions.Converters.Add(converter);
            }

            options.SerializerOptions.DefaultIgnoreCondition = RolloutJson.Options.DefaultIgnoreCondition;
        });
        var app = builder.Build();
        var endpoints = new ControlEndpoints(token, controller, store);
        endpoints.Map(app);
        if (series is not null)
        {
            new Dashboard.DashboardEndpoints(endpoints.ReadStatusAsync, series).Map(app);
        }

        return new ControlServer(app);
    }

    public static bool IsLoopback(Uri url) =>
        url is not null && url.Scheme == Uri.UriSchemeHttp
        && (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
