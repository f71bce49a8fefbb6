using System.Globalization;

namespace Airlock.Rollouts.Tests.Metrics;

/// <summary>
/// The exposition a ChatAgent with a model writes (the chat-model slice's names: tokens by direction, cost counter,
/// turn cost and context-window utilisation histograms), generated for given totals so deltas are known exactly.
/// </summary>
internal static class ChatModelExposition
{
    public static string Write(string revision, long answered, long failed, double costUsd, long inputTokens, long outputTokens, double utilisationSum, long utilisationCount, long widgets = 0)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var r = $"revision=\"{revision}\"";
        return $$"""
            # HELP chatagent_build_info The revision and build serving, always 1.
            # TYPE chatagent_build_info gauge
            chatagent_build_info{{{r}},build="1.0.0+abc \"quoted\" \\ path"} 1
            # HELP chatagent_turns_total Agent turns, by mode and outcome.
            # TYPE chatagent_turns_total counter
            chatagent_turns_total{{{r}},mode="model",outcome="answered"} {{answered}}
            chatagent_turns_total{{{r}},mode="model",outcome="failed"} {{failed}}
            # HELP chatagent_model_tokens_total Model tokens, by direction.
            # TYPE chatagent_model_tokens_total counter
            chatagent_model_tokens_total{{{r}},direction="input"} {{inputTokens}}
            chatagent_model_tokens_total{{{r}},direction="output"} {{outputTokens}}
            # HELP chatagent_cost_usd_total Model cost in US dollars.
            # TYPE chatagent_cost_usd_total counter
            chatagent_cost_usd_total{{{r}}} {{F(costUsd)}}
            # HELP chatagent_context_window_utilisation Share of the model's context window a turn used.
            # TYPE chatagent_context_window_utilisation histogram
            chatagent_context_window_utilisation_bucket{{{r}},le="0.5"} {{utilisationCount}}
            chatagent_context_window_utilisation_bucket{{{r}},le="+Inf"} {{utilisationCount}}
            chatagent_context_window_utilisation_sum{{{r}}} {{F(utilisationSum)}}
            chatagent_context_window_utilisation_count{{{r}}} {{utilisationCount}}
            # HELP myapp_widgets_total Widgets made.
            # TYPE myapp_widgets_total counter
            myapp_widgets_total{{{r}}} {{widgets}}

            """.Replace("\r", string.Empty, StringComparison.Ordinal);
    }
}
