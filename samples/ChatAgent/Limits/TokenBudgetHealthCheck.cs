using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatAgent.Limits;

/// <summary>The global token budget left in this window; spent, the agent still answers health probes but turns get 429.</summary>
internal sealed class TokenBudgetHealthCheck(TokenBudget budget) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = budget.Snapshot();
        var data = new Dictionary<string, object>
        {
            ["globalTokensLeft"] = snapshot.GlobalTokensLeft,
            ["globalTokensPerWindow"] = snapshot.GlobalTokensPerWindow,
            ["userTokensPerWindow"] = snapshot.UserTokensPerWindow,
            ["resetsInSeconds"] = Math.Ceiling(snapshot.ResetsIn.TotalSeconds),
        };
        return Task.FromResult(snapshot.GlobalTokensLeft > 0
            ? HealthCheckResult.Healthy("Token budget left.", data)
            : HealthCheckResult.Degraded("The global token budget is spent: model turns get 429 until the window resets.", data: data));
    }
}
