namespace Airlock.Rollouts.Routing;

/// <summary>A route's weights as "v1=95 v2=5", formatted only when a log line or an error is written.</summary>
internal readonly record struct RouteWeights(RouteState State)
{
    public override string ToString() =>
        State.Revisions.IsEmpty ? "no revisions" : string.Join(' ', State.Revisions.Select(r => $"{r.Name}={r.Weight}"));
}
