using System.Net;
using ChatAgent.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ChatAgent.Forwarding;

internal static class ForwardingExtensions
{
    public static IServiceCollection AddForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ForwardingOptions>(configuration);
        return services;
    }

    /// <summary>Honours X-Forwarded-For only from the configured proxies; the framework's default trusts all of loopback.</summary>
    public static IApplicationBuilder UseForwarding(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<ForwardingOptions>>().Value.KnownProxies;
        if (proxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        return app.UseForwardedHeaders(options);
    }
}
