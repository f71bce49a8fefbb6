using System.Globalization;
using System.Text;
using System.Text.Json;
using Airlock.Browser.DevTools;

namespace Airlock.Browser;

public sealed partial class BrowserPage
{
    // Runs on the connection's receive loop: classify and record, nothing slow.
    private void OnEvent(DevToolsEvent e)
    {
        var p = e.Params;
        switch (e.Method)
        {
            case "Page.loadEventFired":
                Volatile.Read(ref _load)?.TrySetResult();
                break;
            case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                Add(PageProblemKind.ConsoleError, ConsoleText(p), FirstFrameUrl(p));
                break;
            case "Runtime.exceptionThrown":
                var details = p.GetProperty("exceptionDetails");
                Add(PageProblemKind.UncaughtException, Describe(details), details.TryGetProperty("url", out var url) ? url.GetString() : null);
                break;
            case "Log.entryAdded":
                OnLogEntry(p.GetProperty("entry"));
                break;
            case "Network.requestWillBeSent":
                lock (_gate)
                {
                    _requestUrls[p.GetProperty("requestId").GetString()!] = p.GetProperty("request").GetProperty("url").GetString()!;
                }

                break;
            case "Network.responseReceived":
                var response = p.GetProperty("response");
                var status = response.GetProperty("status").GetInt32();
                if (status >= 400)
                {
                    Add(PageProblemKind.FailedRequest, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), response.GetProperty("url").GetString());
                }

                break;
            case "Network.loadingFailed":
                OnLoadingFailed(p);
                break;
            default:
                break;
        }
    }

    private void OnLogEntry(JsonElement entry)
    {
        var text = entry.GetProperty("text").GetString() ?? string.Empty;
        var source = entry.GetProperty("source").GetString();
        var url = entry.TryGetProperty("url", out var u) ? u.GetString() : null;

        // Chrome reports a CSP refusal only here (for inline script and style, eval) or here and in loadingFailed.
        if (text.Contains("Content Security Policy", StringComparison.Ordinal))
        {
            Add(PageProblemKind.CspViolation, text, url);
            return;
        }

        // "Failed to load resource" entries repeat what the Network events already recorded, with less detail.
        if (entry.GetProperty("level").GetString() == "error" && source != "network")
        {
            Add(PageProblemKind.ConsoleError, text, url);
        }
    }

    private void OnLoadingFailed(JsonElement p)
    {
        // A cancelled request (a navigation away, an aborted fetch) is the page's own decision, not a failure.
        if (p.TryGetProperty("canceled", out var canceled) && canceled.GetBoolean())
        {
            return;
        }

        string? url;
        lock (_gate)
        {
            _requestUrls.TryGetValue(p.GetProperty("requestId").GetString()!, out url);
        }

        var error = p.GetProperty("errorText").GetString() ?? "failed";
        if (p.TryGetProperty("blockedReason", out var blocked))
        {
            var reason = blocked.GetString();
            Add(reason is "csp" ? PageProblemKind.CspViolation : PageProblemKind.FailedRequest, $"{error} (blocked: {reason})", url);
            return;
        }

        Add(PageProblemKind.FailedRequest, error, url);
    }

    private void Add(PageProblemKind kind, string message, string? url)
    {
        lock (_gate)
        {
            _problems.Add(new PageProblem(kind, message, string.IsNullOrEmpty(url) ? null : url));
        }
    }

    private static string ConsoleText(JsonElement p)
    {
        var text = new StringBuilder();
        foreach (var arg in p.GetProperty("args").EnumerateArray())
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(arg.TryGetProperty("value", out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : arg.TryGetProperty("description", out var description) ? description.GetString() : arg.GetProperty("type").GetString());
        }

        return text.ToString();
    }

    private static string? FirstFrameUrl(JsonElement p) =>
        p.TryGetProperty("stackTrace", out var stack) && stack.GetProperty("callFrames") is { ValueKind: JsonValueKind.Array } frames && frames.GetArrayLength() > 0
            ? frames[0].GetProperty("url").GetString()
            : null;
}
