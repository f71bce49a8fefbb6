using Airlock.Core.Config;
using Airlock.Core.Deployment;

namespace Airlock.Core.Tests.Deployment;

public sealed class ConditionParserTests
{
    private static readonly ConfigLocation At = new("airlock.yaml", 7, 9);

    [Theory]
    [InlineData("error_rate > 5% over 2m", ConditionMetric.ErrorRate, ConditionOperator.GreaterThan, 0.05, false, 120)]
    [InlineData("error_rate >= 0.05", ConditionMetric.ErrorRate, ConditionOperator.GreaterOrEqual, 0.05, false, 60)]
    [InlineData("p99 > 60s", ConditionMetric.LatencyP99, ConditionOperator.GreaterThan, 60, false, 60)]
    [InlineData("p50<250ms over 30s", ConditionMetric.LatencyP50, ConditionOperator.LessThan, 0.25, false, 30)]
    [InlineData("max <= 2m over 15m", ConditionMetric.LatencyMax, ConditionOperator.LessOrEqual, 120, false, 900)]
    [InlineData("ttfb_p95 > 2x stable over 2m", ConditionMetric.TtfbP95, ConditionOperator.GreaterThan, 2, true, 120)]
    [InlineData("cost_per_request > 1.5x stable over 5m", ConditionMetric.CostPerRequest, ConditionOperator.GreaterThan, 1.5, true, 300)]
    [InlineData("cost_per_request > 0.02", ConditionMetric.CostPerRequest, ConditionOperator.GreaterThan, 0.02, false, 60)]
    [InlineData("tokens_per_request > 4000", ConditionMetric.TokensPerRequest, ConditionOperator.GreaterThan, 4000, false, 60)]
    [InlineData("new_error_type > 0.1% over 2m", ConditionMetric.NewErrorType, ConditionOperator.GreaterThan, 0.001, false, 120)]
    [InlineData("context_utilisation > 80%", ConditionMetric.ContextUtilisation, ConditionOperator.GreaterThan, 0.8, false, 60)]
    [InlineData("  p95   >   2x   stable  ", ConditionMetric.LatencyP95, ConditionOperator.GreaterThan, 2, true, 60)]
    public void TryParse_ValidCondition_ReadsEveryPart(string text, ConditionMetric metric, ConditionOperator op, double value, bool relative, int windowSeconds)
    {
        Assert.True(ConditionParser.TryParse(text, At, out var condition, out var error), error?.ToString());

        Assert.Equal(metric, condition.Metric);
        Assert.Null(condition.AppMetric);
        Assert.Equal(op, condition.Operator);
        Assert.Equal(value, condition.Threshold.Value, 9);
        Assert.Equal(relative, condition.Threshold.RelativeToStable);
        Assert.Equal(TimeSpan.FromSeconds(windowSeconds), condition.Window);
        Assert.Equal(text.Trim(), condition.Text);
        Assert.Equal(At, condition.Source);
    }

    [Fact]
    public void TryParse_AppSignal_KeepsThePrometheusName()
    {
        Assert.True(ConditionParser.TryParse("app:chatagent_tool_errors_total > 0.5 over 1m", At, out var condition, out _));

        Assert.Equal(ConditionMetric.App, condition.Metric);
        Assert.Equal("chatagent_tool_errors_total", condition.AppMetric);
        Assert.Equal(0.5, condition.Threshold.Value);
    }

