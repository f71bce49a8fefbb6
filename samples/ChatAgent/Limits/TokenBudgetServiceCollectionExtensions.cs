using ChatAgent.Health;
using ChatAgent.Options;

namespace ChatAgent.Limits;

internal static class TokenBudgetServiceCollectionExtensions
{
    public static IServiceCollection AddTokenBudget(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TokenBudgetOptions>(configuration);
        services.AddSingleton<TokenBudget>();
        services.AddHealthChecks().AddCheck<TokenBudgetHealthCheck>("tokenBudget", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
