using ChatAgent.Options;

namespace ChatAgent.Faults;

internal static class FaultServiceCollectionExtensions
{
    public static IServiceCollection AddFaults(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FaultOptions>(configuration);
        services.AddHostedService<StartupFaultGate>();
        services.AddSingleton<MemoryHog>();
        services.AddHostedService(sp => sp.GetRequiredService<MemoryHog>());
        return services;
    }
}
