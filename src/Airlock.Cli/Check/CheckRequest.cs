using System.CommandLine;
using System.Globalization;
using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.Git;
using Airlock.Readiness.Live;
using Airlock.Readiness.Reporting;
using Airlock.Readiness.Rubric;

namespace Airlock.Cli.Check;

/// <summary>
/// The validated inputs of one <c>airlock check</c>: every problem with the command line is collected and
/// reported together (exit code 2) before any check runs.
/// </summary>
internal sealed record CheckRequest
{
    public required string RepositoryRoot { get; init; }

    public required AirlockConfig Config { get; init; }

    public required IReadOnlyList<IReadinessCheck> Checks { get; init; }

    /// <summary>Null for the terminal table.</summary>
    public IRubricWriter? Writer { get; init; }

    public string? OutputFile { get; init; }

    public Severity FailOn { get; init; }

    public string? RulesFile { get; init; }

    public string? BaselineFile { get; init; }

    public string? ArtifactDirectory { get; init; }

    public int EvidencePerRow { get; init; }

    public bool ShowProgress { get; init; }

    public bool Verbose { get; init; }

    public static async Task<CheckRequest> ResolveAsync(ParseResult parse, CheckCommand command, CancellationToken cancellationToken)
    {
        var errors = new List<ConfigError>();
        var rawPath = parse.GetValue(command.PathArgument) ?? ".";
        var path = Path.GetFullPath(rawPath);
        var root = rawPath.StartsWith('-') && !Directory.Exists(path)
            ? Unknown(rawPath, errors)
            : await FindRepositoryRootAsync(path, errors, cancellationToken);

        var format = parse.GetValue(command.JsonOption) ? "json" : parse.GetValue(command.FormatOption) ?? CheckCommand.TableFormat;
        var writer = format == CheckCommand.TableFormat ? null : RubricWriters.Find(format);
        // The option accepts only valid tiers, so the parse cannot fail here.
        _ = ReadinessNames.TryParseSeverity(parse.GetValue(command.FailOnOption) ?? "blocks-launch", out var failOn);

        var rules = ExistingFile(parse.GetValue(command.RulesOption), "--rules", errors);
        var baseline = parse.GetValue(command.BaselineOption) is { } b ? Path.GetFullPath(b) : null;
        var artifact = parse.GetValue(command.ArtifactOption) is { } a ? Path.GetFullPath(a) : null;
        if (artifact is not null && !Directory.Exists(artifact))
        {
            errors.Add(Error("--artifact", $"folder '{artifact}' does not exist.", "pass the folder 'dotnet publish -o DIR' wrote"));
        }

        var configFile = ExistingFile(parse.GetValue(command.ConfigOption), "--config", errors);
        var live = ResolveLive(parse, command, errors);
        var checks = SelectChecks(parse.GetValue(command.OnlyOption), parse.GetValue(command.SkipOption), live, errors);
        var evidence = ParseEvidence(parse.GetValue(command.EvidenceOption) ?? "3", errors);
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }

