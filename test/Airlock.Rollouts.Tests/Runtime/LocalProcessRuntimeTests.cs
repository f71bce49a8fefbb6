using System.Net;
using System.Net.Sockets;
using Airlock.Rollouts.Runtime;

namespace Airlock.Rollouts.Tests.Runtime;

public sealed class LocalProcessRuntimeTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task StartAsync_HealthyService_AnswersOnItsPortAsItsRevision()
    {
        await using var harness = new RuntimeHarness();

        var instance = await harness.StartAsync("v1", harness.TestService());
        var health = await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None);

        Assert.True(health.Healthy, health.Detail);
        Assert.Equal(200, health.LastStatus);
        Assert.Equal(new Uri($"http://127.0.0.1:{instance.Port}"), instance.Url);
        Assert.Equal("revision v1", await Http.GetStringAsync(instance.Url));
        Assert.Contains($"revision v1 listening on port {instance.Port}", harness.OutLog("v1"), StringComparison.Ordinal);
        Assert.Equal(instance.ProcessStartTicks, ProcStat.Read(instance.Pid)!.Value.StartTicks);
    }

    [Fact]
    public async Task StartAsync_Revision_RunsDetachedInItsOwnSession()
    {
        await using var harness = new RuntimeHarness();

        var instance = await harness.StartAsync("v1", harness.TestService());
        Assert.True((await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None)).Healthy);

        // Session leader (session id = its pid) and not in ours: a kill -9 of the controller or Ctrl+C in its terminal
        // does not reach it, and its output goes to files, not to a pipe that would break.
        var stat = ProcStat.Read(instance.Pid)!.Value;
        Assert.Equal(instance.Pid, stat.Session);
        Assert.NotEqual(ProcStat.Read(Environment.ProcessId)!.Value.Session, stat.Session);
    }

    [Fact]
    public async Task WaitHealthyAsync_CrashOnStart_ReportsTheExitCodeAndTheLogTail()
    {
        await using var harness = new RuntimeHarness();

        var instance = await harness.StartAsync("v2", harness.TestService("--crash-on-start"));
        var health = await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.Equal(3, health.ExitCode);
        Assert.Contains("exited with exit code 3 before it was healthy", health.Detail, StringComparison.Ordinal);
        Assert.Contains("fatal: revision v2 refuses to start", health.LogTail, StringComparison.Ordinal);
        Assert.False(health.PortInUse);
    }

    [Fact]
    public async Task WaitHealthyAsync_FailingHealth_TimesOutWithTheLastStatusSeen()
    {
        await using var harness = new RuntimeHarness();
        var service = harness.TestService("--fail-health");
        service = service with { Health = service.Health with { Timeout = TimeSpan.FromSeconds(4) } };

        var instance = await harness.StartAsync("v3", service);
        var health = await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.Equal(503, health.LastStatus);
        Assert.Null(health.ExitCode);
        Assert.Contains("not healthy after 4.0 s: GET /health last gave 503 Service Unavailable", health.Detail, StringComparison.Ordinal);
        Assert.True(health.Elapsed >= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task WaitHealthyAsync_PortTakenBeforeTheRevisionBindsIt_SaysSo()
    {
        await using var harness = new RuntimeHarness();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var instance = await harness.StartAsync("v4", harness.TestService("--bind-port", taken.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var health = await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.True(health.PortInUse, health.Detail);
        Assert.Equal(4, health.ExitCode);
    }

    [Fact]
    public async Task StopAsync_Service_GetsSigtermAndExitsGracefully()
    {
        await using var harness = new RuntimeHarness();
        var instance = await harness.StartAsync("v5", harness.TestService());
        Assert.True((await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None)).Healthy);

        await harness.Runtime.StopAsync(instance, CancellationToken.None);

        Assert.True(instance.Exited.IsCompleted);
        Assert.Equal(0, await instance.Exited);
        var log = harness.OutLog("v5");
        Assert.Contains("revision v5 stopping gracefully", log, StringComparison.Ordinal);
        Assert.Contains("revision v5 stopped", log, StringComparison.Ordinal);
        Assert.Null(ProcStat.Read(instance.Pid) is { IsZombie: false } stat && stat.StartTicks == instance.ProcessStartTicks ? stat : null);
    }

    [Fact]
    public async Task StopAsync_ServiceIgnoringSigterm_IsKilledAfterTheGrace()
    {
        await using var harness = new RuntimeHarness();
        var service = harness.TestService("--ignore-sigterm") with { StopGrace = TimeSpan.FromSeconds(1) };
        var instance = await harness.StartAsync("v6", service);
        Assert.True((await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None)).Healthy);

        await harness.Runtime.StopAsync(instance, CancellationToken.None);

        Assert.True(instance.Exited.IsCompleted);
        Assert.Equal(128 + PosixSignals.SigKill, await instance.Exited);
        Assert.DoesNotContain("revision v6 stopped", harness.OutLog("v6"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reattach_RunningRevision_FindsItAndSeesItExit()
    {
        await using var harness = new RuntimeHarness();
        var instance = await harness.StartAsync("v7", harness.TestService());
        Assert.True((await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None)).Healthy);

        // Found an hour after it started: the health gate still takes one look instead of calling it timed out.
        var found = harness.Runtime.Reattach(instance.ToRecord() with { StartedAt = instance.StartedAt.AddHours(-1) });

        Assert.NotNull(found);
        Assert.Equal((instance.Pid, instance.Port, instance.Url), (found.Pid, found.Port, found.Url));
        Assert.True((await harness.Runtime.WaitHealthyAsync(found with { Health = instance.Health }, CancellationToken.None)).Healthy);
        Assert.False(found.Exited.IsCompleted);

        await harness.Runtime.StopAsync(found with { StopGrace = TimeSpan.FromSeconds(10) }, CancellationToken.None);

        Assert.True(found.Exited.IsCompleted);
        Assert.Null(await found.Exited);
        Assert.Null(harness.Runtime.Reattach(instance.ToRecord()));
    }

    [Fact]
    public async Task Reattach_PidWithAnotherStartTime_IsRefused()
    {
        await using var harness = new RuntimeHarness();
        var instance = await harness.StartAsync("v8", harness.TestService());

        // The same pid with another start time is what a reused pid looks like after a reboot or a long outage.
        var reused = instance.ToRecord() with { ProcessStartTicks = instance.ProcessStartTicks - 1 };

        Assert.Null(harness.Runtime.Reattach(reused));
        Assert.NotNull(harness.Runtime.Reattach(instance.ToRecord()));
    }

    [Fact]
    public async Task StartAsync_SameRevisionTwice_AppendsToItsLogs()
    {
        await using var harness = new RuntimeHarness();
        var first = await harness.StartAsync("v9", harness.TestService());
        Assert.True((await harness.Runtime.WaitHealthyAsync(first, CancellationToken.None)).Healthy);
        await harness.Runtime.StopAsync(first, CancellationToken.None);

        var second = await harness.StartAsync("v9", harness.TestService());
        Assert.True((await harness.Runtime.WaitHealthyAsync(second, CancellationToken.None)).Healthy);

        var log = harness.OutLog("v9");
        Assert.Equal(2, CountOf(log, RevisionLogs.MarkerPrefix + "starting revision v9"));
        Assert.Contains($"revision v9 listening on port {first.Port}", log, StringComparison.Ordinal);
        Assert.Contains($"revision v9 listening on port {second.Port}", log, StringComparison.Ordinal);
        Assert.Contains("revision v9 stopped", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_MissingProgram_FailsBeforeStartingAnything()
    {
        await using var harness = new RuntimeHarness();
        var service = harness.TestService() with { Command = ["./no-such-program", "{port}"] };

        var ex = await Assert.ThrowsAsync<RevisionStartException>(() => harness.StartAsync("v10", service));

        Assert.Contains("'./no-such-program'", ex.Message, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
