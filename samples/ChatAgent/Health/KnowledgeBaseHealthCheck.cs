using ChatAgent.KnowledgeBase;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatAgent.Health;

internal sealed class KnowledgeBaseHealthCheck(KnowledgeBaseStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        if (snapshot is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The knowledge base is not loaded."));
        }

        var data = new Dictionary<string, object>
        {
            ["documents"] = snapshot.Documents,
            ["passages"] = snapshot.Index.Count,
            ["bytes"] = snapshot.Bytes,
        };

        // An empty knowledge base still serves: every answer is an honest "I don't know".
        return Task.FromResult(snapshot.Index.Count == 0
            ? HealthCheckResult.Degraded("The knowledge base is empty: every question gets \"I don't know\".", data: data)
            : HealthCheckResult.Healthy("The knowledge base is loaded.", data));
    }
}
