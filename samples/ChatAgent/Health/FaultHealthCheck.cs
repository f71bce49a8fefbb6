using ChatAgent.Faults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatAgent.Health;

/// <summary>Reports every fault switch, so a deliberately broken revision is visible as such.</summary>
internal sealed class FaultHealthCheck(IOptions<FaultOptions> options, MemoryHog memoryHog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var faults = options.Value;
        var data = new Dictionary<string, object>
        {
            ["errorRate"] = faults.ErrorRate,
            ["newErrorCode"] = faults.NewErrorCode,
            ["memoryHogBytes"] = memoryHog.HeldBytes,
            ["addedLatencyMs"] = faults.AddedLatency.TotalMilliseconds,
            ["failHealth"] = faults.FailHealth,
            ["crashOnStart"] = faults.CrashOnStart,
            ["toolTimeout"] = faults.ToolTimeout,
            ["upstreamGarbage"] = faults.UpstreamGarbage,
        };
        if (faults.FailHealth)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Faults:FailHealth is on.", data: data));
        }

        return Task.FromResult(faults.AnyOn
            ? HealthCheckResult.Degraded("Fault switches are on.", data: data)
            : HealthCheckResult.Healthy("All fault switches are off.", data));
    }
}
