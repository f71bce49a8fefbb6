using System.Text.Json.Nodes;

namespace Airlock.Browser;

public sealed partial class BrowserPage
{
    /// <summary>
    /// Clicks the centre of the element a JavaScript expression returns (it may reach into shadow roots:
    /// <c>document.querySelector('x').shadowRoot.querySelector('button')</c>), with real mouse events.
    /// </summary>
    /// <exception cref="DevToolsException">The expression returned no element.</exception>
    public async Task ClickAsync(string elementExpression, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementExpression);
        var centre = await EvaluateAsync(
            $$"""
            (() => {
              const element = ({{elementExpression}});
              if (!element) { return null; }
              element.scrollIntoView({ block: 'center', inline: 'center' });
              const r = element.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            })()
            """,
            cancellationToken);
        if (centre.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new DevToolsException($"No element to click: `{elementExpression}` returned nothing.");
        }

        var x = centre.GetProperty("x").GetDouble();
        var y = centre.GetProperty("y").GetDouble();
        await MouseAsync("mouseMoved", x, y, cancellationToken);
        await MouseAsync("mousePressed", x, y, cancellationToken);
        await MouseAsync("mouseReleased", x, y, cancellationToken);
    }

    /// <summary>Types text into the focused element, as an input method would (one input event per call).</summary>
    public Task TypeAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SendAsync("Input.insertText", new JsonObject { ["text"] = text }, cancellationToken);
    }

    /// <summary>Presses and releases a key on the focused element, with the browser's default action (Tab moves focus).</summary>
    public async Task PressKeyAsync(Key key, CancellationToken cancellationToken = default)
    {
        var (name, code, virtualKey, text) = key switch
        {
            Key.Enter => ("Enter", "Enter", 13, "\r"),
            Key.Escape => ("Escape", "Escape", 27, null),
            Key.Tab => ("Tab", "Tab", 9, null),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a key this driver can send."),
        };
        var down = new JsonObject
        {
            // A key that produces text is a "keyDown"; one that does not is a "rawKeyDown" (the protocol's distinction).
            ["type"] = text is null ? "rawKeyDown" : "keyDown",
            ["key"] = name,
            ["code"] = code,
            ["windowsVirtualKeyCode"] = virtualKey,
        };
        if (text is not null)
        {
            down["text"] = text;
        }

        await SendAsync("Input.dispatchKeyEvent", down, cancellationToken);
        await SendAsync(
            "Input.dispatchKeyEvent",
            new JsonObject { ["type"] = "keyUp", ["key"] = name, ["code"] = code, ["windowsVirtualKeyCode"] = virtualKey },
            cancellationToken);
    }

    private async Task MouseAsync(string type, double x, double y, CancellationToken cancellationToken) =>
        await SendAsync(
            "Input.dispatchMouseEvent",
            new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 },
            cancellationToken);
}
