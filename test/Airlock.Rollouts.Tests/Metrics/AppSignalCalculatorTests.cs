using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Metrics.Prometheus;

namespace Airlock.Rollouts.Tests.Metrics;

public sealed class AppSignalCalculatorTests
{
    private static readonly TimeSpan Span = TimeSpan.FromSeconds(30);

    [Fact]
    public void Compute_ChatModelCounters_CostTokensAndUtilisationPerTurn()
    {
        var earlier = PrometheusTextParser.Parse(ChatModelExposition.Write("v3", 100, 4, 1.0, 40_000, 9_000, 30, 104));
        var later = PrometheusTextParser.Parse(ChatModelExposition.Write("v3", 136, 4, 1.9, 52_000, 12_600, 48, 140));

        var signals = AppSignalCalculator.Compute(earlier, later, requests: null, Span);

        Assert.Equal(0.9 / 36, signals.Values[AppSignalNames.CostPerRequest], 12);
        Assert.Equal(15_600.0 / 36, signals.Values[AppSignalNames.TokensPerRequest], 9);
        Assert.Equal(0.5, signals.Values[AppSignalNames.ContextUtilisation], 12);
        Assert.Equal(36, signals.Samples[AppSignalNames.CostPerRequest]);
        Assert.Equal(36, signals.Samples[AppSignalNames.ContextUtilisation]);
        Assert.Equal(1, signals.Values["app:chatagent_turns_total"]);
        Assert.Equal(1, signals.Values["app:chatagent_build_info"]);
        Assert.Equal(Span, signals.Span);
    }

    [Fact]
    public void Compute_WithProxyRequests_AppCountersArePerProxiedRequest()
    {
        var earlier = PrometheusTextParser.Parse(ChatModelExposition.Write("v3", 0, 0, 0, 0, 0, 0, 0, widgets: 10));
        var later = PrometheusTextParser.Parse(ChatModelExposition.Write("v3", 40, 0, 0.4, 100, 100, 4, 40, widgets: 35));

        var signals = AppSignalCalculator.Compute(earlier, later, requests: 50, Span);

        Assert.Equal(0.5, signals.Values["app:myapp_widgets_total"]);
        Assert.Equal(50, signals.Samples["app:myapp_widgets_total"]);
        Assert.Equal(0.01, signals.Values[AppSignalNames.CostPerRequest], 12);
    }

    [Fact]
    public void Compute_CounterWentDown_CountsFromZeroAsARestart()
    {
        var earlier = PrometheusTextParser.Parse(ChatModelExposition.Write("v3", 500, 0, 5, 0, 0, 0, 0));
        var later = PrometheusTextParser.Parse(ChatModelExposition.Write("v3", 20, 0, 0.3, 0, 0, 0, 0));

        var signals = AppSignalCalculator.Compute(earlier, later, requests: null, Span);

        Assert.Equal(0.3 / 20, signals.Values[AppSignalNames.CostPerRequest], 12);
    }

    [Fact]
    public void Compute_OneScrape_OnlyGaugesHaveValues()
    {
        var only = PrometheusTextParser.Parse(ChatModelExposition.Write("v3", 10, 0, 1, 10, 10, 1, 10));

        var signals = AppSignalCalculator.Compute(null, only, requests: 50, TimeSpan.Zero);

        Assert.Equal(["app:chatagent_build_info"], signals.Values.Keys);
    }
}
