namespace Airlock.Bench.Rollouts;

/// <summary>One response the load generator saw.</summary>
/// <param name="SentMs">When the request left, in ms since the session began.</param>
/// <param name="DoneMs">When the whole response had arrived, same clock.</param>
/// <param name="Status">The HTTP status; 0 for a transport failure.</param>
/// <param name="Revision">From the body: "revision vN" on success, "fault.vN" for the test service's injected error; null otherwise.</param>
/// <param name="Injected">True when the body is the revision's own injected fault (counted apart from other failures).</param>
internal sealed record Response(double SentMs, double DoneMs, int Status, string? Revision, bool Injected);
