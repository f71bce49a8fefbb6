using ChatAgent.Options;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace ChatAgent.Widget;

internal static class WidgetCors
{
    // Fetch hides every response header outside the CORS safelist; without this a widget on another site would get
    // a 429 and no way to say when to retry.
    private static readonly string[] ExposedHeaders = ["Retry-After"];

    public static IServiceCollection AddWidgetCors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WidgetOptions>(configuration);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<WidgetOptions>>((cors, widget) =>
        {
            var options = widget.Value;
            if (options.AllowedOrigins.Count == 0)
            {
                return;
            }

            cors.AddDefaultPolicy(policy =>
            {
                if (options.AllowsAnyOrigin)
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. options.AllowedOrigins]);
                }

                // The widget sends JSON without cookies (credentials: 'omit'), so no credentialed policy is needed.
                policy.WithMethods(HttpMethods.Post, HttpMethods.Get)
                    .WithHeaders("Content-Type", "Accept")
                    .WithExposedHeaders(ExposedHeaders)
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
            });
        });
        return services;
    }

    /// <summary>
    /// Before the rate limiter and the error handlers, so a 429 or a problem body reaches a cross-origin widget readable
    /// (the CORS headers are added as the response starts, and survive the exception handler's re-execution).
    /// </summary>
    public static IApplicationBuilder UseWidgetCors(this IApplicationBuilder app) => app.UseCors();
}
