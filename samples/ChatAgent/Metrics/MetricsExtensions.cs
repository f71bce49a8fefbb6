namespace ChatAgent.Metrics;

internal static class MetricsExtensions
{
    public static IServiceCollection AddAgentMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<ServiceRevision>();
        services.AddSingleton<AgentMetrics>();
        services.AddSingleton<PrometheusExporter>();
        return services;
    }

    /// <summary>Counts and times every request, by route template (never the raw path, which could hold user data).</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<AgentMetrics>();
        var time = app.ApplicationServices.GetRequiredService<TimeProvider>();

        // The exporter must listen before the first measurement, not at the first scrape.
        app.ApplicationServices.GetRequiredService<PrometheusExporter>();
        return app.Use(async (context, next) =>
        {
            var start = time.GetTimestamp();

            // Read before the app runs: the exception handler clears the endpoint when it re-executes.
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            try
            {
                await next(context);
            }
            finally
            {
                metrics.Requests.Add(1, new("route", route), new("status", context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                metrics.RequestDuration.Record(time.GetElapsedTime(start).TotalSeconds, new KeyValuePair<string, object?>("route", route));
            }
        });
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (PrometheusExporter exporter) =>
            TypedResults.Text(exporter.Write(), "text/plain; version=0.0.4; charset=utf-8"));
        return endpoints;
    }
}
