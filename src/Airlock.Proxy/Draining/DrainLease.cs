using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Draining;

/// <summary>One request in flight under a revision's drain bound; dispose it after the request's telemetry is finished.</summary>
internal readonly struct DrainLease(DrainTracker tracker, RevisionDrain drain, RevisionTelemetry revision, CancellationTokenRegistration registration) : IDisposable
{
    public void Dispose()
    {
        registration.Dispose();
        tracker?.Ended(drain, revision);
    }
}
