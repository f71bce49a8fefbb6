using Airlock.Rollouts.Routing;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>The router seam: a versioned route table with the proxy's compare-and-swap rule.</summary>
internal sealed class FakeRouter : ITrafficRouter, IRouterHost
{
    private readonly Lock _gate = new();
    private RouteState? _state;

    public int Applies { get; private set; }

    public RouteState? State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public int WeightOf(string revision) => State?.Revisions.FirstOrDefault(r => r.Name == revision)?.Weight ?? -1;

    public bool Serves(string revision) => State?.Revisions.Any(r => r.Name == revision) == true;

    public Task<RouteState> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _state is null ? throw new RouterException("no router is running") : Task.FromResult(_state);
        }
    }

    public Task<RouteState> ApplyAsync(RouteState desired, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_state is null || desired.Version != _state.Version)
            {
                throw new RouterException($"stale version {desired.Version}");
            }

            _state = desired with { Version = desired.Version + 1 };
            Applies++;
            return Task.FromResult(_state);
        }
    }

    public Task EnsureRunningAsync(RouteState initial, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _state = initial with { Version = 1 };
            Applies++;
            return Task.CompletedTask;
        }
    }

    public void Seed(string route, params RouteRevision[] revisions)
    {
        lock (_gate)
        {
            _state = new RouteState(route, 1, route, [.. revisions]);
        }
    }
}
