using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Core.IO;
using Airlock.Rollouts.Runtime;

namespace Airlock.Rollouts.Routing;

/// <summary>
/// Starts <c>airlock proxy</c> for the service's route when no proxy answers on the admin address: detached (its own
/// session, like a revision), so stopping or killing <c>airlock serve</c> never stops traffic. A proxy that already
/// answers is adopted as it is; a restarted proxy serves its persisted table, not the first one written here.
/// </summary>
internal sealed class ProxyProcessHost(
    ITrafficRouter router,
    IRevisionRuntime runtime,
    DeploymentSpec spec,
    ImmutableArray<string> airlockCommand,
    string stateDirectory,
    TimeProvider time) : IRouterHost
{
    /// <summary>How long a freshly started proxy may take before its admin API answers.</summary>
    public static TimeSpan StartTimeout { get; } = TimeSpan.FromSeconds(20);

    public string RouteFilePath => Path.Combine(stateDirectory, "routes.yaml");

    public async Task EnsureRunningAsync(RouteState initial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initial);
        if (await AnswersAsync(cancellationToken))
        {
            return;
        }

        Directory.CreateDirectory(stateDirectory);
        AtomicFile.WriteAllText(RouteFilePath, RouteFile.Parse("version: 1\n").Render(initial, spec.Route));
        var service = new ServiceSpec
        {
            Name = "airlock-proxy",
            Command =
            [
                .. airlockCommand, "proxy", "--routes", RouteFilePath,
                "--listen", spec.Route.Listen.GetLeftPart(UriPartial.Authority),
                "--admin", spec.Route.Admin.GetLeftPart(UriPartial.Authority),
                "--state", stateDirectory,
            ],
            WorkingDirectory = stateDirectory,
            LogDirectory = spec.Service.LogDirectory,
        };
        var instance = await runtime.StartAsync(new RevisionLaunch("airlock-proxy", service, ImmutableDictionary<string, string>.Empty), cancellationToken);
        var deadline = time.GetUtcNow() + StartTimeout;
        while (!await AnswersAsync(cancellationToken))
        {
            if (instance.Exited.IsCompleted)
            {
                throw new RouterException($"airlock proxy exited at start (code {await instance.Exited}); see {Path.Combine(spec.Service.LogDirectory, "airlock-proxy.err.log")}");
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new RouterException($"airlock proxy did not answer on {spec.Route.Admin} within {StartTimeout.TotalSeconds:0} s; see {spec.Service.LogDirectory}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await router.ReadAsync(cancellationToken);
            return true;
        }
        catch (RouterException ex) when (ex.Code is "unreachable" or "no_token")
        {
            // Any other answer (even a refusal) means a proxy is there: it is adopted, and a missing route is added
            // by the first apply.
            return false;
        }
    }
}
