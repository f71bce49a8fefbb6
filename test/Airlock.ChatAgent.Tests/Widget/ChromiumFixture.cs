using Airlock.Browser;

namespace Airlock.ChatAgent.Tests.Widget;

/// <summary>One headless Chromium for the browser tests (see <see cref="SharedChromium"/>): a launch takes seconds, a new tab milliseconds.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private HeadlessChromium? _browser;

    internal HeadlessChromium Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync() => _browser = await HeadlessChromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }
}
