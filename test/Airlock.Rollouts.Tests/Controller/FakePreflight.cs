using Airlock.Rollouts.Controller;

namespace Airlock.Rollouts.Tests.Controller;

internal sealed class FakePreflight : IPreflight
{
    public PreflightResult Result { get; set; } = new([], 35, 0);

    public int Runs { get; private set; }

    public Task<PreflightResult> RunAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        Runs++;
        return Task.FromResult(Result);
    }
}
