using ChatAgent.Health;
using ChatAgent.Options;

namespace ChatAgent.Model;

internal static class ModelServiceCollectionExtensions
{
    public static IServiceCollection AddModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ModelOptions>(configuration);
        services.AddSingleton<ModelClientFactory>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ModelTurn>();
        services.AddHealthChecks().AddCheck<ModelHealthCheck>("model", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
