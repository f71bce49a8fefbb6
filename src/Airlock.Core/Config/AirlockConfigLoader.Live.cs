using System.Collections.Immutable;
using Airlock.Core.Config.Live;
using Airlock.Core.Readiness;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

/// <summary>The <c>live:</c> section (docs/checks/live.md): probe paths, fields, budgets and the team's own probes.</summary>
public static partial class AirlockConfigLoader
{
    private static readonly string[] HttpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private static LiveConfig ReadLive(YamlConfigReader reader, YamlNode node)
    {
        var live = new LiveConfig();
        reader.ReadMapping(node, "live", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["timeout"] = n => live = live with { Timeout = reader.Duration(n, "live.timeout") ?? live.Timeout },
            ["deadline"] = n => live = live with { Deadline = reader.Duration(n, "live.deadline") ?? live.Deadline },
            ["max_requests"] = n => live = live with { MaxRequests = Positive(reader, n, "live.max_requests", 10_000) ?? live.MaxRequests },
            ["user_header"] = n => live = live with { UserHeader = HeaderName(reader, n, "live.user_header") },
            ["health"] = n => live = live with { Health = ReadLiveHealth(reader, n) },
            ["turn"] = n => live = live with { Turn = ReadLiveTurn(reader, n) },
            ["known_bad"] = n => live = live with { KnownBad = ReadProbe(reader, n, "live.known_bad", LiveProbeConfig.DefaultKnownBad.Name) ?? live.KnownBad },
            ["version"] = n => live = live with { Version = ReadLiveVersion(reader, n) },
            ["rate_limit"] = n => live = live with { RateLimit = ReadLiveRateLimit(reader, n) },
            ["degradation"] = n => live = live with { Degradation = ReadLiveDegradation(reader, n) },
            ["persona"] = n => live = live with { Persona = ReadLivePersona(reader, n) },
            ["retrieval"] = n => live = live with { Retrieval = ReadLiveRetrieval(reader, n) },
            ["time_zone"] = n => live = live with { TimeZone = ReadLiveTimeZone(reader, n) },
            ["memory"] = n => live = live with { Memory = ReadLiveMemory(reader, n) },
            ["widget"] = n => live = live with { Widget = ReadLiveWidget(reader, n) },
            ["streaming"] = n => live = live with { Streaming = ReadLiveStreaming(reader, n) },
            ["secrets"] = n => live = live with { Secrets = ReadLiveSecrets(reader, n) },
            ["probes"] = n => live = live with { Probes = ReadProbes(reader, n) },
        });
        if (live.Timeout > live.Deadline)
        {
            reader.Error(node, $"live.timeout ({live.Timeout.TotalSeconds:0.###}s) is longer than live.deadline ({live.Deadline.TotalSeconds:0.###}s).", "a probe's timeout must fit in the whole run's deadline");
        }

