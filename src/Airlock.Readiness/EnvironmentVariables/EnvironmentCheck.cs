using System.Collections.Immutable;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Check 9: names the code reads from the environment (or IConfiguration) against what the deployment
/// declares. A variable read without a default and declared nowhere crashes the app on startup.
/// </summary>
internal sealed class EnvironmentCheck : IReadinessCheck
{
    public const string CheckId = "environment";

    /// <summary>Read sites shown per variable; the message says how many more.</summary>
    private const int SitesPerVariable = 3;

    /// <summary>Evidence entries per row before the rest is summarised by count.</summary>
    private const int MaxEvidence = 40;

    private const string NoSources = "no C#, Python or JavaScript/TypeScript source files outside tests, dependencies and build output";

    private const string DeclarationsText = "airlock.yaml environment.declared, .env.example/.env.sample/.env.template, Dockerfile ENV (final stage), appsettings.json and appsettings.{Environment}.json except Development";

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await context.Git.IsWorkTreeAsync(cancellationToken))
        {
            return [Required().Skipped("not a git work tree")];
        }

        var files = await context.Git.ListWorkingTreeFilesAsync(cancellationToken);
        var declarations = DeclarationReader.Read(context, files);
        var scan = ReadScan.Run(context, files, cancellationToken);
        return
        [
            RequiredRow(scan, declarations),
            OptionalRow(scan, declarations),
            SourcesRow(declarations),
        ];
    }

    private static RubricRow RequiredRow(ReadScan scan, DeclarationSet declarations)
    {
        var row = Required();
        if (scan.FilesScanned == 0)
        {
            return row.Skipped(NoSources);
        }

        var required = scan.Reads.Where(r => r.Name is not null && r.Need == VariableNeed.Required).ToList();
        var missing = Undeclared(required, scan, declarations);
        var evidence = missing.SelectMany(g => SiteEvidence(g, "with no default, and declared nowhere", "env-required-undeclared")).ToList();
        if (scan.DynamicReads.Count > 0)
        {
            var first = scan.DynamicReads[0];
            evidence.Add(new Evidence($"{scan.DynamicReads.Count} reads with a computed name were not checked, e.g. {first.Expression}") { File = first.File, Line = first.Line });
        }

        if (missing.Count == 0)
        {
            var names = required.Select(r => r.Name!).Distinct(StringComparer.Ordinal).Count();
            return row.Pass(
                names == 0
                    ? $"no variable is read without a default in {scan.FilesScanned} source files"
                    : $"all {names} variables read without a default are declared",
                Cap(evidence));
        }

        return row.Fail(
            $"{missing.Count} {Plural(missing.Count, "variable")} read without a default {(missing.Count == 1 ? "is" : "are")} declared nowhere: {string.Join(", ", missing.Select(g => g.Key).Take(8))}{(missing.Count > 8 ? ", …" : string.Empty)}",
            Cap(evidence));
    }

    private static RubricRow OptionalRow(ReadScan scan, DeclarationSet declarations)
    {
        var row = new RubricRowTemplate
        {
            CheckId = CheckId,
            Row = "optional",
            FailureMode = "A feature silently off in production: the code handles a missing variable that the server does not set",
            Test = $"reads that may return null/undefined/None and are checked by the code (os.getenv(\"X\"), os.environ.get(\"X\"), GetValue<T>(\"K\"), `if (!process.env.X)`), compared with {DeclarationsText}",
            Severity = Severity.DegradesIt,
            Step = CountdownStep.SetSecret,
            Fix = "declare each variable the deployment sets (airlock.yaml environment.declared or .env.example) or give the read an explicit default",
        };
        if (scan.FilesScanned == 0)
        {
            return row.Skipped(NoSources);
        }

        var optional = scan.Reads.Where(r => r.Name is not null && r.Need == VariableNeed.Optional).ToList();
        var missing = Undeclared(optional, scan, declarations);
        if (missing.Count == 0)
        {
            return row.Pass($"{optional.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count()} optional variables, all declared");
        }

        return row.Warn(
            $"{missing.Count} optional {Plural(missing.Count, "variable")} declared nowhere; the app starts without {(missing.Count == 1 ? "it" : "them")}: {string.Join(", ", missing.Select(g => g.Key).Take(8))}{(missing.Count > 8 ? ", …" : string.Empty)}",
            Cap([.. missing.SelectMany(g => SiteEvidence(g, "may be unset (the code checks for it), and declared nowhere", "env-optional-undeclared"))]));
    }

    private static RubricRow SourcesRow(DeclarationSet declarations)
    {
        var row = new RubricRowTemplate
        {
            CheckId = CheckId,
            Row = "declarations",
            FailureMode = "Crash on startup: a configuration file the app loads is not valid",
            Test = $"parse {DeclarationsText} (JSON with comments and trailing commas, as the .NET JSON configuration provider reads it)",
            Severity = Severity.BlocksLaunch,
            Step = CountdownStep.SetSecret,
            Fix = "fix the JSON at the line shown (`python3 -m json.tool <file>` points at it)",
        };
        var evidence = declarations.BrokenFiles.Concat(declarations.Sources).Concat(declarations.IgnoredLines).ToList();
        if (declarations.BrokenFiles.Count > 0)
        {
            return row.Fail(
                $"{declarations.BrokenFiles.Count} appsettings {Plural(declarations.BrokenFiles.Count, "file")} not valid JSON: {declarations.BrokenFiles[0].File}",
                Cap(evidence));
        }

        return row.Pass(
            declarations.Sources.Count == 0
                ? "no declarations found (no environment.declared, .env.example, Dockerfile ENV or appsettings.json)"
                : $"{declarations.Declared.Count} names and keys declared in {declarations.Sources.Count} {Plural(declarations.Sources.Count, "source")}",
            Cap(evidence));
    }

    private static RubricRowTemplate Required() => new()
    {
        CheckId = CheckId,
        Row = "required",
        FailureMode = "Crash on startup: an environment variable the code needs is not set on the server",
        Test = $"reads without a default (C# Environment.GetEnvironmentVariable(\"X\"), configuration[\"A:B\"] as A__B, GetConnectionString(\"X\"); Python os.environ[\"X\"]; Node process.env.X) compared with {DeclarationsText}",
        Severity = Severity.BlocksLaunch,
        Step = CountdownStep.SetSecret,
        Fix = "set the variable on the server and declare it (airlock.yaml environment.declared, .env.example or Dockerfile ENV), or give the read a default (`?? \"...\"`, `|| \"...\"`, `os.getenv(\"X\", \"...\")`)",
    };

    /// <summary>Undeclared reads grouped by variable, in name order.</summary>
    private static List<IGrouping<string, EnvironmentRead>> Undeclared(List<EnvironmentRead> reads, ReadScan scan, DeclarationSet declarations) =>
        [.. reads.Where(r => declarations.Declared.Find(r, scan.EnvironmentPrefixes) is null)
            .GroupBy(r => r.Name!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)];

    private static IEnumerable<Evidence> SiteEvidence(IGrouping<string, EnvironmentRead> reads, string what, string rule)
    {
        var sites = reads.ToList();
        return sites.Take(SitesPerVariable).Select((read, i) => new Evidence(
            $"{read.Name} read by {read.Expression} {what}"
            + (read.ConfigurationKey is null ? string.Empty : $" (key {read.ConfigurationKey}: environment variable {read.Name} or appsettings.json)")
            + (i == SitesPerVariable - 1 && sites.Count > SitesPerVariable ? $"; {sites.Count - SitesPerVariable} more reads" : string.Empty))
        {
            File = read.File,
            Line = read.Line,
            RuleId = rule,
        });
    }

    private static ImmutableArray<Evidence> Cap(List<Evidence> evidence) =>
        evidence.Count <= MaxEvidence
            ? [.. evidence]
            : [.. evidence.Take(MaxEvidence), new Evidence($"and {evidence.Count - MaxEvidence} more")];

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
