using ChatAgent.Options;

namespace ChatAgent.Tools;

internal static class ToolServiceCollectionExtensions
{
    public static IServiceCollection AddAgentTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ToolOptions>(configuration);
        services.AddSingleton<IAgentTool, ClockTool>();
        services.AddSingleton<IAgentTool, KnowledgeBaseSearchTool>();
        services.AddSingleton<ToolRunner>();
        return services;
    }
}
