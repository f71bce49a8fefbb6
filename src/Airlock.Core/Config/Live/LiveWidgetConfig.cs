namespace Airlock.Core.Config.Live;

/// <summary>Row 10: the page that embeds the chat widget, and the message typed into it.</summary>
public sealed record LiveWidgetConfig
{
    public string Page { get; init; } = "/";

    public string Message { get; init; } = "When is support open?";
}