    [Theory]
    [InlineData("eror_rate > 5%", 0, "unknown metric 'eror_rate'.", "did you mean 'error_rate'?")]
    [InlineData("p999 > 1s", 0, "unknown metric 'p999'.", "did you mean 'p99'?")]
    [InlineData("latency > 1s", 0, "unknown metric 'latency'.", "known metrics:")]
    [InlineData("error_rate > 5", 13, "'5' needs a unit: 5% or 0.05.", "share of requests")]
    [InlineData("error_rate > 150%", 13, "'150%' is over 100%", "percentage up to 100%")]
    [InlineData("error_rate > 5s", 13, "'5s' is not a share", "5%")]
    [InlineData("p99 > 60", 6, "'60' needs a unit: 60s or 60ms.", "latency")]
    [InlineData("p99 > 6%", 6, "'6%' is not a latency", "500ms")]
    [InlineData("p99 > 60sec", 6, "'60sec' is not a latency", "500ms")]
    [InlineData("cost_per_request > 1.5x", 23, "'1.5x' needs 'stable' after it.", "relative thresholds read '1.5x stable'")]
    [InlineData("cost_per_request > 1.5 x stable", 23, "'1.5 x' is not a threshold.", "relative thresholds read '1.5x stable'")]
    [InlineData("cost_per_request > 1.5x baseline", 23, "'1.5x' needs 'stable' after it.", "relative thresholds read '1.5x stable'")]
    [InlineData("cost_per_request > 2%", 19, "'2%' has a unit", "0.02")]
    [InlineData("new_error_type > 2x stable", 17, "new_error_type cannot be relative", "0.1%")]
    [InlineData("p99 > 0x stable", 6, "the factor '0x' must be above zero.", "1.5x stable")]
    [InlineData("p99 > -1s", 6, "the threshold '-1s' is negative.", "never negative")]
    [InlineData("error_rate == 5%", 11, "'==' is not a condition operator", "use >, >=, < or <=")]
    [InlineData("error_rate => 5%", 11, "unknown operator '=>'.", "did you mean '>='?")]
    [InlineData("error_rate above 5%", 11, "expected an operator after 'error_rate', not 'above'.", "use >, >=, < or <=")]
    [InlineData("error_rate", 10, "'error_rate' needs an operator and a threshold.", "error_rate > 5%")]
    [InlineData("error_rate >", 12, "expected a threshold after the operator, found nothing.", "1.5x stable")]
    [InlineData("error_rate > 5% for 2m", 16, "unexpected 'for' after the threshold.", "did you mean 'over'?")]
    [InlineData("error_rate > 5% over", 20, "'over' needs a window, found nothing.", "30s")]
    [InlineData("error_rate > 5% over 2", 21, "'over' needs a window, found '2'.", "30s")]
    [InlineData("error_rate > 5% over 1h", 21, "the window '1h' must be above zero and at most 15m.", "15 minutes")]
    [InlineData("error_rate > 5% over 0s", 21, "the window '0s' must be above zero", "15 minutes")]
    [InlineData("error_rate > 5% over 2m please", 24, "unexpected 'please' after the window.", "a condition reads")]
    [InlineData("", 0, "the condition is empty.", "a condition reads")]
    [InlineData("> 5%", 0, "a condition starts with a metric, not '>'.", "a condition reads")]
    [InlineData("app:9bad > 1", 0, "'9bad' is not a Prometheus metric name.", "app:<name>")]
    public void TryParse_BadCondition_PointsAtTheBadTokenWithAHint(string text, int offset, string message, string hint)
    {
        Assert.False(ConditionParser.TryParse(text, At, out _, out var error));

        Assert.Equal("airlock.yaml", error.Location.File);
        Assert.Equal(At.Line, error.Location.Line);
        Assert.Equal(At.Column + offset, error.Location.Column);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadCondition_ThrowsConfigExceptionWithItsOneError()
    {
        var ex = Assert.Throws<ConfigException>(() => ConditionParser.Parse("eror_rate > 5%", At));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("did you mean 'error_rate'?", error.Hint);
    }

    [Fact]
    public void DefaultRollback_ReadsLikeItsText()
    {
        foreach (var condition in AnalysisSpec.DefaultRollback)
        {
            var parsed = ConditionParser.Parse(condition.Text, default);
            Assert.Equal(condition with { Source = default }, parsed);
        }
    }

    [Theory]
    [InlineData(ConditionMetric.ErrorRate, "error_rate")]
    [InlineData(ConditionMetric.TtfbP99, "ttfb_p99")]
    [InlineData(ConditionMetric.ContextUtilisation, "context_utilisation")]
    public void Name_EveryMetric_RoundTrips(ConditionMetric metric, string name)
    {
        Assert.Equal(name, ConditionMetrics.Name(metric));
        Assert.True(ConditionMetrics.TryParse(name, out var parsed));
        Assert.Equal(metric, parsed);
        Assert.Equal("app:x_total", ConditionMetrics.Name(ConditionMetric.App, "x_total"));
    }

    [Fact]
    public void Unit_EveryMetric_HasOne()
    {
        foreach (var metric in Enum.GetValues<ConditionMetric>())
        {
            _ = ConditionMetrics.Unit(metric);
        }

        Assert.Equal(Enum.GetValues<ConditionMetric>().Length - 1, ConditionMetrics.Names.Count);
    }
}
