using Airlock.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await AirlockCli.RunAsync(args, CliConsole.System, cancellation.Token);
