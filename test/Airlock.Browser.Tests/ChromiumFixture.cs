namespace Airlock.Browser.Tests;

/// <summary>One browser per test class: a launch takes seconds, a new tab milliseconds.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private HeadlessChromium? _browser;

    public HeadlessChromium Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync() => _browser = await HeadlessChromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }
}
