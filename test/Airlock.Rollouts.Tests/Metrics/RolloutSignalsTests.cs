using Airlock.Core.Deployment;
using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Tests.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Metrics;

public sealed class RolloutSignalsTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Create_FromSpec_RouterDrivesTheServicesRouteOnTheAdminApi()
    {
        await using var v1 = await RevisionServer.StartAsync("v1");
        await using var proxy = await ProxyWithAdmin.StartAsync($"""
            version: 1
            routes:
              - name: chat
                revisions:
                  - name: v1
                    upstream: {v1.Address}
                    weight: 1
            """, _folder.Path);
        var spec = new DeploymentSpec
        {
            Service = new ServiceSpec { Name = "chat", Command = ["true"], WorkingDirectory = _folder.Path, LogDirectory = _folder.Path },
            Route = new RouteSpec { Admin = proxy.AdminAddress },
            StorePath = _folder.File("airlock.db"),
        };

        var signals = RolloutSignals.Create(spec, proxy.TokenFile, _http, TimeProvider.System, NullLoggerFactory.Instance);
        var state = await signals.Router.ReadAsync(default);

        Assert.Equal("chat", signals.Router.Route);
        Assert.Equal(("v1", 1), (state.Revisions.Single().Name, state.Revisions.Single().Weight));
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15)], signals.Judge.RequiredWindows(spec.Analysis));
    }

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }
}
