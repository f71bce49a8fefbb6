namespace Airlock.Rollouts.Metrics;

/// <summary>The keys of <see cref="RevisionWindow.AppSignals"/> that conditions read.</summary>
internal static class AppSignalNames
{
    public const string CostPerRequest = "cost_per_request";

    public const string TokensPerRequest = "tokens_per_request";

    public const string ContextUtilisation = "context_utilisation";

    /// <summary>Any signal from a revision's /metrics: a counter's rate per request, or a gauge's value.</summary>
    public static string App(string prometheusName) => "app:" + prometheusName;
}
