using System.Diagnostics;
using System.Globalization;
using Airlock.Rollouts.Runtime;

namespace Airlock.Rollouts.Tests.Runtime;

/// <summary>The reason revisions start detached: killing the controller, its whole process group included, leaves them serving.</summary>
public sealed class ControllerKillTests
{
    [Fact]
    public async Task StartAsync_ControllerGroupKilledWithSigkill_RevisionKeepsServing()
    {
        await using var harness = new RuntimeHarness();

        // The stand-in controller runs in a process group of its own (as `airlock serve` in a terminal or under a
        // supervisor would), so killing that group is what Ctrl+C, a closed terminal or a supervisor does to it.
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["dotnet", BuiltServices.TestService, "--as-controller", harness.LogDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        using var controller = Process.Start(start)!;
        var line = await controller.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotNull(line);
        var parts = line.Split(' ');
        var record = new RevisionInstanceRecord(
            "survivor",
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture),
            harness.LogDirectory,
            DateTimeOffset.UtcNow);

        Assert.True(PosixSignals.SignalGroup(controller.Id, PosixSignals.SigKill));
        await controller.WaitForExitAsync();

        var revision = harness.Runtime.Reattach(record);
        Assert.NotNull(revision);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal("revision survivor", await http.GetStringAsync(revision.Url));
        }
        finally
        {
            await harness.Runtime.StopAsync(revision with { StopGrace = TimeSpan.FromSeconds(5) }, CancellationToken.None);
        }

        Assert.Null(harness.Runtime.Reattach(record));
    }
}
