using System.Collections.Immutable;
using Airlock.Core.Deployment;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

internal sealed partial class DeploymentReader
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public void ReadVerify(YamlNode node)
    {
        _sections.Add(("verify", node));
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "'verify' must be a list of probes.", "start each probe with '- name: ...'");
            return;
        }

        var probes = ImmutableArray.CreateBuilder<VerifyProbeSpec>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence.Children)
        {
            if (ReadProbe(item) is not { } probe)
            {
                continue;
            }

            if (!names.Add(probe.Name))
            {
                reader.Error(item, $"two probes are named '{probe.Name}'.", "give each probe a unique name: verdicts and the audit trail quote it");
            }

            probes.Add(probe);
        }

        _verify = probes.ToImmutable();
    }

    private VerifyProbeSpec? ReadProbe(YamlNode node)
    {
        string? name = null;
        var probe = new VerifyProbeSpec { Name = string.Empty, Path = string.Empty, Source = reader.Locate(node) };
        var hasRequest = false;
        reader.ReadMapping(node, "a probe", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["name"] = n => name = reader.String(n, "verify[].name"),
            ["request"] = n => (hasRequest, probe) = (true, ReadProbeRequest(n, probe)),
            ["expect"] = n => probe = ReadProbeExpect(n, probe),
            ["timeout"] = n => probe = probe with { Timeout = reader.Duration(n, "verify[].timeout") ?? probe.Timeout },
        });
        if (node is not YamlMappingNode)
        {
            return null;
        }

        if (name is null && !HasKey(node, "name"))
        {
            reader.Error(node, "a probe needs a 'name'.", "say what it proves, e.g. 'known-bad input gets the app's own error'");
        }

        if (!hasRequest)
        {
            reader.Error(node, "a probe needs a 'request'.", "for example request: { method: POST, path: /agent/run, body: \"\" }");
        }

        if (probe.Body is not null && probe.Method is "GET" or "HEAD")
        {
            reader.Error(node, $"a {probe.Method} probe cannot send a body.", "use POST (or PUT/PATCH) for a request with a body");
        }

        if (probe.Method == "HEAD" && (probe.ExpectBody is not null || probe.ExpectJsonPath is not null))
        {
            reader.Error(node, "a HEAD probe cannot expect a body: HEAD responses have none.", "use GET to check the body");
        }

        return name is null || probe.Path.Length == 0 ? null : probe with { Name = name };
    }

    private VerifyProbeSpec ReadProbeRequest(YamlNode node, VerifyProbeSpec probe)
    {
        reader.ReadMapping(node, "verify[].request", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["method"] = n => probe = probe with { Method = Method(n) ?? probe.Method },
            ["path"] = n => probe = probe with { Path = RequestPath(n, "verify[].request.path") ?? string.Empty },
            ["headers"] = n => probe = probe with { Headers = ReadProbeHeaders(n) },
            ["body"] = n => probe = probe with { Body = Text(n, "verify[].request.body") },
        });
        if (node is YamlMappingNode && !HasKey(node, "path"))
        {
            reader.Error(node, "a probe's request needs a 'path'.", "for example path: /agent/run");
        }

        return probe;
    }

    private VerifyProbeSpec ReadProbeExpect(YamlNode node, VerifyProbeSpec probe)
    {
        reader.ReadMapping(node, "verify[].expect", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["status"] = n =>
            {
                var status = reader.Int(n, "verify[].expect.status");
                if (status is < 100 or > 599)
                {
                    reader.Error(n, $"'verify[].expect.status' must be an HTTP status 100-599, not {status}.", "for example 400 for a known-bad input");
                }

                probe = probe with { ExpectStatus = status ?? probe.ExpectStatus };
            },
            ["body"] = n => probe = probe with { ExpectBody = reader.String(n, "verify[].expect.body") },
            ["json"] = n => probe = ReadProbeJson(n, probe),
        });
        return probe;
    }

    private VerifyProbeSpec ReadProbeJson(YamlNode node, VerifyProbeSpec probe)
    {
        reader.ReadMapping(node, "verify[].expect.json", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["path"] = n =>
            {
                var path = reader.String(n, "verify[].expect.json.path");
                if (path is not null && path.Split('.').Any(segment => segment.Length == 0))
                {
                    reader.Error(n, $"'{path}' is not a JSON path: a segment is empty.", "dotted property names, e.g. code or error.kind");
                    path = null;
                }

                probe = probe with { ExpectJsonPath = path };
            },
            ["equals"] = n => probe = probe with { ExpectJsonEquals = Text(n, "verify[].expect.json.equals") },
        });
        if (node is YamlMappingNode && (!HasKey(node, "path") || !HasKey(node, "equals")))
        {
            reader.Error(node, "'verify[].expect.json' needs both 'path' and 'equals'.", "for example json: { path: code, equals: agent.empty_body }");
        }

        return probe;
    }

    private ImmutableDictionary<string, string> ReadProbeHeaders(YamlNode node)
    {
        var headers = reader.ReadStringMap(node, "verify[].request.headers");
        if (node is YamlMappingNode mapping)
        {
            foreach (var key in mapping.Children.Keys)
            {
                var text = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!HeaderToken().IsMatch(text))
                {
                    reader.Error(key, $"'{text}' is not a valid HTTP header name.", "letters, digits and -, e.g. content-type");
                }
            }
        }

        return headers.WithComparers(StringComparer.OrdinalIgnoreCase);
    }

    private string? Method(YamlNode node)
    {
        var text = reader.String(node, "verify[].request.method");
        if (text is null)
        {
            return null;
        }

        var method = text.ToUpperInvariant();
        if (Methods.Contains(method, StringComparer.Ordinal))
        {
            return method;
        }

        var suggestion = YamlConfigReader.Suggest(method, Methods);
        reader.Error(node, $"unknown HTTP method '{text}'.", suggestion is null ? $"use one of {string.Join(", ", Methods)}" : $"did you mean '{suggestion}'?");
        return null;
    }

    /// <summary>A text value that may be empty (<c>body: ""</c> sends an empty body on purpose).</summary>
    private string? Text(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } scalar && (value.Length > 0 || scalar.Style != YamlDotNet.Core.ScalarStyle.Plain))
        {
            return value;
        }

        reader.Error(node, $"'{key}' must be a text value.", "quote it; write \"\" for an empty one");
        return null;
    }
}
