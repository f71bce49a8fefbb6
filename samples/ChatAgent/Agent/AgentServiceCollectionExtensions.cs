using ChatAgent.Faults;
using ChatAgent.Limits;
using ChatAgent.Options;
using ChatAgent.TimeZones;

namespace ChatAgent.Agent;

internal static class AgentServiceCollectionExtensions
{
    public static IServiceCollection AddAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AgentOptions>(configuration);
        services.AddSingleton<UserClock>();
        services.AddSingleton<AgentTurn>();
        services.AddSingleton<AgentRunHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgent(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/agent/run", (HttpContext context, AgentRunHandler handler) => handler.HandleAsync(context))
            .RequireRateLimiting(AgentRateLimiting.PerUserPolicy)
            .AddEndpointFilter<FaultFilter>();
        return endpoints;
    }
}
