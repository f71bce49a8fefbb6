using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Runtime;

namespace Airlock.Rollouts.Tests.Runtime;

public sealed class RevisionRuntimeExtensionsTests
{
    private static readonly RevisionLaunch Launch = new(
        "v2",
        new ServiceSpec { Name = "chat", Command = ["./app", "{port}"], WorkingDirectory = "/srv", LogDirectory = "/srv/logs" },
        ImmutableDictionary<string, string>.Empty);

    [Fact]
    public async Task StartHealthyAsync_PortTakenOnce_StartsAgainOnANewPort()
    {
        var runtime = new ScriptedRuntime(portTakenTimes: 1);

        var (instance, health) = await runtime.StartHealthyAsync(Launch, CancellationToken.None);

        Assert.True(health.Healthy);
        Assert.Equal(2, runtime.Starts);
        Assert.Equal(10002, instance.Port);
    }

    [Fact]
    public async Task StartHealthyAsync_PortAlwaysTaken_GivesUpAfterTheAttempts()
    {
        var runtime = new ScriptedRuntime(portTakenTimes: 10);

        var (_, health) = await runtime.StartHealthyAsync(Launch, CancellationToken.None, attempts: 3);

        Assert.False(health.Healthy);
        Assert.True(health.PortInUse);
        Assert.Equal(3, runtime.Starts);
    }

    [Fact]
    public async Task StartHealthyAsync_OtherFailure_IsNotRetried()
    {
        var runtime = new ScriptedRuntime(portTakenTimes: 0, healthy: false);

        var (_, health) = await runtime.StartHealthyAsync(Launch, CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.Equal(1, runtime.Starts);
    }

    /// <summary>A runtime whose first starts die on a taken port; no process is involved.</summary>
    private sealed class ScriptedRuntime(int portTakenTimes, bool healthy = true) : IRevisionRuntime
    {
        public int Starts { get; private set; }

        public Task<RevisionInstance> StartAsync(RevisionLaunch launch, CancellationToken cancellationToken)
        {
            Starts++;
            var port = 10000 + Starts;
            return Task.FromResult(new RevisionInstance(launch.Revision, 1, 1, port, new Uri($"http://127.0.0.1:{port}"), DateTimeOffset.UnixEpoch, "/srv/logs", Task.FromResult<int?>(null)));
        }

        public Task<HealthResult> WaitHealthyAsync(RevisionInstance instance, CancellationToken cancellationToken) =>
            Task.FromResult(Starts <= portTakenTimes
                ? new HealthResult(false, "address already in use", null, TimeSpan.Zero) { PortInUse = true, ExitCode = 1 }
                : new HealthResult(healthy, healthy ? "200" : "503", healthy ? 200 : 503, TimeSpan.Zero));

        public Task StopAsync(RevisionInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

        public RevisionInstance? Reattach(RevisionInstanceRecord record) => null;
    }
}
