using ChatAgent.Agent;
using ChatAgent.Options;
using Microsoft.Extensions.Options;

namespace ChatAgent.Guard;

internal static class GuardServiceCollectionExtensions
{
    public static IServiceCollection AddGuard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<GuardOptions>(configuration);
        services.AddSingleton<IPostConfigureOptions<AgentOptions>, CanaryPostConfigure>();
        services.AddSingleton(sp => new PromptGuard(GuardRuleSet.Default, sp.GetRequiredService<IOptions<GuardOptions>>().Value.Threshold));
        services.AddSingleton<SystemPromptLeakCheck>();
        services.AddSingleton<GuardMetrics>();
        services.AddSingleton<TurnGuard>();
        return services;
    }
}
