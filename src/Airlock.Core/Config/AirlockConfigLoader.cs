using System.Collections.Immutable;
using Airlock.Core.Readiness;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

/// <summary>
/// Reads <c>airlock.yaml</c> strictly: unknown keys and bad values are errors with file, line and a hint,
/// and all of them are reported at once (<see cref="ConfigException.Errors"/>).
/// </summary>
public static partial class AirlockConfigLoader
{
    public const string FileName = "airlock.yaml";

    /// <summary>Loads <c>airlock.yaml</c> from a folder; no file means the defaults.</summary>
    public static AirlockConfig LoadFromDirectory(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Load(path, FileName) : AirlockConfig.Default;
    }

    public static AirlockConfig Load(string path, string? displayPath = null) =>
        Parse(File.ReadAllText(path), displayPath ?? path, Path.GetDirectoryName(Path.GetFullPath(path))!);

    /// <summary>Parses text; relative paths in it resolve against the folder of <paramref name="file"/>.</summary>
    public static AirlockConfig Parse(string text, string file) =>
        Parse(text, file, Path.GetDirectoryName(Path.GetFullPath(file))!);

    /// <summary>Parses text; relative paths in it (service.workingDir, service.logs, store) resolve against <paramref name="baseDirectory"/>.</summary>
    public static AirlockConfig Parse(string text, string file, string baseDirectory)
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

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return AirlockConfig.Default with { SourcePath = file };
        }

        var reader = new YamlConfigReader(file);
        var deployment = new DeploymentReader(reader, baseDirectory);
        var config = ReadRoot(reader, stream.Documents[0].RootNode, deployment) with { SourcePath = file };
        config = config with { Deployment = deployment.Build(stream.Documents[0].RootNode) };
        if (reader.Errors.Count > 0)
        {
            throw new ConfigException(reader.Errors);
        }

        return config;
    }

    private static AirlockConfig ReadRoot(YamlConfigReader reader, YamlNode root, DeploymentReader deployment)
    {
        var config = AirlockConfig.Default;
        reader.ReadMapping(root, "airlock.yaml", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["version"] = node =>
            {
                if (reader.Int(node, "version") is { } version && version != 1)
                {
                    reader.Error(node, $"version {version} is not supported.", "this Airlock reads version: 1");
                }
            },
            ["owners"] = node => config = config with { Owners = ReadOwners(reader, node) },
            ["service"] = deployment.ReadService,
            ["route"] = deployment.ReadRoute,
            ["verify"] = deployment.ReadVerify,
            ["strategy"] = deployment.ReadStrategy,
            ["analysis"] = deployment.ReadAnalysis,
            ["keepWarm"] = deployment.ReadKeepWarm,
            ["webhooks"] = deployment.ReadWebhooks,
            ["store"] = deployment.ReadStore,
            ["target"] = node => config = config with { Target = ReadTarget(reader, node) },
            ["environment"] = node => config = config with { Environment = ReadEnvironment(reader, node) },
            ["thresholds"] = node => config = config with { Thresholds = ReadThresholds(reader, node) },
            ["secrets"] = node => config = config with { Secrets = ReadSecrets(reader, node) },
            ["checks"] = node => config = config with { Checks = ReadChecks(reader, node) },
            ["live"] = node => config = config with { Live = ReadLive(reader, node) },
        });
        return config;
    }

    private static OwnersConfig ReadOwners(YamlConfigReader reader, YamlNode node)
    {
        var map = reader.ReadStringMap(node, "owners");
        return new OwnersConfig
        {
            Default = map.TryGetValue("default", out var fallback) ? fallback : OwnersConfig.Unassigned,
            ByCheck = map.Remove("default"),
        };
    }

    private static TargetConfig ReadTarget(YamlConfigReader reader, YamlNode node)
    {
        var target = new TargetConfig();
        reader.ReadMapping(node, "target", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["branch"] = n => target = target with { Branch = reader.String(n, "target.branch") },
            ["glibc"] = n =>
            {
                var glibc = reader.String(n, "target.glibc");
                if (glibc is not null && !System.Version.TryParse(glibc, out _))
                {
                    reader.Error(n, $"'target.glibc' must be a version like 2.36, not '{glibc}'.", "quote it (\"2.36\") and use major.minor");
                }

                target = target with { Glibc = glibc ?? TargetConfig.DefaultGlibc };
            },
            ["lfs"] = n => target = target with { Lfs = reader.Bool(n, "target.lfs") ?? false },
            ["health"] = n =>
            {
                var health = reader.String(n, "target.health");
                if (health is not null && !health.StartsWith('/'))
                {
                    reader.Error(n, $"'target.health' must be a path starting with '/', not '{health}'.", "for example /health/ready");
                }

                target = target with { HealthEndpoint = health };
            },
        });
        return target;
    }

    private static EnvironmentConfig ReadEnvironment(YamlConfigReader reader, YamlNode node)
    {
        var environment = new EnvironmentConfig();
        reader.ReadMapping(node, "environment", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["declared"] = n => environment = environment with { Declared = reader.StringList(n, "environment.declared") },
        });
        return environment;
    }

    private static ThresholdsConfig ReadThresholds(YamlConfigReader reader, YamlNode node)
    {
        var thresholds = new ThresholdsConfig();
        reader.ReadMapping(node, "thresholds", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["file_fail"] = n => thresholds = thresholds with { FileFailBytes = reader.Size(n, "thresholds.file_fail") ?? thresholds.FileFailBytes },
            ["file_warn"] = n => thresholds = thresholds with { FileWarnBytes = reader.Size(n, "thresholds.file_warn") ?? thresholds.FileWarnBytes },
            ["file_note"] = n => thresholds = thresholds with { FileNoteBytes = reader.Size(n, "thresholds.file_note") ?? thresholds.FileNoteBytes },
        });
        if (!(thresholds.FileNoteBytes <= thresholds.FileWarnBytes && thresholds.FileWarnBytes <= thresholds.FileFailBytes))
        {
            reader.Error(node, "thresholds must satisfy file_note <= file_warn <= file_fail.", "the defaults are 25MiB, 50MiB and 100MiB");
        }

        return thresholds;
    }

    private static SecretsConfig ReadSecrets(YamlConfigReader reader, YamlNode node)
    {
        var secrets = new SecretsConfig();
        reader.ReadMapping(node, "secrets", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["rules"] = n => secrets = secrets with { Rules = reader.String(n, "secrets.rules") },
            ["baseline"] = n => secrets = secrets with { Baseline = reader.String(n, "secrets.baseline") ?? SecretsConfig.DefaultBaseline },
            ["allow_paths"] = n =>
            {
                var paths = reader.StringList(n, "secrets.allow_paths");
                foreach (var pattern in paths.Where(p => !IsRegex(p)))
                {
                    reader.Error(n, $"'secrets.allow_paths' entry '{pattern}' is not a valid regular expression.", "escape dots and brackets, e.g. ^fixtures/.*\\.json$");
                }

                secrets = secrets with { AllowPaths = paths };
            },
        });
        return secrets;
    }

    private static ImmutableArray<CustomCheckConfig> ReadChecks(YamlConfigReader reader, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "'checks' must be a list of checks.", "start each check with '- name: ...'");
            return [];
        }

        var checks = ImmutableArray.CreateBuilder<CustomCheckConfig>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence.Children)
        {
            if (ReadCheck(reader, item) is { } check)
            {
                if (!names.Add(check.Name))
                {
                    reader.Error(item, $"two checks are named '{check.Name}'.", "give each check a unique name: it becomes the row id");
                }

                checks.Add(check);
            }
        }

        return checks.ToImmutable();
    }

    private static CustomCheckConfig? ReadCheck(YamlConfigReader reader, YamlNode node)
    {
        string? name = null, run = null, expectOutput = null, owner = null, fix = null;
        TimeSpan timeout = TimeSpan.FromSeconds(60);
        int expectExit = 0;
        var severity = Severity.DegradesIt;
        var step = CountdownStep.Test;
        reader.ReadMapping(node, "a check", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            ["name"] = n => name = reader.String(n, "checks[].name"),
            ["run"] = n => run = reader.String(n, "checks[].run"),
            ["timeout"] = n => timeout = reader.Duration(n, "checks[].timeout") ?? timeout,
            ["expect_exit"] = n => expectExit = reader.Int(n, "checks[].expect_exit") ?? 0,
            ["expect_output"] = n => expectOutput = reader.String(n, "checks[].expect_output"),
            ["owner"] = n => owner = reader.String(n, "checks[].owner"),
            ["fix"] = n => fix = reader.String(n, "checks[].fix"),
            ["severity"] = n =>
            {
                var text = reader.String(n, "checks[].severity");
                if (text is not null && !ReadinessNames.TryParseSeverity(text, out severity))
                {
                    reader.Error(n, $"unknown severity '{text}'.", "use blocks-launch, degrades or cosmetic");
                }
            },
            ["step"] = n =>
            {
                var text = reader.String(n, "checks[].step");
                if (text is not null && !ReadinessNames.TryParseStep(text, out step))
                {
                    reader.Error(n, $"unknown countdown step '{text}'.", "use set-secret, build, test, deploy or open-url");
                }
            },
        });
        if (node is YamlMappingNode && name is null)
        {
            reader.Error(node, "a check needs a 'name'.", "name is the rubric's failure-mode text, e.g. 'unit tests pass'");
        }

        if (node is YamlMappingNode && run is null)
        {
            reader.Error(node, "a check needs a 'run' command.", "run is a shell command, e.g. 'dotnet test'");
        }

        return name is null || run is null ? null : new CustomCheckConfig
        {
            Name = name,
            Run = run,
            Timeout = timeout,
            ExpectExit = expectExit,
            ExpectOutput = expectOutput,
            Severity = severity,
            Step = step,
            Owner = owner,
            Fix = fix,
            Location = reader.Locate(node),
        };
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
