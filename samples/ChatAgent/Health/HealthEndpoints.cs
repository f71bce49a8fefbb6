using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatAgent.Health;

internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddAgentHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<KnowledgeBaseHealthCheck>("knowledgeBase", tags: [ReadyTag])
            .AddCheck<TimeZoneHealthCheck>("timeZones", tags: [ReadyTag])
            .AddCheck<FaultHealthCheck>("faults", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapAgentHealth(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no checks: the process answering is the whole signal, and a model outage must not restart it.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = ReadinessResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                // Degraded still serves traffic (UTC timestamps, empty knowledge base, fault switches shown).
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }
}
