using Airlock.Browser;
using Airlock.Core.Security;
using Airlock.Rollouts.Api;
using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Dashboard;
using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Store;
using Airlock.Rollouts.Tests.Controller;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Airlock.Rollouts.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against a real control server whose controller runs over the engine harness's
/// fakes; the samples come from a scripted metric source through the real sampler.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime, IAsyncDisposable, IDisposable
{
    private const string Token = "dashboard-token-0123456789abcdef";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly EngineHarness _harness = new();
    private readonly ScriptedMetrics _metrics = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client = new();
    private SeriesBuffer? _series;
    private MetricSampler? _sampler;
    private RolloutController? _controller;
    private ControlServer? _server;
    private HeadlessChromium? _browser;
    private Task? _loop;

    public async Task InitializeAsync()
    {
        await _harness.WithStableAsync();
        _controller = new RolloutController(_harness.Engine, _harness.Clock, NullLogger.Instance);
        _loop = _controller.RunAsync(_stop.Token);
        _series = new SeriesBuffer(SeriesBuffer.DefaultCapacity, SeriesBuffer.ThresholdsOf(_harness.Spec.Analysis));
        _sampler = new MetricSampler(_metrics, () => _controller.Snapshot, _series, TimeSpan.FromSeconds(1), _harness.Clock, NullLogger.Instance);
        _server = ControlServer.Create(new Uri("http://127.0.0.1:0"), new BearerToken(Token), _controller, _harness.Store, series: _series);
        await _server.StartAsync();
        _browser = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop!.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        await _server!.DisposeAsync();
        await _harness.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public void Dispose()
    {
        _stop.Dispose();
        _client.Dispose();
    }

    [Fact]
    public async Task Page_Loads_NoProblemsStrictCspAndReadOnlyWithoutToken()
    {
        using var response = await _client.GetAsync(new Uri(_server!.Address, "/"));
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        await using var page = await OpenAsync();

        Assert.Equal("Airlock chat", await page.EvaluateAsync<string>("document.querySelector('h1').textContent.trim()"));
        Assert.Equal(8, await page.EvaluateAsync<int>("document.querySelectorAll('#charts figure svg').length"));
        Assert.Contains("v1", await page.EvaluateAsync<string>("document.getElementById('now').textContent"), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('button[data-action]')].every(b => b.disabled)"));
        Assert.Equal("token", await page.EvaluateAsync<string>("document.querySelector('label[for=token]') && 'token'"));
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('line.threshold')].length === 1"), "the default error-rate rollback threshold is drawn");
        Assert.True(page.Problems.Count == 0, string.Join(Environment.NewLine, page.Problems));
    }

    [Fact]
    public async Task RolloutInProgress_FiguresMoveAndAbortFromThePageRollsBack()
    {
        await using var page = await OpenAsync();
        await page.SetViewportAsync(390, 844, deviceScaleFactor: 1, mobile: true);
        var deployed = await _controller!.DeployAsync(new DeployRequest("v2", [], false, null), CancellationToken.None);
        Assert.True(deployed.Accepted, deployed.Message);
        await UntilAsync(() => _controller.Snapshot.Active?.Status.Phase == RolloutPhase.Stepping);
        Assert.True(await page.WaitForAsync("document.getElementById('now').textContent.includes('v2')", Patience), "the page shows the canary");

        await SampleAsync(ScriptedMetrics.Window("v1", 80, 0, 0.02), ScriptedMetrics.Window("v2", 20, 1, 0.03));
        Assert.True(await page.WaitForAsync(FigureIncludes("errorRate", "canary v2: 5.0%"), Patience), await FigureAsync(page));
        await SampleAsync(ScriptedMetrics.Window("v1", 80, 0, 0.02), ScriptedMetrics.Window("v2", 20, 10, 0.4));
        Assert.True(await page.WaitForAsync(FigureIncludes("errorRate", "canary v2: 50.0%"), Patience), await FigureAsync(page));
        Assert.True(await page.WaitForAsync("document.querySelectorAll('path.series.canary').length > 0", Patience));
        await SaveScreenshotAsync(page, "dashboard-canary-phone.png");

        await page.ClickAsync("document.getElementById('token')");
        await page.TypeAsync(Token);
        Assert.True(await page.WaitForAsync("!document.querySelector('button[data-action=abort]').disabled", Patience));
        await page.ClickAsync("document.querySelector('button[data-action=abort]')");

        await UntilAsync(() => _controller.Snapshot is { Active: null, Last.Status.Phase: RolloutPhase.Aborted });
        Assert.Equal(100, _harness.Router.WeightOf("v1"));
        Assert.True(_harness.Router.WeightOf("v2") <= 0, "no traffic to the aborted canary");
        Assert.True(await page.WaitForAsync("document.querySelector('#verdicts .tag.aborted') !== null", Patience), "the verdict log shows the abort");
        Assert.True(await page.WaitForAsync("document.getElementById('control-result').textContent.startsWith('abort:')", Patience));
        await SaveScreenshotAsync(page, "dashboard-aborted-phone.png");
        Assert.True(page.Problems.Count == 0, string.Join(Environment.NewLine, page.Problems));
    }

    private static string FigureIncludes(string chart, string text) =>
        $"(document.querySelector('[data-figure={chart}]')?.textContent ?? '').includes('{text}')";

    private static async Task<string> FigureAsync(BrowserPage page) =>
        await page.EvaluateAsync<string>("document.querySelector('[data-figure=errorRate]')?.textContent ?? '(none)'") ?? "(none)";

    private async Task<BrowserPage> OpenAsync()
    {
        var page = await _browser!.NewPageAsync();
        await page.NavigateAsync(_server!.Address);
        Assert.True(await page.WaitForAsync("document.body.dataset.ready === 'true'", Patience), string.Join(Environment.NewLine, page.Problems));
        return page;
    }

    private async Task SampleAsync(params RevisionWindow[] windows)
    {
        _metrics.Set(windows);
        _harness.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(windows.Length, await _sampler!.SampleOnceAsync(CancellationToken.None));
    }

    private async Task SaveScreenshotAsync(BrowserPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(file, await page.ScreenshotAsync());
        output.WriteLine($"screenshot: {file}");
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
