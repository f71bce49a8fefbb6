using ChatAgent.Agent;
using ChatAgent.Metrics;

namespace ChatAgent.Health;

/// <summary><c>GET /version</c>: what is actually serving, so a deploy is verified by asking, not by trusting an exit code.</summary>
internal static class VersionEndpoint
{
    public static IEndpointRouteBuilder MapVersion(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/version", (ServiceRevision revision, AgentTurn turn) => TypedResults.Ok(new VersionInfo(
            Revision: revision.Revision,
            Build: revision.Build,
            Mode: turn.Mode,
            Runtime: System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription)));
        return endpoints;
    }
}
