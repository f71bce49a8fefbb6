namespace Airlock.Core.Deployment;

/// <summary>The unit a metric's absolute threshold is written in, which decides what <c>5</c>, <c>5%</c> or <c>5s</c> mean.</summary>
public enum MetricUnit
{
    /// <summary>A share 0-1: <c>5%</c> or <c>0.05</c>.</summary>
    Ratio,

    /// <summary>Seconds, written with a unit: <c>250ms</c>, <c>60s</c>, <c>2m</c>.</summary>
    Seconds,

    /// <summary>A plain number in the app's own unit (cost, tokens, a counter's rate per request).</summary>
    Number,
}
