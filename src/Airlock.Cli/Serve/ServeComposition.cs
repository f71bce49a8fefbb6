using System.Collections.Immutable;
using Airlock.Cli.Hosting;
using Airlock.Core.Config;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Dashboard;
using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Metrics.Prometheus;
using Airlock.Rollouts.Routing;
using Airlock.Rollouts.Runtime;
using Airlock.Rollouts.Store;
using Microsoft.Extensions.Logging;

namespace Airlock.Cli.Serve;

/// <summary>The real implementations behind every seam of the controller, built once for <c>airlock serve</c>.</summary>
internal sealed class ServeComposition : IAsyncDisposable
{
    private readonly List<object> _owned = [];

    private ServeComposition()
    {
    }

    public required RolloutController Controller { get; init; }

    public required IRolloutStore Store { get; init; }

    /// <summary>The dashboard's samples, taken by <see cref="Sampler"/>.</summary>
    public required SeriesBuffer Series { get; init; }

    public required MetricSampler Sampler { get; init; }
    /// <summary>Every process this composition started: <c>airlock demo</c> stops them all by pid when it ends.</summary>
    public required TrackingRuntime Runtime { get; init; }

    public static ServeComposition Create(AirlockConfig config, DeploymentSpec spec, string directory, string state, TimeProvider time, ILoggerProvider logs)
    {
        var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var http = new HttpClient();
        var store = SqliteRolloutStore.Open(spec.StorePath, time);
        var local = new LocalProcessRuntime(time, factory.CreateLogger<LocalProcessRuntime>());
        var runtime = new TrackingRuntime(local);
        var proxyState = Path.Combine(state, "proxy");
        var admin = new ProxyAdminClient(http, new ProxyAdminOptions(spec.Route.Admin, Path.Combine(proxyState, "admin.token")), time, factory.CreateLogger("Airlock.Proxy.Admin"));
        var router = new AirlockProxyRouter(admin, spec.Service.Name, spec.Route, factory.CreateLogger<AirlockProxyRouter>());
        var metrics = new CompositeMetricSource(
            new ProxyWindowSource(admin),
            new PrometheusScrapeSource(http, router, time, factory.CreateLogger<PrometheusScrapeSource>()),
            null,
            factory.CreateLogger<CompositeMetricSource>());
        var notifier = spec.Webhooks.IsDefaultOrEmpty ? null : new WebhookNotifier(spec.Webhooks, http, time, factory.CreateLogger<WebhookNotifier>());
        var engine = new RolloutEngine(new RolloutEngineServices
        {
            Spec = spec,
            RepositoryRoot = directory,
            Store = store,
            Runtime = runtime,
            Router = router,
            Metrics = metrics,
            Judge = new RolloutJudge(),
            Preflight = new ReadinessPreflight(config, ToolVersion.Version, time, factory.CreateLogger<ReadinessPreflight>()),
            Probes = new VerifyProbeRunner(http),
            Http = http,
            Notifier = notifier,
            RouterHost = new ProxyProcessHost(router, runtime, spec, AirlockCommand(), proxyState, time),
            Time = time,
            Logger = factory.CreateLogger<RolloutEngine>(),
        });
        var controller = new RolloutController(engine, time, factory.CreateLogger<RolloutController>());
        var series = new SeriesBuffer(SeriesBuffer.DefaultCapacity, SeriesBuffer.ThresholdsOf(spec.Analysis));
        var composition = new ServeComposition
        {
            Controller = controller,
            Store = store,
            Series = series,
            Sampler = new MetricSampler(metrics, () => controller.Snapshot, series, spec.Analysis.Interval, time, factory.CreateLogger<MetricSampler>()),
            Runtime = runtime,
        };
        composition._owned.AddRange(ImmutableArray.Create<object?>(notifier, local, store, http, factory).Where(o => o is not null)!);
        return composition;
    }

    /// <summary>
    /// How to start this same airlock again (for the proxy): the apphost alone, or, when running as
    /// <c>dotnet airlock.dll</c> (the ./airlock wrapper does), the dotnet host and the dll; the host alone would try to
    /// run "proxy" as a dotnet command.
    /// </summary>
    internal static ImmutableArray<string> AirlockCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the airlock executable is unknown");
        var isDotnetHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost ? [process, typeof(ServeComposition).Assembly.Location] : [process];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            switch (owned)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
