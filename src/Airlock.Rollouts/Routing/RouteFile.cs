using System.Collections.Immutable;
using System.Globalization;
using Airlock.Core.Deployment;
using YamlDotNet.RepresentationModel;

namespace Airlock.Rollouts.Routing;

/// <summary>
/// The proxy's route file text as a YAML tree: one route is read from it, or its revisions and salt are replaced
/// while everything else (other routes, <c>forwarding</c>, the route's userKey, conversation and prefix) is kept as
/// the proxy serves it. Rings that name a revision no longer in the route are dropped, since the proxy refuses them.
/// </summary>
internal sealed class RouteFile
{
    private readonly YamlStream _stream;
    private readonly YamlMappingNode _root;

    private RouteFile(YamlStream stream, YamlMappingNode root)
    {
        _stream = stream;
        _root = root;
    }

    public static RouteFile Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new RouterException($"the proxy's route table is not YAML: {ex.Message}", ex) { Code = "bad_answer" };
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? new RouteFile(stream, root)
            : throw new RouterException("the proxy's route table is not a YAML mapping.") { Code = "bad_answer" };
    }

    /// <summary>The route's revisions and salt at <paramref name="version"/>; no revisions when the proxy has no such route.</summary>
    public RouteState Read(string route, long version)
    {
        if (FindRoute(route) is not { } node)
        {
            return new RouteState(route, version, route, []);
        }

        var salt = Scalar(node, "salt") ?? route;
        var revisions = ImmutableArray.CreateBuilder<RouteRevision>();
        if (Child(node, "revisions") is YamlSequenceNode list)
        {
            foreach (var item in list.Children.OfType<YamlMappingNode>())
            {
                var name = Scalar(item, "name") ?? string.Empty;
                var upstream = Scalar(item, "upstream") ?? string.Empty;
                var weight = int.TryParse(Scalar(item, "weight"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : 0;
                revisions.Add(new RouteRevision(name, new Uri(upstream, UriKind.Absolute), weight));
            }
        }

        return new RouteState(route, version, salt, revisions.ToImmutable());
    }

    /// <summary>The whole file with <paramref name="desired"/>'s revisions and salt for its route.</summary>
    /// <param name="defaults">Used only when the proxy has no such route yet: its prefix is <c>/</c> and the sticky key comes from airlock.yaml.</param>
    public string Render(RouteState desired, RouteSpec defaults)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(defaults);
        var node = FindRoute(desired.Route) ?? AddRoute(desired.Route, defaults);
        node.Children[new YamlScalarNode("salt")] = new YamlScalarNode(desired.Salt);
        var revisions = new YamlSequenceNode();
        foreach (var revision in desired.Revisions)
        {
            revisions.Add(new YamlMappingNode(
                new YamlScalarNode("name"), new YamlScalarNode(revision.Name),
                new YamlScalarNode("upstream"), new YamlScalarNode(revision.Upstream.OriginalString.TrimEnd('/')),
                new YamlScalarNode("weight"), new YamlScalarNode(revision.Weight.ToString(CultureInfo.InvariantCulture))));
        }

        node.Children[new YamlScalarNode("revisions")] = revisions;
        if (Child(node, "rings") is YamlSequenceNode rings)
        {
            var names = desired.Revisions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var kept = new YamlSequenceNode(rings.Children.Where(r => r is not YamlMappingNode ring || Scalar(ring, "revision") is not { } name || names.Contains(name)));
            if (kept.Children.Count == 0)
            {
                node.Children.Remove(new YamlScalarNode("rings"));
            }
            else
            {
                node.Children[new YamlScalarNode("rings")] = kept;
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        _stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private YamlMappingNode? FindRoute(string route) =>
        (Child(_root, "routes") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .FirstOrDefault(r => string.Equals(Scalar(r, "name"), route, StringComparison.Ordinal));

    private YamlMappingNode AddRoute(string route, RouteSpec defaults)
    {
        if (Child(_root, "routes") is not YamlSequenceNode routes)
        {
            routes = new YamlSequenceNode();
            _root.Children[new YamlScalarNode("routes")] = routes;
        }

        if (routes.Children.OfType<YamlMappingNode>().Any(r => (Scalar(r, "pathPrefix") ?? "/") == "/"))
        {
            throw new RouterException($"the proxy has no route '{route}' and another route already serves the prefix '/'; add '{route}' to the proxy's route file.") { Code = "invalid_routes" };
        }

        var node = new YamlMappingNode(new YamlScalarNode("name"), new YamlScalarNode(route), new YamlScalarNode("pathPrefix"), new YamlScalarNode("/"));
        var userKey = new YamlMappingNode();
        if (defaults.UserKeyHeader is { } header)
        {
            userKey.Add("header", header);
        }

        if (defaults.UserKeyCookie is { } cookie)
        {
            userKey.Add("cookie", cookie);
        }

        if (userKey.Children.Count > 0)
        {
            node.Add("userKey", userKey);
        }

        if (defaults.ConversationHeader is { } conversation)
        {
            node.Add("conversation", new YamlMappingNode(new YamlScalarNode("header"), new YamlScalarNode(conversation)));
        }

        routes.Add(node);
        return node;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
