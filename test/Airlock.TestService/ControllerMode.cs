using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.TestService;

/// <summary>
/// <c>--as-controller LOGDIR</c>: plays <c>airlock serve</c> for one test. Starts this same service as revision
/// <c>survivor</c> through <see cref="LocalProcessRuntime"/>, prints "PID START_TICKS PORT" once it is healthy, then
/// waits to be killed, so a test can kill it and check that the revision keeps serving.
/// </summary>
internal static class ControllerMode
{
    public static async Task<int> RunAsync(string logDirectory)
    {
        var service = new ServiceSpec
        {
            Name = "survivor",
            Command = ["dotnet", typeof(ControllerMode).Assembly.Location, "--port", "{port}"],
            WorkingDirectory = Environment.CurrentDirectory,
            Environment = ImmutableDictionary<string, string>.Empty.Add("TEST_REVISION", "{revision}"),
            Health = new HealthSpec { Path = "/health", Timeout = TimeSpan.FromSeconds(30), Interval = TimeSpan.FromMilliseconds(100) },
            LogDirectory = logDirectory,
        };
        using var runtime = new LocalProcessRuntime(TimeProvider.System, NullLogger<LocalProcessRuntime>.Instance);
        var instance = await runtime.StartAsync(new RevisionLaunch("survivor", service, ImmutableDictionary<string, string>.Empty), CancellationToken.None);
        var health = await runtime.WaitHealthyAsync(instance, CancellationToken.None);
        if (!health.Healthy)
        {
            await Console.Error.WriteLineAsync(health.Detail);
            return 1;
        }

        Console.WriteLine($"{instance.Pid} {instance.ProcessStartTicks} {instance.Port}");
        await Console.Out.FlushAsync();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
