using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Metrics.Prometheus;
using Airlock.Rollouts.Routing;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Metrics;

/// <summary>What the controller needs to steer and judge one service, wired from airlock.yaml.</summary>
internal sealed record RolloutSignals(AirlockProxyRouter Router, IMetricSource Metrics, RolloutJudge Judge)
{
    /// <param name="adminTokenFile">The proxy's <c>admin.token</c> (in its state folder, for example <c>.airlock/proxy/admin.token</c>).</param>
    /// <param name="http">Shared, owned by the caller; no base address (every call names its URL).</param>
    public static RolloutSignals Create(DeploymentSpec spec, string adminTokenFile, HttpClient http, TimeProvider time, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(logs);
        var admin = new ProxyAdminClient(http, new ProxyAdminOptions(spec.Route.Admin, adminTokenFile), time, logs.CreateLogger<ProxyAdminClient>());
        var router = new AirlockProxyRouter(admin, spec.Service.Name, spec.Route, logs.CreateLogger<AirlockProxyRouter>());
        var scraper = new PrometheusScrapeSource(http, router, time, logs.CreateLogger<PrometheusScrapeSource>());
        var appMetrics = spec.Analysis.Rollback.Concat(spec.Analysis.Warn)
            .Where(c => c.Metric == ConditionMetric.App && c.AppMetric is not null)
            .Select(c => c.AppMetric!)
            .ToList();
        var server = spec.Analysis.PrometheusUrl is { } url ? new PrometheusServerSource(http, url, appMetrics) : null;
        var metrics = new CompositeMetricSource(new ProxyWindowSource(admin), scraper, server, logs.CreateLogger<CompositeMetricSource>());
        return new RolloutSignals(router, metrics, new RolloutJudge());
    }
}
