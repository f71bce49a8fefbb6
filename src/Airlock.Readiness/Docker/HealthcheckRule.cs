using Airlock.Core.Readiness;

namespace Airlock.Readiness.Docker;

/// <summary><c>dockerfile.healthcheck</c>: something must be able to tell a started container from a working one.</summary>
internal sealed class HealthcheckRule : DockerfileRule
{
    public override string Row => "healthcheck";

    public override string FailureMode =>
        "No health check: a container that started but hangs or cannot reach its dependencies still gets traffic";

    public override string Test =>
        "Rule: the final stage (or the stage it is built FROM, recursively) has a HEALTHCHECK CMD; HEALTHCHECK NONE counts as none; " +
        "passes without one when airlock.yaml sets target.health (the platform probes it)";

    public override Severity Severity => Severity.DegradesIt;

    public override CountdownStep Step => CountdownStep.Deploy;

    public override string Fix =>
        "Add 'HEALTHCHECK CMD [\"curl\", \"-fsS\", \"http://localhost:8080/health\"]' (or a small probe binary for images without curl) " +
        "to the final stage, or declare the endpoint the platform probes in airlock.yaml: target.health: /health";

    protected override string PassSummary => "The final image has a health check";

    public override IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(scan);
        var final = file.FinalStage!;
        var healthcheck = file.Lineage(final)
            .Select(stage => stage.Instructions.LastOrDefault(i => i.Keyword == "HEALTHCHECK"))
            .FirstOrDefault(i => i is not null);
        var disabled = healthcheck is not null && IsNone(healthcheck);
        var endpoint = scan.Config.Target.HealthEndpoint;
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            var note = healthcheck is null || disabled ? "no HEALTHCHECK in the image, but " : "HEALTHCHECK present and ";
            yield return DockerfileFinding.Pass(file, healthcheck?.Line ?? final.From.Line, "platform-endpoint",
                $"{note}the platform probes target.health '{endpoint}'");
        }
        else if (healthcheck is null)
        {
            yield return DockerfileFinding.Fail(file, final.From.Line, "no-healthcheck",
                "the final stage has no HEALTHCHECK and airlock.yaml sets no target.health");
        }
        else if (disabled)
        {
            yield return DockerfileFinding.Fail(file, healthcheck.Line, "healthcheck-none",
                "HEALTHCHECK NONE turns health checking off, and airlock.yaml sets no target.health");
        }
        else
        {
            yield return DockerfileFinding.Pass(file, healthcheck.Line, "healthcheck", "HEALTHCHECK " + healthcheck.ArgumentsWithoutFlags);
        }
    }

    private static bool IsNone(DockerInstruction healthcheck) =>
        healthcheck.ArgumentsWithoutFlags.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase);
}
