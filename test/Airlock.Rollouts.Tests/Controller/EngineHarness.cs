using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Routing;
using Airlock.Rollouts.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>
/// A rollout engine over fakes at its seams (runtime, router, judge, preflight, store) with real HTTP revisions and a
/// hand-moved clock. <see cref="WithStableAsync"/> sets up a live v1 as a previous promotion would have left it.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private readonly IRolloutNotifier? _notifier;

    public EngineHarness(StrategySpec? strategy = null, IRolloutNotifier? notifier = null)
    {
        _notifier = notifier;
        Spec = new DeploymentSpec
        {
            Service = new ServiceSpec
            {
                Name = "chat",
                Command = ["service", "--port", "{port}"],
                WorkingDirectory = Path.GetTempPath(),
                LogDirectory = Path.GetTempPath(),
            },
            Verify =
            [
                new VerifyProbeSpec
                {
                    Name = "known-bad input",
                    Method = "POST",
                    Path = "/agent/run",
                    ExpectStatus = 400,
                    ExpectJsonPath = "code",
                    ExpectJsonEquals = "agent.empty_body",
                },
            ],
            Strategy = strategy ?? new StrategySpec
            {
                Steps =
                [
                    new RolloutStepSpec.SetWeight(10), new RolloutStepSpec.Pause(TimeSpan.FromSeconds(30)),
                    new RolloutStepSpec.SetWeight(50), new RolloutStepSpec.Pause(TimeSpan.FromSeconds(30)),
                ],
            },
            StorePath = Path.Combine(Path.GetTempPath(), "unused.db"),
        };
        Runtime = new FakeRuntime(Clock);
        Engine = CreateEngine();
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public DeploymentSpec Spec { get; }

    public InMemoryRolloutStore Store { get; } = new();

    public FakeRuntime Runtime { get; }

    public FakeRouter Router { get; } = new();

    public ScriptedJudge Judge { get; } = new();

    public NoMetrics Metrics { get; } = new();

    public FakePreflight Preflight { get; } = new();

    public RolloutEngine Engine { get; private set; }

    public RolloutPhase? Phase => Engine.Snapshot.Active?.Status.Phase;

    public RolloutRecord? Last => Engine.Snapshot.Last;

    public IEnumerable<string> LedgerKinds => Store.Ledger.Select(entry => entry.Kind);

    public RolloutEngine CreateEngine() => new(new RolloutEngineServices
    {
        Spec = Spec,
        RepositoryRoot = Path.GetTempPath(),
        Store = Store,
        Runtime = Runtime,
        Router = Router,
        Metrics = Metrics,
        Judge = Judge,
        Preflight = Preflight,
        Probes = new VerifyProbeRunner(_http),
        Http = _http,
        RouterHost = Router,
        Notifier = _notifier,
        Time = Clock,
        Logger = NullLogger.Instance,
    });

    /// <summary>A new engine over the same store, runtime and router: a controller restarted after <c>kill -9</c>.</summary>
    public async Task RestartAsync()
    {
        Engine = CreateEngine();
        await Engine.RecoverAsync(CancellationToken.None);
    }

    public async Task WithStableAsync(string revision = "v1")
    {
        var instance = await Runtime.StartAsync(new Airlock.Rollouts.Runtime.RevisionLaunch(revision, Spec.Service, ImmutableDictionary<string, string>.Empty), CancellationToken.None);
        await Store.SaveInstanceAsync(instance.ToRecord(), CancellationToken.None);
        await Store.SetStableAsync(new StableRecord("chat", revision, null, Clock.GetUtcNow()), CancellationToken.None);
        Router.Seed("chat", new RouteRevision(revision, instance.Url, 100));
        await Engine.RecoverAsync(CancellationToken.None);
    }

    public async Task<CommandResult> DeployAsync(string revision, bool force = false, string? reason = null)
    {
        var result = await Engine.DeployAsync(new DeployRequest(revision, ImmutableDictionary<string, string>.Empty, force, reason), CancellationToken.None);
        Assert.True(result.Accepted, result.Message);
        return result;
    }

    public Task<TimeSpan?> AdvanceAsync() => Engine.AdvanceAsync(CancellationToken.None);

    /// <summary>Moves the clock in analysis-interval ticks, advancing the engine at each, as the controller loop would.</summary>
    public async Task RunForAsync(TimeSpan duration)
    {
        var end = Clock.GetUtcNow() + duration;
        await AdvanceAsync();
        while (Clock.GetUtcNow() < end)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await AdvanceAsync();
        }
    }

    public Task<CommandResult> SendAsync(RolloutCommandKind kind, bool full = false) => Engine.HandleAsync(kind, full, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        _http.Dispose();
    }
}
