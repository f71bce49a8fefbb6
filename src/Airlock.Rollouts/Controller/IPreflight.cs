namespace Airlock.Rollouts.Controller;

/// <summary>The readiness rubric as the controller's first phase: any failed Blocks Launch row stops a rollout.</summary>
public interface IPreflight
{
    Task<PreflightResult> RunAsync(string repositoryRoot, CancellationToken cancellationToken);
}
