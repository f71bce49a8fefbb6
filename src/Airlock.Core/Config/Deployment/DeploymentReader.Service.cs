using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Airlock.Core.Deployment;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

internal sealed partial class DeploymentReader
{
    private const string PortPlaceholder = "{port}";
    private static readonly string[] Placeholders = [PortPlaceholder, "{revision}"];

    public void ReadService(YamlNode node)
    {
        _serviceWritten = true;
        string? name = null;
        ImmutableArray<string> command = [];
        YamlNode? commandNode = null;
        var workingDir = ".";
        var environment = ImmutableDictionary<string, string>.Empty;
        var health = new HealthSpec();
        var stopGrace = TimeSpan.FromSeconds(10);
        var logs = ".airlock/logs";
        reader.ReadMapping(node, "service", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["name"] = n => name = Name(n, "service.name"),
            ["command"] = n => (commandNode, command) = (n, ReadCommand(n)),
            ["workingDir"] = n => workingDir = reader.String(n, "service.workingDir") ?? workingDir,
            ["env"] = n => environment = ReadEnvironment(n),
            ["health"] = n => health = ReadHealth(n),
            ["stopGrace"] = n => stopGrace = reader.Duration(n, "service.stopGrace") ?? stopGrace,
            ["logs"] = n => logs = reader.String(n, "service.logs") ?? logs,
        });
        if (node is not YamlMappingNode)
        {
            return;
        }

        if (name is null && !HasKey(node, "name"))
        {
            reader.Error(node, "'service' needs a 'name'.", "the route name in the proxy, e.g. name: chat");
        }

        if (commandNode is null)
        {
            reader.Error(node, "'service' needs a 'command'.", "for example command: [dotnet, bin/App.dll, --urls, \"http://127.0.0.1:{port}\"]");
        }
        else if (!command.IsEmpty && !command.Any(Mentions) && !environment.Values.Any(Mentions))
        {
            reader.Error(commandNode, "neither service.command nor service.env contains {port}, so a revision cannot be told which port to listen on.", "add it to an argument (--urls \"http://127.0.0.1:{port}\") or an env value (ASPNETCORE_URLS: \"http://127.0.0.1:{port}\")");
        }

        if (name is not null && !command.IsEmpty)
        {
            _service = new ServiceSpec
            {
                Name = name,
                Command = command,
                WorkingDirectory = ResolvePath(workingDir),
                Environment = environment,
                Health = health,
                StopGrace = stopGrace,
                LogDirectory = ResolvePath(logs),
            };
        }

        static bool Mentions(string value) => value.Contains(PortPlaceholder, StringComparison.Ordinal);
    }

    private ImmutableArray<string> ReadCommand(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            reader.Error(node, "'service.command' must be a list: the program, then each argument.", "write command: [dotnet, bin/App.dll, --urls, \"http://127.0.0.1:{port}\"]; no shell parses it");
            return [];
        }

        var command = reader.StringList(node, "service.command");
        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            reader.Error(node, "'service.command' is empty.", "the first item is the program to run, e.g. dotnet");
        }

        if (node is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                CheckPlaceholders(item, "service.command");
            }
        }

        return command;
    }

    private ImmutableDictionary<string, string> ReadEnvironment(YamlNode node)
    {
        var environment = reader.ReadStringMap(node, "service.env");
        if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                var text = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!EnvironmentName().IsMatch(text))
                {
                    reader.Error(key, $"'{text}' is not an environment variable name.", "letters, digits and '_', not starting with a digit (ASP.NET Core reads Section__Key)");
                }

                CheckPlaceholders(value, $"service.env.{text}");
            }
        }

        return environment;
    }

    private HealthSpec ReadHealth(YamlNode node)
    {
        var health = new HealthSpec();
        reader.ReadMapping(node, "service.health", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["path"] = n => health = health with { Path = RequestPath(n, "service.health.path") ?? health.Path },
            ["timeout"] = n => health = health with { Timeout = reader.Duration(n, "service.health.timeout") ?? health.Timeout },
            ["interval"] = n => health = health with { Interval = reader.Duration(n, "service.health.interval") ?? health.Interval },
        });
        if (health.Interval >= health.Timeout)
        {
            reader.Error(node, $"service.health.interval ({ConfigQuantities.FormatDuration(health.Interval)}) must be shorter than its timeout ({ConfigQuantities.FormatDuration(health.Timeout)}).", "the gate polls every interval until the timeout, e.g. interval: 500ms, timeout: 60s");
        }

        return health;
    }

    private void CheckPlaceholders(YamlNode node, string key)
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            return;
        }

        foreach (Match match in PlaceholderPattern().Matches(value))
        {
            if (!Placeholders.Contains(match.Value, StringComparer.Ordinal))
            {
                var suggestion = YamlConfigReader.Suggest(match.Value, Placeholders);
                reader.Error(node, $"unknown placeholder '{match.Value}' in {key}.", suggestion is null ? "the placeholders are {port} and {revision}" : $"did you mean '{suggestion}'?");
            }
        }
    }

    private string? Name(YamlNode node, string key)
    {
        var name = reader.String(node, key);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            reader.Error(node, $"'{key}' must be lower-case letters, digits, '-', '_' or '.', not '{name}'.", "it names the proxy route, log files and store rows, e.g. chat");
            return null;
        }

        return name;
    }

    private string? RequestPath(YamlNode node, string key)
    {
        var path = reader.String(node, key);
        if (path is not null && (!path.StartsWith('/') || path.Any(char.IsWhiteSpace)))
        {
            reader.Error(node, $"'{key}' must be a path starting with '/', not '{path}'.", "for example /health/ready");
            return null;
        }

        return path;
    }

    private static bool HasKey(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: { } v } && v == key);

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_-]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentName();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
