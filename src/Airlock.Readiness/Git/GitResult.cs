namespace Airlock.Readiness.Git;

/// <summary>What one finished git command printed.</summary>
public sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
