namespace Airlock.Proxy.Telemetry;

/// <summary>How often one error fingerprint was seen.</summary>
internal sealed record FingerprintCount(string Key, long Count);
