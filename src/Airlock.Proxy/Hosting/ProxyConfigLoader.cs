using System.Collections.Immutable;
using Airlock.Core.Config;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Routing;
using Microsoft.AspNetCore.Http;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Airlock.Proxy.Hosting;

/// <summary>
/// Reads a route file (docs/proxy.md) strictly: unknown keys, bad values, duplicate names, rings naming unknown
/// revisions and routes without traffic are errors with file and line, all reported at once.
/// </summary>
internal static partial class ProxyConfigLoader
{
    public static ProxyConfig Load(string path, string? displayPath = null) =>
        Parse(File.ReadAllText(path), displayPath ?? path);

    public static ProxyConfig Parse(string text, string file, long generation = 1)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var location = new ConfigLocation(file, (int)ex.Start.Line, (int)ex.Start.Column);
            throw new ConfigException([new ConfigError(location, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}", "check the indentation and quoting on or just above this line")]);
        }

        var reader = new YamlConfigReader(file);
        if (stream.Documents.Count == 0)
        {
            throw new ConfigException([new ConfigError(new ConfigLocation(file, 0, 0), "the route file is empty.", "add a 'routes:' list")]);
        }

        var root = stream.Documents[0].RootNode;
        var routes = ImmutableArray<Route>.Empty;
        var forwarding = ForwarderOptions.Default;
        var sawRoutes = false;
        reader.ReadMapping(root, "the route file", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["version"] = node =>
            {
                if (reader.Int(node, "version") is { } version && version != 1)
                {
                    reader.Error(node, $"version {version} is not supported.", "this Airlock reads version: 1");
                }
            },
            ["routes"] = node =>
            {
                sawRoutes = true;
                routes = ReadRoutes(reader, node);
            },
            ["forwarding"] = node => forwarding = ReadForwarding(reader, node),
        });
        if (!sawRoutes && reader.Errors.Count == 0)
        {
            reader.Error(root, "the route file has no 'routes:' list.", "add at least one route with its revisions");
        }

        if (reader.Errors.Count > 0)
        {
            throw new ConfigException(reader.Errors);
        }

        return new ProxyConfig(new RouteTable(routes, generation), forwarding);
    }

    private static ImmutableArray<Route> ReadRoutes(YamlConfigReader reader, YamlNode node)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            reader.Error(node, "'routes' must be a non-empty list.", "write one '- name: ...' entry per route");
            return [];
        }

        var routes = ImmutableArray.CreateBuilder<Route>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence.Children)
        {
            if (ReadRoute(reader, item) is not { } route)
            {
                continue;
            }

            if (!names.Add(route.Name))
            {
                reader.Error(item, $"route '{route.Name}' is defined twice.", "route names must be unique");
            }
            else if (!prefixes.Add(route.PathPrefix.Value!))
            {
                reader.Error(item, $"route '{route.Name}' repeats the path prefix '{route.PathPrefix}'.", "each path prefix belongs to one route");
            }
            else
            {
                routes.Add(route);
            }
        }

        return routes.ToImmutable();
    }

    private static Route? ReadRoute(YamlConfigReader reader, YamlNode node)
    {
        string? name = null, salt = null, conversationHeader = null;
        var prefix = new PathString("/");
        var userKey = UserKeySource.Default;
        var revisions = ImmutableArray<Revision>.Empty;
        var rings = new List<(YamlNode Node, RingRule Rule)>();
        YamlNode? revisionsNode = null;
        reader.ReadMapping(node, "a route", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["name"] = n => name = reader.String(n, "name"),
            ["pathPrefix"] = n =>
            {
                if (reader.String(n, "pathPrefix") is { } text)
                {
                    if (text.StartsWith('/') && !text.Contains('?', StringComparison.Ordinal) && !text.Contains('#', StringComparison.Ordinal))
                    {
                        prefix = new PathString(text.Length > 1 ? text.TrimEnd('/') : text);
                    }
                    else
                    {
                        reader.Error(n, $"pathPrefix '{text}' must be a path starting with '/'.", "for example: pathPrefix: /api");
                    }
                }
            },
            ["salt"] = n => salt = reader.String(n, "salt"),
            ["userKey"] = n => userKey = ReadUserKey(reader, n),
            ["conversation"] = n => reader.ReadMapping(n, "conversation", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
            {
                ["header"] = h => conversationHeader = reader.String(h, "conversation.header"),
            }),
            ["revisions"] = n =>
            {
                revisionsNode = n;
                revisions = ReadRevisions(reader, n);
            },
            ["rings"] = n => rings = ReadRings(reader, n),
        });

        if (name is null)
        {
            reader.Error(node, "a route needs a 'name'.");
            return null;
        }

        if (revisionsNode is null)
        {
            reader.Error(node, $"route '{name}' has no 'revisions'.", "list at least one revision with an upstream and a weight");
            return null;
        }

        // Only when every revision was read: a revision dropped for its own error would make this one a false echo.
        if (revisions.Length > 0 && revisionsNode is YamlSequenceNode read && read.Children.Count == revisions.Length && revisions.All(r => r.Weight == 0))
        {
            reader.Error(revisionsNode, $"route '{name}': every revision has weight 0, so no request could be served.", "give at least one revision a weight above 0");
        }

        foreach (var (ringNode, rule) in rings)
        {
            if (!revisions.Any(r => r.Name == rule.Revision))
            {
                reader.Error(ringNode, $"route '{name}': the ring names revision '{rule.Revision}', which the route does not have.", $"known revisions: {string.Join(", ", revisions.Select(r => r.Name))}");
            }
        }

        // Without a salt the route name is used: stable across restarts, though the same users lead every rollout of it.
        return new Route(name, prefix, salt ?? name, userKey, conversationHeader, revisions, [.. rings.Select(r => r.Rule)]);
    }
}
