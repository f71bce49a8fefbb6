using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatAgent.Model;

/// <summary>
/// Which model answers, as readiness data: provider, model, endpoint, the key redacted to a prefix and a hash. A provider
/// configured without its key degrades (the agent answers from its knowledge base) rather than failing: a missing
/// secret must not take the whole service down, but it must not look healthy either.
/// </summary>
internal sealed class ModelHealthCheck(IOptions<ModelOptions> options, ModelTurn model) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var value = options.Value;
        var data = new Dictionary<string, object>
        {
            ["provider"] = value.NormalizedProvider,
            ["contextWindowTokens"] = value.ContextWindowTokens,
            ["maxOutputTokens"] = value.MaxOutputTokens,
        };
        if (value.NormalizedProvider != ModelProviders.None)
        {
            data["name"] = value.Name ?? "";
            data["baseUrl"] = value.DisplayBaseUrl;
            data["apiKey"] = SecretRedactor.Redact(value.ApiKey);
            data["priced"] = value.Price is not null;
        }

        if (value.MissingCredential() is { } missing)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"{missing}: answering from the knowledge base only.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(
            model.Enabled ? "A model answers, with the knowledge base as context." : "No model is configured: answering from the knowledge base only.",
            data));
    }
}
