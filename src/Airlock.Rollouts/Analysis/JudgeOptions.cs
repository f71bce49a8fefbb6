namespace Airlock.Rollouts.Analysis;

/// <summary>
/// The judge's statistical settings. The defaults favour never rolling back a healthy canary: a rollback needs
/// strong evidence (p &lt; 0.001), weaker evidence (p &lt; 0.1) only waits for more data or asks a human.
/// </summary>
internal sealed record JudgeOptions
{
    public static JudgeOptions Default { get; } = new();

    /// <summary>A condition fails only when the test's p-value is below this.</summary>
    public double FailSignificance { get; init; } = 0.001;

    /// <summary>
    /// Below this (but not below <see cref="FailSignificance"/>) the evidence is "between": insufficient data while
    /// the sample is small, inconclusive once it is large (<see cref="DecisiveSampleFactor"/>).
    /// </summary>
    public double EvidenceSignificance { get; init; } = 0.1;

    /// <summary>With at least this many times minSamples, ambiguous evidence is inconclusive rather than too little.</summary>
    public int DecisiveSampleFactor { get; init; } = 4;

    /// <summary>The latency sketch's relative error on any quantile (the proxy's log buckets: 1%).</summary>
    public double SketchRelativeError { get; init; } = 0.01;

    /// <summary>A q-quantile needs this many samples above it: n ≥ TailSamples / (1 − q) (500 for p99).</summary>
    public int TailSamples { get; init; } = 5;

    /// <summary>How far back stable's error fingerprints are known for <c>new_error_type</c>.</summary>
    public TimeSpan FingerprintHistory { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Requests with a new fingerprint needed before <c>new_error_type</c> can fail.</summary>
    public int MinNewErrorCount { get; init; } = 3;
}
