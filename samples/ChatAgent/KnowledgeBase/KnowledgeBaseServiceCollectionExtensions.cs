using ChatAgent.Options;

namespace ChatAgent.KnowledgeBase;

internal static class KnowledgeBaseServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<KnowledgeBaseOptions>(configuration);
        services.AddSingleton<KnowledgeBaseStore>();
        services.AddHostedService<KnowledgeBaseLoader>();
        return services;
    }
}
