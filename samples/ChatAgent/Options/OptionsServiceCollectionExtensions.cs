using Microsoft.Extensions.Options;

namespace ChatAgent.Options;

internal static class OptionsServiceCollectionExtensions
{
    /// <summary>Binds a section, validates it with every error collected, and fails startup when it is wrong.</summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration)
        where TOptions : class, IValidatableOptions
    {
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(TOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, CollectingOptionsValidator<TOptions>>();
        return services;
    }
}
