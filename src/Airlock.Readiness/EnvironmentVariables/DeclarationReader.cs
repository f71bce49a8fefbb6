using System.Text.Json;
using System.Text.RegularExpressions;
using Airlock.Readiness.Docker;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Collects what the deployment declares: airlock.yaml <c>environment.declared</c>, the keys of
/// <c>.env.example</c>/<c>.env.sample</c>/<c>.env.template</c>, <c>ENV</c> in the final stage of each
/// Dockerfile, and the keys of appsettings.json and appsettings.{Environment}.json (except Development,
/// which production does not load).
/// </summary>
internal static partial class DeclarationReader
{
    private static readonly HashSet<string> ExampleFiles = new(StringComparer.Ordinal) { ".env.example", ".env.sample", ".env.template" };

    public static DeclarationSet Read(CheckContext context, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(files);
        var declared = new DeclaredVariables();
        var sources = new List<Evidence>();
        var broken = new List<Evidence>();
        var ignored = new List<Evidence>();

        var yaml = context.Config.SourcePath is null ? null : Relative(context, context.Config.SourcePath);
        foreach (var name in context.Config.Environment.Declared)
        {
            declared.AddVariable(new Declaration(name, "airlock.yaml environment.declared", yaml, null));
        }

        if (!context.Config.Environment.Declared.IsEmpty)
        {
            sources.Add(new Evidence($"{context.Config.Environment.Declared.Length} names in environment.declared") { File = yaml ?? "airlock.yaml" });
        }

        foreach (var file in files.Where(f => !SourceFilter.IsExcluded(f)))
        {
            var name = file[(file.LastIndexOf('/') + 1)..];
            try
            {
                if (ExampleFiles.Contains(name))
                {
                    ReadExample(context, file, declared, sources, ignored);
                }
                else if (DockerfileDiscovery.IsDockerfile(name))
                {
                    ReadDockerfile(context, file, declared, sources);
                }
                else if (AppSettingsName().Match(name) is { Success: true } settings
                    && !string.Equals(settings.Groups["environment"].Value, "Development", StringComparison.OrdinalIgnoreCase))
                {
                    ReadAppSettings(context, file, declared, sources, broken);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ignored.Add(new Evidence($"could not be read: {e.Message}") { File = file });
            }
        }

        return new DeclarationSet(declared, sources, broken, ignored);
    }

    private static void ReadExample(CheckContext context, string file, DeclaredVariables declared, List<Evidence> sources, List<Evidence> ignored)
    {
        var lines = File.ReadAllLines(context.FullPath(file));
        var count = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (ExampleLine().Match(line) is { Success: true } m)
            {
                declared.AddVariable(new Declaration(m.Groups["name"].Value, file, file, i + 1));
                count++;
            }
            else
            {
                ignored.Add(new Evidence("not NAME=value; ignored") { File = file, Line = i + 1 });
            }
        }

        sources.Add(new Evidence($"{count} names") { File = file });
    }

    private static void ReadDockerfile(CheckContext context, string file, DeclaredVariables declared, List<Evidence> sources)
    {
        var dockerfile = DockerfileParser.ParseFile(context.FullPath(file), file);
        var count = 0;
        // Only the final stage, and the stages it is built FROM, end up in the image that runs.
        var stage = dockerfile.FinalStage;
        var visited = new HashSet<int>();
        while (stage is not null && visited.Add(stage.Index))
        {
            foreach (var env in stage.Instructions.Where(i => i.Keyword == "ENV"))
            {
                foreach (var name in DockerEnvNames.Parse(env.Arguments))
                {
                    declared.AddVariable(new Declaration(name, "Dockerfile ENV", file, env.Line));
                    count++;
                }
            }

            var parentName = stage.BaseImage.Name;
            stage = dockerfile.Stages.Take(stage.Index).LastOrDefault(s => string.Equals(s.Name, parentName, StringComparison.OrdinalIgnoreCase));
        }

        sources.Add(new Evidence($"{count} names set by ENV in the final stage") { File = file });
    }

    private static void ReadAppSettings(CheckContext context, string file, DeclaredVariables declared, List<Evidence> sources, List<Evidence> broken)
    {
        try
        {
            var keys = AppSettingsKeys.Read(File.ReadAllText(context.FullPath(file)));
            foreach (var key in keys)
            {
                declared.AddConfigurationKey(new Declaration(key, file, file, null));
            }

            sources.Add(new Evidence($"{keys.Count} configuration keys") { File = file });
        }
        catch (JsonException e)
        {
            broken.Add(new Evidence($"not valid JSON: {e.Message}; ASP.NET Core stops at startup when it loads this file")
            {
                File = file,
                Line = e.LineNumber is { } line ? (int)line + 1 : null,
                RuleId = "appsettings-invalid-json",
            });
        }
    }

    private static string Relative(CheckContext context, string path) =>
        (Path.IsPathRooted(path) ? Path.GetRelativePath(context.RepositoryRoot, path) : path).Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex(@"^(?:export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_.]*)\s*(?:=|$)")]
    private static partial Regex ExampleLine();

    [GeneratedRegex(@"^appsettings(?:\.(?<environment>[^.]+))?\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex AppSettingsName();
}
