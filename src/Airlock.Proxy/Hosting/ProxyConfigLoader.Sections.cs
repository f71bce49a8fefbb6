using System.Collections.Immutable;
using Airlock.Core.Config;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Routing;
using YamlDotNet.RepresentationModel;

namespace Airlock.Proxy.Hosting;

internal static partial class ProxyConfigLoader
{
    private static readonly string[] RevisionKeys = ["name", "upstream", "weight"];

    private static UserKeySource ReadUserKey(YamlConfigReader reader, YamlNode node)
    {
        string? header = null, cookie = null;
        reader.ReadMapping(node, "userKey", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["header"] = n => header = reader.String(n, "userKey.header"),
            ["cookie"] = n => cookie = reader.String(n, "userKey.cookie"),
        });
        if (header is null && cookie is null)
        {
            reader.Error(node, "'userKey' needs a 'header', a 'cookie' or both.");
        }

        return new UserKeySource(header, cookie);
    }

    private static ImmutableArray<Revision> ReadRevisions(YamlConfigReader reader, YamlNode node)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            reader.Error(node, "'revisions' must be a non-empty list.", "write one '- name: v1' entry with 'upstream' and 'weight' per revision");
            return [];
        }

        var revisions = ImmutableArray.CreateBuilder<Revision>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Children)
        {
            string? name = null;
            Uri? upstream = null;
            int? weight = null;
            reader.ReadMapping(item, "a revision", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
            {
                ["name"] = n => name = reader.String(n, "name"),
                ["upstream"] = n => upstream = ReadUpstream(reader, n),
                ["weight"] = n =>
                {
                    weight = reader.Int(n, "weight");
                    if (weight is < 0 or > 1_000_000)
                    {
                        reader.Error(n, "'weight' must be between 0 and 1000000.", "weights are relative shares, for example 95 and 5");
                        weight = null;
                    }
                },
            });
            if (name is null || upstream is null || weight is null)
            {
                // A key that is present but invalid has its own error already; only absent keys are reported here.
                var missing = RevisionKeys.Where(k => !HasKey(item, k)).ToList();
                if (missing.Count > 0)
                {
                    reader.Error(item, $"a revision needs 'name', 'upstream' and 'weight'; missing: {string.Join(", ", missing)}.");
                }

                continue;
            }

            if (!names.Add(name))
            {
                reader.Error(item, $"revision '{name}' is listed twice in this route.");
                continue;
            }

            revisions.Add(new Revision(name, upstream, weight.Value));
        }

        return revisions.ToImmutable();
    }

    private static string? ReadHeaderName(YamlConfigReader reader, YamlNode node, string key)
    {
        if (reader.String(node, key) is not { } name)
        {
            return null;
        }

        // An HTTP token: letters, digits and !#$%&'*+-.^_`|~ (RFC 9110, section 5.6.2).
        if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
        {
            return name;
        }

        reader.Error(node, $"'{key}' '{name}' is not a header name.", "for example: errorCodeHeader: X-Error-Code");
        return null;
    }

    private static bool HasKey(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: { } v } && v == key);

    private static Uri? ReadUpstream(YamlConfigReader reader, YamlNode node)
    {
        if (reader.String(node, "upstream") is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
        {
            return uri;
        }

        reader.Error(node, $"upstream '{text}' must be an absolute http or https URL without query, fragment or credentials.", "for example: upstream: http://127.0.0.1:5001");
        return null;
    }

    private static List<(YamlNode Node, RingRule Rule)> ReadRings(YamlConfigReader reader, YamlNode node)
    {
        var rings = new List<(YamlNode, RingRule)>();
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "'rings' must be a list.", "write one '- revision: v2' entry per allow-list");
            return rings;
        }

        foreach (var item in sequence.Children)
        {
            string? revision = null, header = null;
            var userKeys = ImmutableArray<string>.Empty;
            var values = ImmutableArray<string>.Empty;
            reader.ReadMapping(item, "a ring", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
            {
                ["revision"] = n => revision = reader.String(n, "revision"),
                ["userKeys"] = n => userKeys = reader.StringList(n, "userKeys"),
                ["header"] = n => header = reader.String(n, "header"),
                ["values"] = n => values = reader.StringList(n, "values"),
            });
            if (revision is null)
            {
                reader.Error(item, "a ring needs the 'revision' its members go to.");
                continue;
            }

            if (userKeys.IsEmpty && (header is null || values.IsEmpty))
            {
                reader.Error(item, "a ring needs 'userKeys', or a 'header' with 'values'.", "for example: header: X-Airlock-Ring, values: [internal]");
                continue;
            }

            if ((header is null) != values.IsEmpty)
            {
                reader.Error(item, "a ring's 'header' and 'values' go together.");
                continue;
            }

            rings.Add((item, new RingRule(revision, [.. userKeys], header, [.. values])));
        }

        return rings;
    }

    private static ForwarderOptions ReadForwarding(YamlConfigReader reader, YamlNode node)
    {
        var options = ForwarderOptions.Default;
        reader.ReadMapping(node, "forwarding", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["connectTimeout"] = n => options = reader.Duration(n, "connectTimeout") is { } d ? options with { ConnectTimeout = d } : options,
            ["responseHeadersTimeout"] = n => options = reader.Duration(n, "responseHeadersTimeout") is { } d ? options with { ResponseHeadersTimeout = d } : options,
            ["idleStreamTimeout"] = n => options = reader.Duration(n, "idleStreamTimeout") is { } d ? options with { IdleStreamTimeout = d } : options,
            ["maxRequestBodySize"] = n => options = reader.Size(n, "maxRequestBodySize") is { } s ? options with { MaxRequestBodySize = s } : options,
            ["maxRequestHeadersSize"] = n => options = reader.Size(n, "maxRequestHeadersSize") is { } s and <= int.MaxValue ? options with { MaxRequestHeadersTotalSize = (int)s } : options,
            ["drainTimeout"] = n => options = reader.Duration(n, "drainTimeout") is { } d ? options with { DrainTimeout = d } : options,
            ["errorCodeHeader"] = n => options = ReadHeaderName(reader, n, "errorCodeHeader") is { } h ? options with { ErrorCodeHeader = h } : options,
            ["trustForwardedHeaders"] = n => options = reader.Bool(n, "trustForwardedHeaders") is { } b ? options with { TrustIncomingForwardedHeaders = b } : options,
            ["host"] = n =>
            {
                switch (reader.String(n, "host"))
                {
                    case "upstream":
                        options = options with { Host = HostPolicy.Upstream };
                        break;
                    case "preserve":
                        options = options with { Host = HostPolicy.Preserve };
                        break;
                    case { } other:
                        reader.Error(n, $"host '{other}' is not a host policy.", "write 'upstream' (the revision's own host) or 'preserve' (the client's Host)");
                        break;
                }
            },
        });
        return options;
    }
}
