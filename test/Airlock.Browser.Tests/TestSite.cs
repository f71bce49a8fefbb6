using Airlock.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airlock.Browser.Tests;

/// <summary>A few fixed pages on Kestrel, loopback port 0; any other path is a 404.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly LoopbackApp _app;

    private TestSite(LoopbackApp app) => _app = app;

    public Uri Address => _app.Address;

    public Uri Url(string path) => new(Address, path);

    /// <param name="pages">Path → (content type, body, Content-Security-Policy or null).</param>
    public static async Task<TestSite> StartAsync(Dictionary<string, (string ContentType, string Body, string? Csp)> pages) =>
        new(await LoopbackApp.StartAsync(app => app.Run(async context =>
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
        })));

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
