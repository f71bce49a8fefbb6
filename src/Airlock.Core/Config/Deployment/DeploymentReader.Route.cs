using System.Text.RegularExpressions;
using Airlock.Core.Deployment;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

internal sealed partial class DeploymentReader
{
    public void ReadRoute(YamlNode node)
    {
        _sections.Add(("route", node));
        var route = new RouteSpec();
        reader.ReadMapping(node, "route", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["listen"] = n => route = route with { Listen = Url(n, "route.listen", loopbackOnly: false) ?? route.Listen },
            ["admin"] = n => route = route with { Admin = Url(n, "route.admin", loopbackOnly: true) ?? route.Admin },
            ["userKey"] = n => route = ReadUserKey(n, route),
            ["conversation"] = n => reader.ReadMapping(n, "route.conversation", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
            {
                ["header"] = h => route = route with { ConversationHeader = Header(h, "route.conversation.header") },
            }),
        });
        _route = route;
    }

    /// <summary>Writing <c>userKey</c> replaces both defaults: a key left out is not read.</summary>
    private RouteSpec ReadUserKey(YamlNode node, RouteSpec route)
    {
        route = route with { UserKeyHeader = null, UserKeyCookie = null };
        reader.ReadMapping(node, "route.userKey", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["header"] = n => route = route with { UserKeyHeader = Header(n, "route.userKey.header") },
            ["cookie"] = n => route = route with { UserKeyCookie = Cookie(n, "route.userKey.cookie") },
        });
        if (node is YamlMappingNode && route.UserKeyHeader is null && route.UserKeyCookie is null && !HasKey(node, "header") && !HasKey(node, "cookie"))
        {
            reader.Error(node, "'route.userKey' names neither a header nor a cookie.", "for example userKey: { header: X-User-Id, cookie: airlock_uid }");
        }

        return route;
    }

    private Uri? Url(YamlNode node, string key, bool loopbackOnly, bool allowPath = false)
    {
        var text = reader.String(node, key);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            reader.Error(node, $"'{key}' must be an http:// or https:// URL, not '{text}'.", "for example http://127.0.0.1:9090");
            return null;
        }

        if (!allowPath && (url.PathAndQuery != "/" || url.Fragment.Length > 0))
        {
            reader.Error(node, $"'{key}' is a base address: it must not carry a path or query ('{url.PathAndQuery}').", $"write only scheme, host and port, e.g. {url.Scheme}://{url.Authority}");
            return null;
        }

        if (loopbackOnly && !url.IsLoopback)
        {
            reader.Error(node, $"'{key}' must be on loopback, not '{url.Host}': whoever reaches it can move traffic.", "use http://127.0.0.1:<port> (or [::1] or localhost)");
            return null;
        }

        return url;
    }

    private string? Header(YamlNode node, string key)
    {
        var text = reader.String(node, key);
        if (text is not null && !HeaderToken().IsMatch(text))
        {
            reader.Error(node, $"'{key}' is not a valid HTTP header name: '{text}'.", "letters, digits and - (no spaces or ':'), e.g. X-User-Id");
            return null;
        }

        return text;
    }

    private string? Cookie(YamlNode node, string key)
    {
        var text = reader.String(node, key);
        if (text is not null && !HeaderToken().IsMatch(text))
        {
            reader.Error(node, $"'{key}' is not a valid cookie name: '{text}'.", "letters, digits, '-' and '_', e.g. airlock_uid");
            return null;
        }

        return text;
    }

    /// <summary>An RFC 9110 token: what header and cookie names are made of.</summary>
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderToken();
}
