using Airlock.Core.Security;
using System.CommandLine;
using Airlock.Cli.Hosting;
using Airlock.Proxy.Admin;
using Airlock.Proxy.Hosting;
using Airlock.Proxy.Persistence;
using Spectre.Console;

namespace Airlock.Cli.Proxy;

internal sealed partial class ProxyCommand
{
    internal Option<string?> AdminOption { get; } = new("--admin")
    {
        Description = "Serve the admin API (apply a route table, read revision telemetry) on this loopback address, for example http://127.0.0.1:9090; also persists the route table.",
        HelpName = "URL",
    };

    internal Option<string?> StateOption { get; } = new("--state")
    {
        Description = "Folder for the persisted route table and the admin token [default: .airlock-proxy beside the route file].",
        HelpName = "DIR",
    };

    private async Task<AdminServer> StartAdminAsync(
        string url, string stateDirectory, RouteTableStore store, ProxyServer server, ProxyConfig config, string source, StderrLoggerProvider logs, CancellationToken cancellationToken)
    {
        var tokenFile = Path.Combine(stateDirectory, "admin.token");
        var token = BearerToken.LoadOrCreate(tokenFile, out var created);
        var administrator = new RouteAdministrator(server.Routes, source, config.Forwarding, store, logs.CreateLogger(typeof(RouteAdministrator).FullName!));
        var admin = AdminServer.Create(url, token, administrator, server.Telemetry, server.Drains, logs);
        await admin.StartAsync(cancellationToken);

        // Never the token itself: a prefix and a hash tell which one is in use, the file holds it.
        Console.Error.MarkupLine(
            $"admin API on {Markup.Escape(string.Join(", ", admin.Addresses))}; route table persisted in {Markup.Escape(store.Path)}; " +
            $"bearer token {Markup.Escape(token.Redacted)} {(created ? "created in" : "read from")} {Markup.Escape(tokenFile)}");
        return admin;
    }
}
