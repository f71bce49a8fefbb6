namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>Text that is not the Prometheus exposition format, with the line (1-based) where it went wrong.</summary>
internal sealed class PrometheusFormatException(int line, string message)
    : Exception($"line {line}: {message}")
{
    public int Line { get; } = line;
}
