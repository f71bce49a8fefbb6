namespace Airlock.Browser;

/// <summary>Keys <see cref="BrowserPage.PressKeyAsync"/> can send.</summary>
public enum Key
{
    Enter,
    Escape,
    Tab,
}
