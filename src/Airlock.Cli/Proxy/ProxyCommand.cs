using System.CommandLine;
using Airlock.Cli.Hosting;
using Airlock.Proxy.Admin;
using Airlock.Proxy.Persistence;
using Airlock.Proxy.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Airlock.Cli.Proxy;

/// <summary><c>airlock proxy --routes FILE</c>: the data plane, serving until Ctrl+C or SIGTERM.</summary>
internal sealed partial class ProxyCommand : AirlockCommand
{
    public ProxyCommand(CliConsole console)
        : base("proxy", "Run the traffic-splitting reverse proxy in front of a service's revisions (docs/proxy.md).", console)
    {
        Options.Add(RoutesOption);
        Options.Add(ListenOption);
        Options.Add(VerboseOption);
        Options.Add(AdminOption);
        Options.Add(StateOption);
        Options.Add(CertOption);
        Options.Add(KeyOption);
    }

    internal Option<string> RoutesOption { get; } = new("--routes", "-r")
    {
        Description = "The route file: routes, their revisions (upstream, weight), rings and timeouts.",
        HelpName = "FILE",
        Required = true,
    };

    internal Option<string[]> ListenOption { get; } = new("--listen", "-l")
    {
        Description = "Address to serve on: http://HOST:PORT (HTTP/1.1), https://HOST:PORT (HTTP/1.1 and HTTP/2 by ALPN; needs --cert and --key) or h2c://HOST:PORT (HTTP/2 with prior knowledge); repeat for several. Port 0 picks a free port.",
        HelpName = "URL",
        DefaultValueFactory = _ => ["http://127.0.0.1:8080"],
        AllowMultipleArgumentsPerToken = false,
    };

    internal Option<bool> VerboseOption { get; } = new("--verbose", "-v")
    {
        Description = "Log every upstream failure and client disconnect on standard error.",
    };

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var routesFile = parse.GetRequiredValue(RoutesOption);
        if (!File.Exists(routesFile))
        {
            throw new UsageException($"route file '{routesFile}' does not exist.", "pass --routes with the path of a route file (docs/proxy.md)");
        }

        var listen = parse.GetRequiredValue(ListenOption);
        var addresses = new List<ListenAddress>();
        foreach (var url in listen)
        {
            addresses.Add(ListenAddress.TryParse(url, out var address)
                ? address!
                : throw new UsageException($"--listen '{url}' is not a listen address.", ListenAddress.Hint));
        }

        using var certificate = LoadCertificate(parse, addresses);

        var adminUrl = parse.GetValue(AdminOption);
        if (adminUrl is not null && !AdminServer.IsLoopbackAddress(adminUrl))
        {
            throw new UsageException($"--admin '{adminUrl}' is not a loopback address.", AdminServer.LoopbackHint);
        }

        var routeFileText = await File.ReadAllTextAsync(routesFile, cancellationToken);
        var stateDirectory = parse.GetValue(StateOption) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(routesFile))!, ".airlock-proxy");
        var store = adminUrl is null ? null : new RouteTableStore(Path.Combine(stateDirectory, "routes.state.json"));
        if (store is not null)
        {
            Directory.CreateDirectory(stateDirectory);
        }

        var (config, source) = store is null
            ? (ProxyConfigLoader.Parse(routeFileText, routesFile), routeFileText)
            : store.Restore(routeFileText, routesFile);
        using var logs = new StderrLoggerProvider(Console.Error, parse.GetValue(VerboseOption) ? LogLevel.Debug : LogLevel.Warning);
        await using var server = ProxyServer.Create(config, listen, TimeProvider.System, logs, certificate);
        await server.StartAsync(cancellationToken);
        var table = server.Routes.Current;
        Console.Error.MarkupLine(
            $"airlock proxy listening on {Markup.Escape(string.Join(", ", server.Addresses))} " +
            $"({table.Routes.Length} route(s), generation {table.Generation}); Ctrl+C stops it");
        await using var admin = store is null ? null : await StartAdminAsync(adminUrl!, stateDirectory, store, server, config, source, logs, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the normal end of a server's life, not an interruption of a task.
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        if (admin is not null)
        {
            await admin.StopAsync(grace.Token);
        }

        await server.StopAsync(grace.Token);
        Console.Error.MarkupLine("airlock proxy stopped");
        return ExitCodes.Ok;
    }
}
