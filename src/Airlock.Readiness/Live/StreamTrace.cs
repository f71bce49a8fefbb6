namespace Airlock.Readiness.Live;

/// <summary>How one server-sent-event stream arrived: when the first and the terminal events came, in which read.</summary>
internal sealed record StreamTrace
{
    public int Events { get; init; }

    public int Reads { get; init; }

    public TimeSpan? FirstEventAt { get; init; }

    public int? FirstEventRead { get; init; }

    /// <summary>The terminal event's name (<c>done</c>, <c>error</c>), or null if the stream ended without one.</summary>
    public string? TerminalEvent { get; init; }

    public string? TerminalData { get; init; }

    public TimeSpan? TerminalAt { get; init; }

    public int? TerminalRead { get; init; }
}
