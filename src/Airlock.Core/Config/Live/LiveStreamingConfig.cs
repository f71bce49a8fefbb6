namespace Airlock.Core.Config.Live;

/// <summary>Row 11: one streamed answer through the given URL.</summary>
public sealed record LiveStreamingConfig
{
    public string Message { get; init; } = "How do I get started with the chat widget?";

    /// <summary>
    /// A whole answer quicker than this cannot tell streaming from buffering (both arrive at once); the row then says so
    /// instead of failing.
    /// </summary>
    public TimeSpan MinimumSpan { get; init; } = TimeSpan.FromMilliseconds(200);
}
