namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>The <c># TYPE</c> of a metric family in the Prometheus text format; untyped when not declared.</summary>
internal enum PrometheusMetricType
{
    Untyped,
    Counter,
    Gauge,
    Histogram,
    Summary,
}
