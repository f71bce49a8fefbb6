using System.Reflection;
using ChatAgent.Agent;
using Microsoft.Extensions.Options;

namespace ChatAgent.Health;

/// <summary><c>GET /version</c>: what is actually serving, so a deploy is verified by asking, not by trusting an exit code.</summary>
internal static class VersionEndpoint
{
    public static IEndpointRouteBuilder MapVersion(this IEndpointRouteBuilder endpoints)
    {
        var build = typeof(VersionEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        endpoints.MapGet("/version", (IOptions<AgentOptions> options, AgentTurn turn) => TypedResults.Ok(new VersionInfo(
            Revision: options.Value.Revision ?? CommitOf(build) ?? "dev",
            Build: build,
            Mode: turn.Mode,
            Runtime: System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription)));
        return endpoints;
    }

    // The SDK appends "+<commit>" to the informational version when built from a git checkout.
    private static string? CommitOf(string build) => build.IndexOf('+', StringComparison.Ordinal) is var plus and >= 0 ? build[(plus + 1)..] : null;
}
