using Microsoft.Extensions.Options;

namespace ChatAgent.Faults;

/// <summary>Fails startup when <c>Faults:CrashOnStart</c> is set, the way a missing environment variable would.</summary>
internal sealed class StartupFaultGate(IOptions<FaultOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CrashOnStart
            ? throw new InjectedFaultException($"{FaultOptions.SectionName}:CrashOnStart is true: refusing to start on purpose.")
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
