using System.Collections.Immutable;
using Airlock.Core.Deployment;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

internal sealed partial class DeploymentReader
{
    public void ReadAnalysis(YamlNode node)
    {
        _sections.Add(("analysis", node));
        var analysis = new AnalysisSpec();
        reader.ReadMapping(node, "analysis", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["interval"] = n => analysis = analysis with { Interval = reader.Duration(n, "analysis.interval") ?? analysis.Interval },
            ["minSamples"] = n =>
            {
                var samples = reader.Int(n, "analysis.minSamples");
                if (samples is < 1)
                {
                    reader.Error(n, $"'analysis.minSamples' must be at least 1, not {samples}.", "below about 30 requests an error rate says little; the default is 30");
                }

                analysis = analysis with { MinSamples = samples is >= 1 ? samples.Value : analysis.MinSamples };
            },
            ["rollback"] = n => analysis = analysis with { Rollback = ReadConditions(n, "analysis.rollback", allowEmpty: false) },
            ["warn"] = n => analysis = analysis with { Warn = ReadConditions(n, "analysis.warn", allowEmpty: true) },
            ["prometheus"] = n => reader.ReadMapping(n, "analysis.prometheus", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
            {
                ["url"] = u => analysis = analysis with { PrometheusUrl = Url(u, "analysis.prometheus.url", loopbackOnly: false, allowPath: true) },
            }),
        });
        _analysis = analysis;
    }

    private ImmutableArray<RolloutCondition> ReadConditions(YamlNode node, string key, bool allowEmpty)
    {
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, $"'{key}' must be a list of conditions.", "one '- error_rate > 5% over 2m' per line");
            return [];
        }

        if (sequence.Children.Count == 0 && !allowEmpty)
        {
            reader.Error(node, $"'{key}' is empty, so nothing would ever roll a candidate back.", "remove the key to get the defaults (error_rate > 5% over 30s, new_error_type > 1% over 1m)");
        }

        var conditions = ImmutableArray.CreateBuilder<RolloutCondition>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { } text } scalar)
            {
                reader.Error(item, $"each entry of '{key}' is one condition written as text.", "for example '- p99 > 60s over 2m' (quote it if it starts with > or contains ': ')");
                continue;
            }

            if (ConditionParser.TryParse(text, TextStart(scalar), out var condition, out var error))
            {
                conditions.Add(condition);
            }
            else
            {
                reader.Error(error.Location, error.Message, error.Hint);
            }
        }

        return conditions.ToImmutable();
    }

    /// <summary>Where the text of a scalar begins: one column after its opening quote when it has one.</summary>
    private ConfigLocation TextStart(YamlScalarNode scalar)
    {
        var location = reader.Locate(scalar);
        return scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? location with { Column = location.Column + 1 } : location;
    }
}
