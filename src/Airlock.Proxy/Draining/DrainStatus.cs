namespace Airlock.Proxy.Draining;

/// <summary>One revision's drain as the admin API reports it.</summary>
/// <param name="DrainingSince">When it left rotation; null while serving or when it never served since start.</param>
/// <param name="Deadline">When whatever is still in flight is cut.</param>
/// <param name="DrainedAt">When it was seen with nothing in flight (or the bound passed), if it has been.</param>
/// <param name="Cut">Requests and streams cut at the bound since start.</param>
internal sealed record DrainStatus(
    string Name,
    DrainState State,
    long InFlight,
    DateTimeOffset? DrainingSince,
    DateTimeOffset? Deadline,
    DateTimeOffset? DrainedAt,
    long Cut);
