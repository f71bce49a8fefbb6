using System.Collections.Concurrent;
using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Runtime;

/// <summary>A runtime, a temp folder for logs, and a guarantee that every revision a test started is gone afterwards.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly ConcurrentBag<RevisionInstance> _started = [];

    public RuntimeHarness()
    {
        Folder = Directory.CreateTempSubdirectory("airlock-runtime-").FullName;
        Runtime = new LocalProcessRuntime(TimeProvider.System, NullLogger<LocalProcessRuntime>.Instance) { ExitPollInterval = TimeSpan.FromMilliseconds(50) };
    }

    public string Folder { get; }

    public string LogDirectory => Path.Combine(Folder, "logs");

    public LocalProcessRuntime Runtime { get; }

    /// <summary>The test service with these fault switches; it listens on {port} and reports {revision}.</summary>
    public ServiceSpec TestService(params string[] faults) => new()
    {
        Name = "test",
        Command = ["dotnet", BuiltServices.TestService, "--port", "{port}", .. faults],
        WorkingDirectory = Folder,
        Environment = ImmutableDictionary<string, string>.Empty.Add("TEST_REVISION", "{revision}"),
        Health = new HealthSpec { Path = "/health", Timeout = TimeSpan.FromSeconds(30), Interval = TimeSpan.FromMilliseconds(100) },
        StopGrace = TimeSpan.FromSeconds(10),
        LogDirectory = LogDirectory,
    };

    public async Task<RevisionInstance> StartAsync(string revision, ServiceSpec service, ImmutableDictionary<string, string>? extra = null)
    {
        var instance = await Runtime.StartAsync(new RevisionLaunch(revision, service, extra ?? ImmutableDictionary<string, string>.Empty), CancellationToken.None);
        _started.Add(instance);
        return instance;
    }

    public string OutLog(string revision) => File.ReadAllText(Path.Combine(LogDirectory, revision + ".out.log"));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _started)
        {
            await Runtime.StopAsync(instance with { StopGrace = TimeSpan.FromSeconds(2) }, CancellationToken.None);
        }

        Runtime.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
