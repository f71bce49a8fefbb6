using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Browser.DevTools;

namespace Airlock.Browser;

/// <summary>
/// One tab. Everything the page reports that a user would call broken (console errors, uncaught exceptions, CSP
/// violations, failed requests) is collected in <see cref="Problems"/> from the moment the tab opens.
/// </summary>
public sealed partial class BrowserPage : IAsyncDisposable
{
    private readonly DevToolsConnection _connection;
    private readonly string _targetId;
    private readonly string _sessionId;
    private readonly List<PageProblem> _problems = [];
    private readonly Dictionary<string, string> _requestUrls = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource? _load;
    private int _disposed;

    internal BrowserPage(DevToolsConnection connection, string targetId, string sessionId)
    {
        _connection = connection;
        _targetId = targetId;
        _sessionId = sessionId;
        _connection.Listen(sessionId, OnEvent);
    }

    /// <summary>A copy of the problems seen so far, in the order the browser reported them.</summary>
    public IReadOnlyList<PageProblem> Problems
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Forgets the problems seen so far, for a test that provokes some on purpose and then checks for new ones.</summary>
    public void ClearProblems()
    {
        lock (_gate)
        {
            _problems.Clear();
        }
    }

    internal async Task EnableAsync(CancellationToken cancellationToken)
    {
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" })
        {
            await SendAsync(domain, null, cancellationToken);
        }
    }

    /// <summary>Emulates a device screen: <paramref name="mobile"/> also turns on the mobile meta-viewport and touch behaviour.</summary>
    public async Task SetViewportAsync(int width, int height, double deviceScaleFactor = 1, bool mobile = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        await SendAsync(
            "Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = deviceScaleFactor, ["mobile"] = mobile },
            cancellationToken);
        await SendAsync("Emulation.setTouchEmulationEnabled", new JsonObject { ["enabled"] = mobile }, cancellationToken);
    }

    /// <summary>Navigates and waits for the page's load event.</summary>
    /// <exception cref="DevToolsException">The navigation failed (the browser's error text, e.g. net::ERR_CONNECTION_REFUSED).</exception>
    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var load = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _load, load);
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, cancellationToken);
        if (result.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } text)
        {
            throw new DevToolsException($"Navigating to {url} failed: {text}.");
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await load.Task.WaitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DevToolsException($"{url} did not fire its load event within 30 s.");
        }
    }

    /// <summary>
    /// Evaluates a JavaScript expression in the page and returns its value as JSON; a promise is awaited first.
    /// </summary>
    /// <exception cref="DevToolsException">The expression threw (the message carries the exception's description).</exception>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var result = await SendAsync(
            "Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true, ["userGesture"] = true },
            cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out var details))
        {
            throw new DevToolsException($"The page script threw: {Describe(details)}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    /// <summary>Evaluates an expression and deserializes its JSON value (web defaults: camelCase properties match PascalCase ones).</summary>
    public async Task<T?> EvaluateAsync<T>(string expression, CancellationToken cancellationToken = default)
    {
        var value = await EvaluateAsync(expression, cancellationToken);
        return value.ValueKind == JsonValueKind.Undefined ? default : value.Deserialize<T>(JsonSerializerOptions.Web);
    }

    /// <summary>
    /// Waits until a JavaScript condition is truthy, checking in the page every 20 ms, so no update between checks is
    /// missed by a slow round trip. Returns false if the time runs out.
    /// </summary>
    public async Task<bool> WaitForAsync(string condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(condition);
        var script = $$"""
            new Promise(resolve => {
              const end = performance.now() + {{(long)timeout.TotalMilliseconds}};
              const tick = () => {
                let value = false;
                try { value = ({{condition}}); } catch { value = false; }
                if (value) { resolve(true); } else if (performance.now() > end) { resolve(false); } else { setTimeout(tick, 20); }
              };
              tick();
            })
            """;
        var result = await EvaluateAsync(script, cancellationToken);
        return result.ValueKind == JsonValueKind.True;
    }

    /// <summary>Runs a script in every document this tab loads from now on, before the page's own scripts (not subject to the page's CSP).</summary>
    public async Task AddInitScriptAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        await SendAsync("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = source }, cancellationToken);
    }

    /// <summary>Sends a DevTools Protocol command this API does not wrap (for example <c>Emulation.setPageScaleFactor</c>) to this tab.</summary>
    public Task<JsonElement> SendCommandAsync(string method, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return SendAsync(method, parameters, cancellationToken);
    }

    /// <summary>A PNG of the current viewport.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken);
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _connection.StopListening(_sessionId);
        try
        {
            await _connection.SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = _targetId }, null, CancellationToken.None);
        }
        catch (DevToolsException)
        {
            // The browser is already gone; so is the tab.
        }
    }

    private Task<JsonElement> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _connection.SendAsync(method, parameters, _sessionId, cancellationToken);
    }

    private static string Describe(JsonElement details) =>
        details.TryGetProperty("exception", out var exception) && exception.TryGetProperty("description", out var description)
            ? description.GetString() ?? details.GetProperty("text").GetString() ?? "unknown error"
            : details.TryGetProperty("text", out var text) ? text.GetString() ?? "unknown error" : "unknown error";
}
