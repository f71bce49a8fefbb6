using System.Runtime.InteropServices;
using Airlock.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// systemd and container runtimes stop a service with SIGTERM: `airlock proxy` then stops gracefully as on Ctrl+C.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await AirlockCli.RunAsync(args, CliConsole.System, cancellation.Token);
