using ChatAgent.Faults;
using ChatAgent.Options;
using Microsoft.Extensions.Options;

namespace ChatAgent.Tools;

internal static class ToolServiceCollectionExtensions
{
    public static IServiceCollection AddAgentTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ToolOptions>(configuration);
        services.AddSingleton<IAgentTool, ClockTool>();
        services.AddSingleton<IAgentTool, KnowledgeBaseSearchTool>();
        // Tools pass through the fault switches (Faults:ToolTimeout, Faults:UpstreamGarbage); with both off they are not wrapped.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ToolRunner>(
            sp,
            FaultInjectingTool.Wrap(sp.GetServices<IAgentTool>(), sp.GetRequiredService<IOptions<FaultOptions>>().Value)));
        return services;
    }
}
