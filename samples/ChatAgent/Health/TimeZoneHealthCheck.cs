using ChatAgent.TimeZones;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatAgent.Health;

/// <summary>Without tz data every timestamp falls back to UTC: the service still works, so this degrades rather than fails.</summary>
internal sealed class TimeZoneHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(UserClock.TimeZoneDataPresent
            ? HealthCheckResult.Healthy("Time-zone data is present.")
            : HealthCheckResult.Degraded("No time-zone data (install tzdata): timestamps are shown in UTC."));
}
