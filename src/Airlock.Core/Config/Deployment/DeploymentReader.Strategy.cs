using System.Collections.Immutable;
using Airlock.Core.Deployment;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

internal sealed partial class DeploymentReader
{
    private static readonly string[] StepKinds = ["setWeight", "pause", "approval"];

    public void ReadStrategy(YamlNode node)
    {
        _sections.Add(("strategy", node));
        var strategies = new List<StrategySpec>();
        reader.ReadMapping(node, "strategy", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["canary"] = n => strategies.Add(ReadCanary(n)),
            ["blueGreen"] = n => strategies.Add(ReadBlueGreen(n)),
        });
        if (node is YamlMappingNode && strategies.Count != 1)
        {
            reader.Error(node, strategies.Count == 0 ? "'strategy' names no strategy." : "'strategy' names both canary and blueGreen.", "write exactly one: canary: { steps: [...] } or blueGreen: { preview: 30s }");
        }

        _strategy = strategies.Count == 1 ? strategies[0] : null;
    }

    private StrategySpec ReadCanary(YamlNode node)
    {
        var steps = ImmutableArray<RolloutStepSpec>.Empty;
        reader.ReadMapping(node, "strategy.canary", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["steps"] = n => steps = ReadSteps(n),
        });
        if (node is YamlMappingNode && !HasKey(node, "steps"))
        {
            reader.Error(node, "'strategy.canary' needs 'steps'.", "for example steps: [{ setWeight: 5 }, { pause: 30s }, { setWeight: 50 }, { pause: 30s }]");
        }

        return new StrategySpec { Kind = StrategyKind.Canary, Steps = steps };
    }

    /// <summary>
    /// Weights may only grow (decision 0013): going back is what a rollback is for, and a step list that lowers the
    /// weight is far more often a typo than a plan.
    /// </summary>
    private ImmutableArray<RolloutStepSpec> ReadSteps(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            reader.Error(node, "'strategy.canary.steps' must be a non-empty list of steps.", "each step is one of '- setWeight: 5', '- pause: 30s', '- approval: { name: go-to-half }'");
            return [];
        }

        var steps = ImmutableArray.CreateBuilder<RolloutStepSpec>();
        var approvals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lastWeight = 0;
        foreach (var item in sequence.Children)
        {
            var step = ReadStep(item);
            switch (step)
            {
                case RolloutStepSpec.SetWeight weight when weight.Percent < lastWeight:
                    reader.Error(item, $"setWeight {weight.Percent} lowers the weight from {lastWeight}: canary weights may only grow.", "a failing canary is rolled back by the analysis; remove this step or raise it");
                    break;
                case RolloutStepSpec.SetWeight weight:
                    lastWeight = weight.Percent;
                    break;
                case RolloutStepSpec.Approval approval when !approvals.Add(approval.Name):
                    reader.Error(item, $"two approval steps are named '{approval.Name}'.", "`airlock approve` names the gate it opens: give each a unique name");
                    break;
            }

            if (step is not null)
            {
                steps.Add(step);
            }
        }

        if (steps.Count == sequence.Children.Count && lastWeight == 0)
        {
            reader.Error(node, "no step sends the candidate any traffic before it is promoted.", "add a step such as '- setWeight: 5' so the analysis sees real requests first");
        }

        return steps.ToImmutable();
    }

    private RolloutStepSpec? ReadStep(YamlNode node)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } mapping)
        {
            reader.Error(node, "a step is a mapping with exactly one key.", "'- setWeight: 5', '- pause: 30s' or '- approval: { name: go-to-half }'");
            return null;
        }

        var (keyNode, value) = mapping.Children.First();
        var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        switch (key)
        {
            case "setWeight":
                var percent = reader.Int(value, "setWeight");
                if (percent is < 0 or > 100)
                {
                    reader.Error(value, $"setWeight must be a percentage 0-100, not {percent}.", "for example setWeight: 5");
                    return null;
                }

                return percent is { } p ? new RolloutStepSpec.SetWeight(p) : null;
            case "pause":
                return reader.Duration(value, "pause") is { } duration ? new RolloutStepSpec.Pause(duration) : null;
            case "approval":
                return ReadApproval(value);
            default:
                var suggestion = YamlConfigReader.Suggest(key, StepKinds);
                reader.Error(keyNode, $"unknown step '{key}'.", suggestion is null ? "a step is setWeight, pause or approval" : $"did you mean '{suggestion}'?");
                return null;
        }
    }

    private RolloutStepSpec.Approval? ReadApproval(YamlNode node)
    {
        string? name = null;
        reader.ReadMapping(node, "approval", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["name"] = n => name = Name(n, "approval.name"),
        });
        if (node is YamlMappingNode && !HasKey(node, "name"))
        {
            reader.Error(node, "an approval step needs a 'name'.", "airlock approve names it, e.g. approval: { name: go-to-half }");
        }

        return name is null ? null : new RolloutStepSpec.Approval(name);
    }

    private StrategySpec ReadBlueGreen(YamlNode node)
    {
        var strategy = new StrategySpec { Kind = StrategyKind.BlueGreen };
        reader.ReadMapping(node, "strategy.blueGreen", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["preview"] = n => strategy = strategy with { Preview = reader.Duration(n, "strategy.blueGreen.preview") ?? strategy.Preview },
            ["approval"] = n => strategy = strategy with { PreviewApproval = reader.Bool(n, "strategy.blueGreen.approval") ?? false },
        });
        return strategy;
    }
}
