using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Browser.Tests;

/// <summary>A few fixed pages on Kestrel, loopback port 0; any other path is a 404.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestSite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri Url(string path) => new(Address, path);

    /// <param name="pages">Path → (content type, body, Content-Security-Policy or null).</param>
    public static async Task<TestSite> StartAsync(Dictionary<string, (string ContentType, string Body, string? Csp)> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            if (!pages.TryGetValue(context.Request.Path.Value ?? "/", out var page))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (page.Csp is not null)
            {
                context.Response.Headers.ContentSecurityPolicy = page.Csp;
            }

            context.Response.ContentType = page.ContentType;
            await context.Response.WriteAsync(page.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestSite(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