        var config = configFile is not null
            ? AirlockConfigLoader.Load(configFile, Path.GetRelativePath(Environment.CurrentDirectory, configFile))
            : AirlockConfigLoader.LoadFromDirectory(root!);
        return new CheckRequest
        {
            RepositoryRoot = root!,
            Config = config,
            Checks = checks,
            Writer = writer,
            OutputFile = parse.GetValue(command.OutputOption) is { } output ? Path.GetFullPath(output) : null,
            FailOn = failOn,
            RulesFile = rules,
            BaselineFile = baseline,
            ArtifactDirectory = artifact,
            EvidencePerRow = evidence,
            ShowProgress = !parse.GetValue(command.NoProgressOption),
            Verbose = parse.GetValue(command.VerboseOption),
        };
    }

    private static string? Unknown(string option, List<ConfigError> errors)
    {
        errors.Add(Error(option, $"unknown option '{option}'.", "see 'airlock check --help'"));
        return null;
    }

    private static async Task<string?> FindRepositoryRootAsync(string path, List<ConfigError> errors, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            errors.Add(Error("PATH", $"'{path}' does not exist or is not a folder.", "pass the path of a git repository, e.g. airlock check ."));
            return null;
        }

        var git = new GitRepository(path);
        if (!await git.IsWorkTreeAsync(cancellationToken))
        {
            errors.Add(Error("PATH", $"'{path}' is not inside a git work tree.", "airlock check reads history: run it in a clone, or 'git init' first"));
            return null;
        }

        return Path.GetFullPath(await git.ReadAsync(["rev-parse", "--show-toplevel"], cancellationToken));
    }

    private static List<IReadinessCheck> SelectChecks(string[]? only, string[]? skip, LiveTarget? live, List<ConfigError> errors)
    {
        IReadOnlyList<IReadinessCheck> all = live is null
            ? ReadinessCheckCatalog.CreateAll()
            : [.. ReadinessCheckCatalog.CreateAll(), new LiveCheck(live, UnavailableWidgetProbe.NoDriver)];
        var known = all.Select(c => c.Id).Append(LiveCheck.CheckId).ToHashSet(StringComparer.Ordinal);
        var onlyIds = SplitIds(only);
        var skipIds = SplitIds(skip);
        foreach (var id in onlyIds.Concat(skipIds).Where(id => !known.Contains(id)))
        {
            errors.Add(Error(onlyIds.Contains(id) ? "--only" : "--skip", $"unknown check '{id}'.", $"known checks: {string.Join(", ", known)}"));
        }

        if (live is null && onlyIds.Contains(LiveCheck.CheckId))
        {
            errors.Add(Error("--only", "the live check needs a running revision to probe.", "add --live URL, e.g. --live http://127.0.0.1:5080"));
        }

        return [.. all.Where(c => (onlyIds.Count == 0 || onlyIds.Contains(c.Id)) && !skipIds.Contains(c.Id))];
    }

    /// <summary>
    /// The --live target, or null without --live. A target off this machine needs --allow-remote: the probes send a
    /// burst of turns, and that must never reach someone else's service by a typo.
    /// </summary>
    private static LiveTarget? ResolveLive(ParseResult parse, CheckCommand command, List<ConfigError> errors)
    {
        var text = parse.GetValue(command.LiveOption);
        var allowRemote = parse.GetValue(command.AllowRemoteOption);
        var revision = parse.GetValue(command.ExpectRevisionOption);
        if (text is null)
        {
            if (allowRemote || revision is not null)
            {
                errors.Add(Error(allowRemote ? "--allow-remote" : "--expect-revision", "only means something with --live URL.", "add --live URL, or drop the option"));
            }

            return null;
        }

        if (!LiveTarget.TryCreate(text, out var uri, out var problem))
        {
            errors.Add(Error("--live", problem!, "e.g. --live http://127.0.0.1:5080"));
            return null;
        }

        if (!allowRemote && !LiveTarget.IsLoopback(uri!))
        {
            errors.Add(Error("--live", $"{uri!.Host} is not a loopback address; the live probes send bursts of requests and only go off this machine when asked.", "pass --allow-remote to probe it (only a service you own), or use http://127.0.0.1:PORT"));
            return null;
        }

        return new LiveTarget { BaseUri = uri!, AllowRemote = allowRemote, ExpectRevision = revision, Environment = LiveTarget.ProcessEnvironment() };
    }

    private static HashSet<string> SplitIds(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);

    private static int ParseEvidence(string text, List<ConfigError> errors)
    {
        if (text == "all")
        {
            return int.MaxValue;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        errors.Add(Error("--evidence", $"'{text}' is not a number.", "use a whole number such as 5, or 'all'"));
        return 0;
    }

    private static string? ExistingFile(string? path, string option, List<ConfigError> errors)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            errors.Add(Error(option, $"file '{full}' does not exist.", "check the path; relative paths are relative to the current folder"));
            return null;
        }

        return full;
    }

    private static ConfigError Error(string where, string message, string hint) =>
        new(new ConfigLocation(where, 0, 0), message, hint);
}
