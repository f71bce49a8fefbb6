using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChatAgent.Widget;

/// <summary>
/// The widget's files, embedded in the assembly (so a deployed binary cannot lose them, and tests need no content
/// root), loaded and validated once at startup. widget.js gets widget.css substituted in as a string literal: the
/// styles arrive with the script in one request and become a constructed stylesheet, which a strict CSP allows.
/// </summary>
internal sealed class WidgetAssets
{
    public const string CssMarker = "'__WIDGET_CSS__'";

    // The script and its styles sit on third-party pages under a URL without a version: a few minutes of caching,
    // then a revalidation (a 304 when nothing changed), so a new revision reaches every host page within minutes.
    private const string SharedCache = "public, max-age=300";

    // The demo page changes with every deploy and is cheap to revalidate.
    private const string PageCache = "no-cache";

    private const string ResourcePrefix = "ChatAgent.wwwroot.";

    private readonly FrozenDictionary<string, WidgetAsset> _byPath;

    public WidgetAssets()
    {
        var css = Read("widget.css");
        var script = Read("widget.js");
        if (!script.Contains(CssMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"widget.js has no {CssMarker} marker for its styles; the embedded resource is not the widget.");
        }

        // JSON string escaping is valid JavaScript string syntax, and escapes '<' too.
        script = script.Replace(CssMarker, JsonSerializer.Serialize(css), StringComparison.Ordinal);
        WidgetAsset[] assets =
        [
            Asset("/widget.js", script, "text/javascript; charset=utf-8", SharedCache),
            Asset("/widget.css", css, "text/css; charset=utf-8", SharedCache),
            Asset("/", Read("index.html"), "text/html; charset=utf-8", PageCache),
            Asset("/demo.css", Read("demo.css"), "text/css; charset=utf-8", SharedCache),
            Asset("/favicon.svg", Read("favicon.svg"), "image/svg+xml", SharedCache),
        ];
        _byPath = assets.ToFrozenDictionary(a => a.Path, StringComparer.Ordinal);
    }

    public IEnumerable<WidgetAsset> All => _byPath.Values;

    public WidgetAsset this[string path] => _byPath[path];

    private static WidgetAsset Asset(string path, string text, string contentType, string cacheControl)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"";
        return new WidgetAsset(path, bytes, contentType, cacheControl, etag);
    }

    private static string Read(string name)
    {
        using var stream = typeof(WidgetAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedded widget file '{name}' is missing from the build (samples/ChatAgent/wwwroot/{name}).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