        return live;
    }

    private static LiveHealthConfig ReadLiveHealth(YamlConfigReader reader, YamlNode node)
    {
        var health = new LiveHealthConfig();
        reader.ReadMapping(node, "live.health", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["live"] = n => health = health with { Live = ProbePath(reader, n, "live.health.live") ?? health.Live },
            ["ready"] = n => health = health with { Ready = ProbePath(reader, n, "live.health.ready") ?? health.Ready },
        });
        return health;
    }

    private static LiveTurnConfig ReadLiveTurn(YamlConfigReader reader, YamlNode node)
    {
        var turn = new LiveTurnConfig();
        reader.ReadMapping(node, "live.turn", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["path"] = n => turn = turn with { Path = ProbePath(reader, n, "live.turn.path") ?? turn.Path },
            ["message_field"] = n => turn = turn with { MessageField = reader.String(n, "live.turn.message_field") ?? turn.MessageField },
            ["time_zone_field"] = n => turn = turn with { TimeZoneField = reader.String(n, "live.turn.time_zone_field") ?? turn.TimeZoneField },
            ["stream_field"] = n => turn = turn with { StreamField = reader.String(n, "live.turn.stream_field") ?? turn.StreamField },
            ["answer_field"] = n => turn = turn with { AnswerField = JsonPath(reader, n, "live.turn.answer_field") ?? turn.AnswerField },
            ["done_event"] = n => turn = turn with { DoneEvent = reader.String(n, "live.turn.done_event") ?? turn.DoneEvent },
        });
        return turn;
    }

    private static LiveVersionConfig ReadLiveVersion(YamlConfigReader reader, YamlNode node)
    {
        var version = new LiveVersionConfig();
        reader.ReadMapping(node, "live.version", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["path"] = n => version = version with { Path = ProbePath(reader, n, "live.version.path") ?? version.Path },
            ["field"] = n => version = version with { Field = JsonPath(reader, n, "live.version.field") ?? version.Field },
            ["expect"] = n => version = version with { Expect = reader.String(n, "live.version.expect") },
        });
        return version;
    }

    private static LiveRateLimitConfig ReadLiveRateLimit(YamlConfigReader reader, YamlNode node)
    {
        var rate = new LiveRateLimitConfig();
        reader.ReadMapping(node, "live.rate_limit", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["burst"] = n => rate = rate with { Burst = Positive(reader, n, "live.rate_limit.burst", 1000) ?? rate.Burst },
            ["message"] = n => rate = rate with { Message = reader.String(n, "live.rate_limit.message") ?? rate.Message },
        });
        return rate;
    }

    private static LiveDegradationConfig ReadLiveDegradation(YamlConfigReader reader, YamlNode node)
    {
        var degradation = new LiveDegradationConfig();
        reader.ReadMapping(node, "live.degradation", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["messages"] = n => degradation = degradation with { Messages = NonEmptyList(reader, n, "live.degradation.messages") ?? degradation.Messages },
            ["switches"] = n => degradation = degradation with { Switches = JsonPaths(reader, n, "live.degradation.switches") },
        });
        return degradation;
    }

    private static LivePersonaConfig ReadLivePersona(YamlConfigReader reader, YamlNode node)
    {
        var persona = new LivePersonaConfig();
        reader.ReadMapping(node, "live.persona", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["messages"] = n => persona = persona with { Messages = NonEmptyList(reader, n, "live.persona.messages") ?? [] },
            ["refused_field"] = n => persona = persona with { RefusedField = JsonPath(reader, n, "live.persona.refused_field") ?? persona.RefusedField },
            ["canary"] = n => persona = persona with { Canary = reader.String(n, "live.persona.canary") },
            ["canary_env"] = n => persona = persona with { CanaryEnv = reader.String(n, "live.persona.canary_env") ?? persona.CanaryEnv },
        });
        return persona;
    }

    private static LiveRetrievalConfig ReadLiveRetrieval(YamlConfigReader reader, YamlNode node)
    {
        var retrieval = new LiveRetrievalConfig();
        reader.ReadMapping(node, "live.retrieval", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["answerable"] = n => retrieval = retrieval with { Answerable = reader.StringList(n, "live.retrieval.answerable") },
            ["unanswerable"] = n => retrieval = retrieval with { Unanswerable = reader.StringList(n, "live.retrieval.unanswerable") },
            ["citations_field"] = n => retrieval = retrieval with { CitationsField = JsonPath(reader, n, "live.retrieval.citations_field") ?? retrieval.CitationsField },
            ["answered_field"] = n => retrieval = retrieval with { AnsweredField = JsonPath(reader, n, "live.retrieval.answered_field") ?? retrieval.AnsweredField },
        });
        return retrieval;
    }

    private static LiveTimeZoneConfig ReadLiveTimeZone(YamlConfigReader reader, YamlNode node)
    {
        var zone = new LiveTimeZoneConfig();
        reader.ReadMapping(node, "live.time_zone", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["zone"] = n =>
            {
                var id = reader.String(n, "live.time_zone.zone");
                if (id is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
                {
                    reader.Error(n, $"'{id}' is not a time zone this machine knows.", "use an IANA id such as Asia/Kolkata or America/Sao_Paulo");
                }

                zone = zone with { Zone = id ?? zone.Zone };
            },
            ["message"] = n => zone = zone with { Message = reader.String(n, "live.time_zone.message") ?? zone.Message },
            ["field"] = n => zone = zone with { Field = JsonPath(reader, n, "live.time_zone.field") ?? zone.Field },
        });
        return zone;
    }

    private static LiveMemoryConfig ReadLiveMemory(YamlConfigReader reader, YamlNode node)
    {
        var memory = new LiveMemoryConfig();
        reader.ReadMapping(node, "live.memory", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["metrics"] = n => memory = memory with { Metrics = ProbePath(reader, n, "live.memory.metrics") ?? memory.Metrics },
            ["metric"] = n => memory = memory with { Metric = reader.String(n, "live.memory.metric") ?? memory.Metric },
            ["budget"] = n => memory = memory with { Budget = reader.Size(n, "live.memory.budget") ?? memory.Budget },
            ["load"] = n => memory = memory with { Load = Positive(reader, n, "live.memory.load", 200) ?? memory.Load },
        });
        return memory;
    }

    private static LiveWidgetConfig ReadLiveWidget(YamlConfigReader reader, YamlNode node)
    {
        var widget = new LiveWidgetConfig();
        reader.ReadMapping(node, "live.widget", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["page"] = n => widget = widget with { Page = ProbePath(reader, n, "live.widget.page") ?? widget.Page },
            ["message"] = n => widget = widget with { Message = reader.String(n, "live.widget.message") ?? widget.Message },
        });
        return widget;
    }

    private static LiveStreamingConfig ReadLiveStreaming(YamlConfigReader reader, YamlNode node)
    {
        var streaming = new LiveStreamingConfig();
        reader.ReadMapping(node, "live.streaming", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["message"] = n => streaming = streaming with { Message = reader.String(n, "live.streaming.message") ?? streaming.Message },
            ["minimum_span"] = n => streaming = streaming with { MinimumSpan = reader.Duration(n, "live.streaming.minimum_span") ?? streaming.MinimumSpan },
        });
        return streaming;
    }

    private static LiveSecretsConfig ReadLiveSecrets(YamlConfigReader reader, YamlNode node)
    {
        var secrets = new LiveSecretsConfig();
        reader.ReadMapping(node, "live.secrets", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["names"] = n => secrets = secrets with { Names = reader.StringList(n, "live.secrets.names") },
            ["name_suffixes"] = n => secrets = secrets with { NameSuffixes = reader.Bool(n, "live.secrets.name_suffixes") ?? secrets.NameSuffixes },
        });
        return secrets;
    }

    private static ImmutableArray<LiveProbeConfig> ReadProbes(YamlConfigReader reader, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "'live.probes' must be a list of probes.", "start each probe with '- name: ...'");
            return [];
        }

        var probes = ImmutableArray.CreateBuilder<LiveProbeConfig>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence.Children)
        {
            if (ReadProbe(reader, item, "live.probes[]", null) is { } probe)
            {
                if (!names.Add(probe.Name))
                {
                    reader.Error(item, $"two probes are named '{probe.Name}'.", "give each probe a unique name: it becomes the row id");
                }

                probes.Add(probe);
            }
        }

        return probes.ToImmutable();
    }

    private static LiveProbeConfig? ReadProbe(YamlConfigReader reader, YamlNode node, string section, string? defaultName)
    {
        string? name = defaultName, owner = null, fix = null;
        LiveRequestConfig? request = null;
        var expect = new LiveExpectConfig();
        var severity = Severity.DegradesIt;
        var step = CountdownStep.OpenUrl;
        reader.ReadMapping(node, section, new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["name"] = n => name = reader.String(n, $"{section}.name"),
            ["request"] = n => request = ReadRequest(reader, n, $"{section}.request"),
            ["expect"] = n => expect = ReadExpect(reader, n, $"{section}.expect"),
            ["owner"] = n => owner = reader.String(n, $"{section}.owner"),
            ["fix"] = n => fix = reader.String(n, $"{section}.fix"),
            ["severity"] = n =>
            {
                var text = reader.String(n, $"{section}.severity");
                if (text is not null && !ReadinessNames.TryParseSeverity(text, out severity))
                {
                    reader.Error(n, $"unknown severity '{text}'.", "use blocks-launch, degrades or cosmetic");
                }
            },
            ["step"] = n =>
            {
                var text = reader.String(n, $"{section}.step");
                if (text is not null && !ReadinessNames.TryParseStep(text, out step))
                {
                    reader.Error(n, $"unknown countdown step '{text}'.", "use set-secret, build, test, deploy or open-url");
                }
            },
        });
        if (node is YamlMappingNode && name is null)
        {
            reader.Error(node, "a probe needs a 'name'.", "name is the row's failure-mode text, e.g. 'checkout page answers'");
        }

        if (node is YamlMappingNode && request is null)
        {
            reader.Error(node, "a probe needs a 'request'.", "e.g. request: { method: GET, path: /health/ready }");
        }

        return name is null || request is null ? null : new LiveProbeConfig
        {
            Name = name,
            Request = request,
            Expect = expect,
            Severity = severity,
            Step = step,
            Owner = owner,
            Fix = fix,
            Location = reader.Locate(node),
        };
    }

    private static LiveRequestConfig? ReadRequest(YamlConfigReader reader, YamlNode node, string section)
    {
        string method = "GET";
        string? path = null, body = null;
        var headers = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
        reader.ReadMapping(node, section, new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["method"] = n =>
            {
                var text = reader.String(n, $"{section}.method")?.ToUpperInvariant();
                if (text is not null && !HttpMethods.Contains(text, StringComparer.Ordinal))
                {
                    reader.Error(n, $"unknown HTTP method '{text}'.", $"use one of {string.Join(", ", HttpMethods)}");
                }

                method = text ?? method;
            },
            ["path"] = n => path = ProbePath(reader, n, $"{section}.path"),
            ["headers"] = n =>
            {
                foreach (var (key, value) in reader.ReadStringMap(n, $"{section}.headers"))
                {
                    if (!IsHeaderName(key))
                    {
                        reader.Error(n, $"'{key}' is not a valid header name.", "letters, digits and '-' only, e.g. X-Request-Id");
                    }
                    else if (string.Equals(key, "Host", StringComparison.OrdinalIgnoreCase))
                    {
                        reader.Error(n, "a probe cannot set the Host header.", "probes only ever go to the --live URL's origin");
                    }

                    headers = headers.SetItem(key, value);
                }
            },
            ["body"] = n => body = reader.String(n, $"{section}.body"),
        });
        if (node is YamlMappingNode && path is null && !((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode("path")))
        {
            reader.Error(node, $"'{section}' needs a 'path'.", "a path on the target, starting with '/', e.g. /health/ready");
        }

        return path is null ? null : new LiveRequestConfig { Method = method, Path = path, Headers = headers, Body = body };
    }

    private static LiveExpectConfig ReadExpect(YamlConfigReader reader, YamlNode node, string section)
    {
        var expect = new LiveExpectConfig();
        reader.ReadMapping(node, section, new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["status"] = n =>
            {
                var status = reader.Int(n, $"{section}.status");
                if (status is < 100 or > 599)
                {
                    reader.Error(n, $"'{section}.status' must be an HTTP status between 100 and 599, not {status}.");
                }

                expect = expect with { Status = status ?? expect.Status };
            },
            ["body_contains"] = n => expect = expect with { BodyContains = reader.String(n, $"{section}.body_contains") },
            ["json"] = n =>
            {
                var values = reader.ReadStringMap(n, $"{section}.json");
                foreach (var path in values.Keys.Where(p => !JsonValuePath.IsValid(p)))
                {
                    reader.Error(n, $"'{path}' is not a JSON path this reader understands.", JsonValuePath.Hint);
                }

                expect = expect with { Json = values };
            },
        });
        return expect;
    }

    /// <summary>A path on the target: it must start with one '/', so that joined to the URL it never names another host.</summary>
    private static string? ProbePath(YamlConfigReader reader, YamlNode node, string key)
    {
        var path = reader.String(node, key);
        if (path is null)
        {
            return null;
        }

        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) || path.Any(char.IsWhiteSpace))
        {
            reader.Error(node, $"'{key}' must be a path on the target starting with a single '/', not '{path}'.", "probes only go to the --live URL's origin: write /health/ready, not a full URL");
            return null;
        }

        return path;
    }

    private static string? JsonPath(YamlConfigReader reader, YamlNode node, string key)
    {
        var path = reader.String(node, key);
        if (path is not null && !JsonValuePath.IsValid(path))
        {
            reader.Error(node, $"'{key}' is not a JSON path this reader understands: '{path}'.", JsonValuePath.Hint);
            return null;
        }

        return path;
    }

    private static ImmutableArray<string> JsonPaths(YamlConfigReader reader, YamlNode node, string key)
    {
        var paths = reader.StringList(node, key);
        foreach (var path in paths.Where(p => !JsonValuePath.IsValid(p)))
        {
            reader.Error(node, $"'{key}' entry '{path}' is not a JSON path this reader understands.", JsonValuePath.Hint);
        }

        return paths;
    }

    private static ImmutableArray<string>? NonEmptyList(YamlConfigReader reader, YamlNode node, string key)
    {
        var items = reader.StringList(node, key);
        if (node is YamlSequenceNode && items.IsEmpty)
        {
            reader.Error(node, $"'{key}' is empty.", "list at least one message, or remove the key for the defaults");
            return null;
        }

        return items.IsEmpty ? null : items;
    }

    private static int? Positive(YamlConfigReader reader, YamlNode node, string key, int max)
    {
        var value = reader.Int(node, key);
        if (value is < 1 || value > max)
        {
            reader.Error(node, $"'{key}' must be between 1 and {max}, not {value}.", "probes are bounded in count");
            return null;
        }

        return value;
    }

    private static string? HeaderName(YamlConfigReader reader, YamlNode node, string key)
    {
        var name = reader.String(node, key);
        if (name is not null && !IsHeaderName(name))
        {
            reader.Error(node, $"'{key}' is not a valid header name: '{name}'.", "e.g. X-Forwarded-For or X-User-Id");
            return null;
        }

        return name;
    }

    private static bool IsHeaderName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
}
