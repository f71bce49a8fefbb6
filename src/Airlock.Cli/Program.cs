using Airlock.Cli;

return await AirlockCli.RunAsync(args, CliConsole.System, CancellationToken.None);
