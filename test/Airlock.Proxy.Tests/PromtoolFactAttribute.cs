namespace Airlock.Proxy.Tests;

/// <summary>
/// A fact that needs the real promtool: skipped with the reason on a machine without it, but never in CI
/// (<c>CI=true</c>), where a missing promtool must fail the test rather than hide it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Promtool.Path is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "promtool is not on PATH: install Debian's prometheus package (./test.sh does as root); with CI=true this test fails instead";
        }
    }
}
