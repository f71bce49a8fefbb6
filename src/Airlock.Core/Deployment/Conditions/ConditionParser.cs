using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Airlock.Core.Config;

namespace Airlock.Core.Deployment;

/// <summary>
/// Parses a rollout condition, <c>&lt;metric&gt; &lt;op&gt; &lt;threshold&gt; [over &lt;duration&gt;]</c>, strictly: a bad
/// condition is a <see cref="ConfigError"/> at the column of the bad token with a hint, never a guess.
/// </summary>
public static partial class ConditionParser
{
    /// <summary>The window of a condition without <c>over</c>.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    /// <summary>The longest window: the proxy keeps 15 minutes of per-revision history.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromMinutes(15);

    private const string Shape = "a condition reads '<metric> <op> <threshold> [over <duration>]', e.g. 'error_rate > 5% over 2m'";

    /// <summary>Parses one condition or throws a <see cref="ConfigException"/> with its one error.</summary>
    /// <param name="source">Where the first character of <paramref name="text"/> sits in its file.</param>
    public static RolloutCondition Parse(string text, ConfigLocation source) =>
        TryParse(text, source, out var condition, out var error) ? condition : throw new ConfigException([error]);

    public static bool TryParse(
        string text,
        ConfigLocation source,
        [NotNullWhen(true)] out RolloutCondition? condition,
        [NotNullWhen(false)] out ConfigError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        condition = null;
        var tokens = ConditionLexer.Tokenize(text);
        var failure = Read(tokens, out var parsed);
        if (failure is { } f)
        {
            error = new ConfigError(source with { Column = source.Column + f.Column }, f.Message, f.Hint);
            return false;
        }

        error = null;
        condition = new RolloutCondition(parsed.Metric, parsed.AppMetric, parsed.Operator, parsed.Threshold, parsed.Window, source, text.Trim());
        return true;
    }

    private static Failure? Read(List<ConditionToken> tokens, out Parsed parsed)
    {
        parsed = default;
        var position = 0;
        if (ReadMetric(tokens[position++], out var metric, out var appMetric) is { } metricFailure)
        {
            return metricFailure;
        }

        var name = ConditionMetrics.Name(metric, appMetric);
        if (ReadOperator(tokens[position++], name, out var op) is { } operatorFailure)
        {
            return operatorFailure;
        }

        if (ReadThreshold(tokens, ref position, metric, name, out var threshold) is { } thresholdFailure)
        {
            return thresholdFailure;
        }

        var window = DefaultWindow;
        if (ReadWindow(tokens, ref position, ref window) is { } windowFailure)
        {
            return windowFailure;
        }

        parsed = new Parsed(metric, appMetric, op, threshold, window);
        return null;
    }

    private static Failure? ReadMetric(ConditionToken token, out ConditionMetric metric, out string? appMetric)
    {
        metric = default;
        appMetric = null;
        if (token.Kind == ConditionTokenKind.End)
        {
            return new Failure(token.Column, "the condition is empty.", Shape);
        }

        if (token.Kind != ConditionTokenKind.Word)
        {
            return new Failure(token.Column, $"a condition starts with a metric, not '{token.Text}'.", Shape);
        }

        if (token.Text.StartsWith(ConditionMetrics.AppPrefix, StringComparison.Ordinal))
        {
            appMetric = token.Text[ConditionMetrics.AppPrefix.Length..];
            if (!PrometheusName().IsMatch(appMetric))
            {
                return new Failure(token.Column, $"'{appMetric}' is not a Prometheus metric name.", "app signals read 'app:<name>' with letters, digits, '_' and ':', e.g. app:chatagent_tool_errors_total");
            }

            metric = ConditionMetric.App;
            return null;
        }

        if (ConditionMetrics.TryParse(token.Text, out metric))
        {
            return null;
        }

        var suggestion = YamlConfigReader.Suggest(token.Text, ConditionMetrics.Names);
        return new Failure(
            token.Column,
            $"unknown metric '{token.Text}'.",
            suggestion is null
                ? $"known metrics: {string.Join(", ", ConditionMetrics.Names.Order(StringComparer.Ordinal))}, or app:<prometheus_metric> for the app's own /metrics"
                : $"did you mean '{suggestion}'?");
    }

    private static Failure? ReadOperator(ConditionToken token, string metric, out ConditionOperator op)
    {
        op = default;
        switch (token.Text)
        {
            case ">" when token.Kind == ConditionTokenKind.Operator: op = ConditionOperator.GreaterThan; return null;
            case ">=" when token.Kind == ConditionTokenKind.Operator: op = ConditionOperator.GreaterOrEqual; return null;
            case "<" when token.Kind == ConditionTokenKind.Operator: op = ConditionOperator.LessThan; return null;
            case "<=" when token.Kind == ConditionTokenKind.Operator: op = ConditionOperator.LessOrEqual; return null;
        }

        return token.Kind switch
        {
            ConditionTokenKind.End => new Failure(token.Column, $"'{metric}' needs an operator and a threshold.", $"for example '{metric} > {Example(metric)}'"),
            ConditionTokenKind.Operator when token.Text is "=>" => new Failure(token.Column, "unknown operator '=>'.", "did you mean '>='?"),
            ConditionTokenKind.Operator when token.Text is "=<" => new Failure(token.Column, "unknown operator '=<'.", "did you mean '<='?"),
            ConditionTokenKind.Operator when token.Text is "=" or "==" or "!=" => new Failure(token.Column, $"'{token.Text}' is not a condition operator: a measured value almost never equals a threshold.", "use >, >=, < or <="),
            ConditionTokenKind.Operator => new Failure(token.Column, $"unknown operator '{token.Text}'.", "use >, >=, < or <="),
            _ => new Failure(token.Column, $"expected an operator after '{metric}', not '{token.Text}'.", "use >, >=, < or <=, e.g. '" + metric + " > " + Example(metric) + "'"),
        };
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrometheusName();

    /// <summary>A problem at a 0-based column of the condition text.</summary>
    private readonly record struct Failure(int Column, string Message, string Hint);

    private readonly record struct Parsed(ConditionMetric Metric, string? AppMetric, ConditionOperator Operator, ConditionThreshold Threshold, TimeSpan Window);
}
