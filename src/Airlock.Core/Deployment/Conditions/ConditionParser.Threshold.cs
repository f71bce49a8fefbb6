using System.Globalization;
using Airlock.Core.Config;

namespace Airlock.Core.Deployment;

public static partial class ConditionParser
{
    private static Failure? ReadThreshold(List<ConditionToken> tokens, ref int position, ConditionMetric metric, string name, out ConditionThreshold threshold)
    {
        threshold = new ConditionThreshold(0, false);
        var token = tokens[position++];
        if (token.Kind != ConditionTokenKind.Number)
        {
            var what = token.Kind == ConditionTokenKind.End ? "nothing" : $"'{token.Text}'";
            return new Failure(token.Column, $"expected a threshold after the operator, found {what}.", $"for example {Example(name, metric)} or 1.5x stable");
        }

        if (token.Number < 0)
        {
            return new Failure(token.Column, $"the threshold '{token.Text}' is negative.", "thresholds are never negative");
        }

        if (token.Suffix is "x" or "X")
        {
            return ReadRelative(tokens, ref position, token, metric, name, out threshold);
        }

        // "1.5 x stable": the factor and its x must touch.
        if (token.Suffix.Length == 0 && tokens[position] is { Kind: ConditionTokenKind.Word, Text: "x" or "X" or "stable" } next)
        {
            return new Failure(next.Column, $"'{token.Text} {next.Text}' is not a threshold.", $"relative thresholds read '{token.Text}x stable'");
        }

        var failure = Absolute(token, metric, name, out var value);
        threshold = new ConditionThreshold(value, false);
        return failure;
    }

    private static Failure? ReadRelative(List<ConditionToken> tokens, ref int position, ConditionToken token, ConditionMetric metric, string name, out ConditionThreshold threshold)
    {
        threshold = new ConditionThreshold(token.Number, true);
        if (metric == ConditionMetric.NewErrorType)
        {
            return new Failure(token.Column, "new_error_type cannot be relative: it already counts only errors stable never showed.", "write a share of the candidate's requests, e.g. new_error_type > 0.1%");
        }

        if (token.Number <= 0)
        {
            return new Failure(token.Column, $"the factor '{token.Text}' must be above zero.", "for example 1.5x stable");
        }

        var next = tokens[position];
        if (next is not { Kind: ConditionTokenKind.Word, Text: "stable" })
        {
            return new Failure(token.Column + token.Text.Length, $"'{token.Text}' needs 'stable' after it.", $"relative thresholds read '{token.Text} stable', e.g. '{name} > 1.5x stable'");
        }

        position++;
        return null;
    }

    private static Failure? Absolute(ConditionToken token, ConditionMetric metric, string name, out double value)
    {
        value = token.Number;
        var suffix = token.Suffix;
        switch (ConditionMetrics.Unit(metric))
        {
            case MetricUnit.Ratio when suffix == "%":
                value = token.Number / 100;
                return value <= 1 ? null : new Failure(token.Column, $"'{token.Text}' is over 100%: {name} is a share of requests.", "write a percentage up to 100%");
            case MetricUnit.Ratio when suffix.Length == 0:
                return value <= 1 ? null : new Failure(token.Column, $"'{token.Text}' needs a unit: {token.Text}% or {Fraction(token.Number)}.", $"{name} is a share of requests: a percentage or a fraction 0-1");
            case MetricUnit.Ratio:
                return new Failure(token.Column, $"'{token.Text}' is not a share: {name} is written as a percentage or a fraction 0-1.", $"for example {Example(name, metric)} or 0.05");
            case MetricUnit.Seconds when suffix.Length == 0:
                return new Failure(token.Column, $"'{token.Text}' needs a unit: {token.Text}s or {token.Text}ms.", $"{name} is a latency: " + ConfigQuantities.DurationHint);
            case MetricUnit.Seconds when ConfigQuantities.TryParseDuration(token.Text, out var duration):
                value = duration.TotalSeconds;
                return null;
            case MetricUnit.Seconds:
                return new Failure(token.Column, $"'{token.Text}' is not a latency: {name} is written as a duration.", ConfigQuantities.DurationHint);
            case MetricUnit.Number when suffix.Length == 0:
                return null;
            case MetricUnit.Number when suffix == "%" && metric == ConditionMetric.App:
                value = token.Number / 100;
                return null;
            default:
                return new Failure(token.Column, $"'{token.Text}' has a unit, but {name} is a plain number in the app's own unit.", $"write the number alone, e.g. {Example(name, metric)}");
        }
    }

    private static Failure? ReadWindow(List<ConditionToken> tokens, ref int position, ref TimeSpan window)
    {
        var token = tokens[position++];
        if (token.Kind == ConditionTokenKind.End)
        {
            return null;
        }

        if (token is not { Kind: ConditionTokenKind.Word, Text: "over" })
        {
            var hint = token.Text is "for" or "in" or "during" or "within" ? $"did you mean 'over'? (windows read 'over 2m')" : Shape;
            return new Failure(token.Column, $"unexpected '{token.Text}' after the threshold.", hint);
        }

        var duration = tokens[position++];
        if (duration.Kind != ConditionTokenKind.Number || !ConfigQuantities.TryParseDuration(duration.Text, out window))
        {
            var what = duration.Kind == ConditionTokenKind.End ? "nothing" : $"'{duration.Text}'";
            return new Failure(duration.Column, $"'over' needs a window, found {what}.", ConfigQuantities.DurationHint);
        }

        if (window <= TimeSpan.Zero || window > MaxWindow)
        {
            return new Failure(duration.Column, $"the window '{duration.Text}' must be above zero and at most 15m.", "the proxy keeps 15 minutes of history per revision");
        }

        var rest = tokens[position];
        return rest.Kind == ConditionTokenKind.End ? null : new Failure(rest.Column, $"unexpected '{rest.Text}' after the window.", Shape);
    }

    private static string Fraction(double number) => (number / 100).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Example(string name) => ConditionMetrics.TryParse(name, out var metric) ? Example(name, metric) : "0.5";

    private static string Example(string name, ConditionMetric metric) => ConditionMetrics.Unit(metric) switch
    {
        MetricUnit.Ratio => "5%",
        MetricUnit.Seconds => name.StartsWith("ttfb", StringComparison.Ordinal) ? "2s" : "60s",
        _ => "0.02",
    };
}
