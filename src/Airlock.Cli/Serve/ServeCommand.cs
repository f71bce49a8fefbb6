using System.CommandLine;
using Airlock.Cli.Hosting;
using Airlock.Cli.Rollouts;
using Airlock.Core.Config;
using Airlock.Core.Security;
using Airlock.Rollouts.Api;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Airlock.Cli.Serve;

/// <summary>
/// <c>airlock serve [DIR]</c>: the control plane. Runs the rollout controller for the service in DIR's airlock.yaml
/// and its API on loopback until Ctrl+C or SIGTERM; starts (or adopts) <c>airlock proxy</c> for the route.
/// </summary>
internal sealed class ServeCommand : AirlockCommand
{
    public ServeCommand(CliConsole console)
        : base("serve", "Run the rollout controller and its API for the service in airlock.yaml (docs/deploy.md).", console)
    {
        Arguments.Add(DirectoryArgument);
        Options.Add(ListenOption);
        Options.Add(VerboseOption);
    }

    internal Argument<string> DirectoryArgument { get; } = new("DIR")
    {
        Description = "The project folder with airlock.yaml [default: the current folder].",
        DefaultValueFactory = _ => ".",
    };

    internal Option<string> ListenOption { get; } = new("--listen", "-l")
    {
        Description = "Loopback address of the API (port 0 picks a free one; clients find it in .airlock/serve.json).",
        HelpName = "URL",
        DefaultValueFactory = _ => ServeEndpoint.DefaultUrl.ToString(),
    };

    internal Option<bool> VerboseOption { get; } = new("--verbose", "-v")
    {
        Description = "Log every controller decision and router call on standard error.",
    };

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(parse.GetRequiredValue(DirectoryArgument));
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"'{directory}' is not a folder.", "pass the project folder that holds airlock.yaml");
        }

        var config = AirlockConfigLoader.LoadFromDirectory(directory);
        var spec = config.Deployment
            ?? throw new UsageException($"{Path.Combine(directory, AirlockConfigLoader.FileName)} has no 'service' section, so there is nothing to deploy.",
                "describe how a revision runs under 'service:' (docs/airlock-yaml.md); 'airlock lint' checks the file");
        if (!Uri.TryCreate(parse.GetRequiredValue(ListenOption), UriKind.Absolute, out var listen) || !ControlServer.IsLoopback(listen))
        {
            throw new UsageException($"--listen '{parse.GetRequiredValue(ListenOption)}' is not a loopback http:// address.", ControlServer.LoopbackHint);
        }

        var state = Path.Combine(directory, ServeEndpoint.StateFolder);
        Directory.CreateDirectory(state);
        var token = BearerToken.LoadOrCreate(Path.Combine(state, ServeEndpoint.TokenFileName), out var created);
        using var logs = new StderrLoggerProvider(Console.Error, parse.GetValue(VerboseOption) ? LogLevel.Debug : LogLevel.Warning);
        await using var composition = ServeComposition.Create(config, spec, directory, state, TimeProvider.System, logs);
        var controller = composition.Controller;
        var loop = controller.RunAsync(cancellationToken);
        var sampling = composition.Sampler.RunAsync(cancellationToken);
        await using var server = ControlServer.Create(listen, token, controller, composition.Store, logs, composition.Series);
        await server.StartAsync(cancellationToken);
        ServeEndpoint.Write(directory, server.Address);
        Console.Error.MarkupLine($"airlock serve for [bold]{Markup.Escape(spec.Service.Name)}[/] on {Markup.Escape(server.Address.ToString())}; proxy admin {Markup.Escape(spec.Route.Admin.ToString())}, traffic on {Markup.Escape(spec.Route.Listen.ToString())}");
        Console.Error.MarkupLine($"token {Markup.Escape(token.Redacted)} {(created ? "created in" : "read from")} {Markup.Escape(Path.Combine(state, ServeEndpoint.TokenFileName))}; dashboard on {Markup.Escape(server.Address.ToString())}; Ctrl+C stops the controller (the proxy and revisions keep serving)");
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal end of a server's life.
        }

        await sampling;
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await server.StopAsync(grace.Token);
        Console.Error.MarkupLine("airlock serve stopped; the proxy and the revisions keep running (airlock serve resumes them)");
        return ExitCodes.Ok;
    }
}
