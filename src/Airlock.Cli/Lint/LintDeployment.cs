using Airlock.Core.Deployment;

namespace Airlock.Cli.Lint;

/// <summary>What would be deployed, in the words airlock.yaml uses.</summary>
internal sealed record LintDeployment(
    string Service,
    IReadOnlyList<string> Command,
    string Strategy,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Rollback,
    IReadOnlyList<string> Warn,
    IReadOnlyList<string> Verify,
    string Store)
{
    public static LintDeployment From(DeploymentSpec spec) => new(
        spec.Service.Name,
        spec.Service.Command,
        spec.Strategy.Kind == StrategyKind.Canary ? "canary" : "blueGreen",
        LintSummary.Steps(spec.Strategy),
        [.. spec.Analysis.Rollback.Select(c => c.Text)],
        [.. spec.Analysis.Warn.Select(c => c.Text)],
        [.. spec.Verify.Select(p => p.Name)],
        spec.StorePath);
}
