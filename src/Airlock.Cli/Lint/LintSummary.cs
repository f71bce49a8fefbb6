using Airlock.Core.Config;
using Airlock.Core.Deployment;

namespace Airlock.Cli.Lint;

/// <summary>The one line <c>airlock lint</c> prints for a valid file: what it would deploy, and how.</summary>
internal static class LintSummary
{
    public static string Describe(AirlockConfig config)
    {
        var checks = config.Checks.Length == 0 ? string.Empty : $"; {config.Checks.Length} custom check(s)";
        if (config.Deployment is not { } spec)
        {
            return $"readiness only: no 'service' section, so nothing to deploy{checks}";
        }

        var strategy = spec.Strategy.Kind == StrategyKind.Canary ? "canary" : "blue-green";
        var probes = spec.Verify.Length == 0 ? "no verify probes" : $"{spec.Verify.Length} verify probe(s)";
        var warn = spec.Analysis.Warn.Length == 0 ? string.Empty : $"; warn if {string.Join(" | ", spec.Analysis.Warn.Select(c => c.Text))}";
        return $"deploys {spec.Service.Name} ({spec.Service.Command[0]}), {probes}, {strategy} {string.Join(" → ", Steps(spec.Strategy))} → promote"
            + $"; roll back if {string.Join(" | ", spec.Analysis.Rollback.Select(c => c.Text))}{warn}{checks}";
    }

    public static IReadOnlyList<string> Steps(StrategySpec strategy) => strategy.Kind switch
    {
        StrategyKind.Canary => [.. strategy.Steps.Select(Step)],
        StrategyKind.BlueGreen => [$"preview {ConfigQuantities.FormatDuration(strategy.Preview)}", .. strategy.PreviewApproval ? (string[])["approval"] : [], "switch 100%"],
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy.Kind, "unknown strategy"),
    };

    private static string Step(RolloutStepSpec step) => step switch
    {
        RolloutStepSpec.SetWeight weight => $"{weight.Percent}%",
        RolloutStepSpec.Pause pause => $"pause {ConfigQuantities.FormatDuration(pause.Duration)}",
        RolloutStepSpec.Approval approval => $"approval {approval.Name}",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "unknown step"),
    };
}
