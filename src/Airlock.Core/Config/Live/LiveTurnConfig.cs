namespace Airlock.Core.Config.Live;

/// <summary>How to send the agent one message and read its answer: a JSON POST, the fields named here.</summary>
public sealed record LiveTurnConfig
{
    public string Path { get; init; } = "/agent/run";

    /// <summary>The request field holding the user's message.</summary>
    public string MessageField { get; init; } = "message";

    /// <summary>The request field holding the user's IANA time zone.</summary>
    public string TimeZoneField { get; init; } = "timeZone";

    /// <summary>The request field that asks for a server-sent-event stream (an <c>Accept: text/event-stream</c> header is sent too).</summary>
    public string StreamField { get; init; } = "stream";

    /// <summary>The answer's text in the response (a JSON path).</summary>
    public string AnswerField { get; init; } = "answer";

    /// <summary>The stream's terminal event that carries the whole answer.</summary>
    public string DoneEvent { get; init; } = "done";
}
