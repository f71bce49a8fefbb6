using System.CommandLine;
using Airlock.Core.Readiness;
using Airlock.Readiness.Reporting;

namespace Airlock.Cli.Check;

internal sealed partial class CheckCommand
{
    internal Argument<string> PathArgument { get; } = new("path")
    {
        Description = "The git repository to check.",
        DefaultValueFactory = _ => ".",
    };

    internal Option<string> FormatOption { get; } = CreateFormatOption();

    internal Option<bool> JsonOption { get; } = new("--json")
    {
        Description = "Same as --format json.",
    };

    internal Option<string?> OutputOption { get; } = new("--output", "-o")
    {
        Description = "Write the report to FILE (atomically) instead of standard output.",
        HelpName = "FILE",
    };

    internal Option<string> FailOnOption { get; } = CreateFailOnOption();

    internal Option<string?> ConfigOption { get; } = new("--config", "-c")
    {
        Description = "The airlock.yaml to read [default: PATH/airlock.yaml; none is fine].",
        HelpName = "FILE",
    };

    internal Option<string?> RulesOption { get; } = new("--rules")
    {
        Description = "A gitleaks-format rules file for the secrets scan [default: PATH/.gitleaks.toml if present, else Airlock's rules].",
        HelpName = "FILE",
    };

    internal Option<string?> BaselineOption { get; } = new("--baseline")
    {
        Description = "Accepted secret findings [default: secrets.baseline in airlock.yaml, else .airlock/secrets-baseline.json].",
        HelpName = "FILE",
    };

    internal Option<bool> UpdateBaselineOption { get; } = new("--update-baseline")
    {
        Description = "Accept every current secret finding: write them to the baseline file (atomically) instead of printing the rubric.",
    };

    internal Option<string?> ReasonOption { get; } = new("--reason")
    {
        Description = "With --update-baseline: why the new findings are accepted (kept in the baseline file).",
        HelpName = "TEXT",
    };

    internal Option<string?> ArtifactOption { get; } = new("--artifact")
    {
        Description = "A publish folder to inspect too (native ABI of its ELF files).",
        HelpName = "DIR",
    };

    internal Option<string[]> OnlyOption { get; } = new("--only")
    {
        Description = "Run only these checks (comma-separated ids, e.g. secrets,dockerfile).",
        HelpName = "IDS",
        AllowMultipleArgumentsPerToken = true,
    };

    internal Option<string[]> SkipOption { get; } = new("--skip")
    {
        Description = "Skip these checks (comma-separated ids).",
        HelpName = "IDS",
        AllowMultipleArgumentsPerToken = true,
    };

    internal Option<string> EvidenceOption { get; } = new("--evidence")
    {
        Description = "Evidence lines per row in the table: a number, or 'all'.",
        HelpName = "N|all",
        DefaultValueFactory = _ => "3",
    };

    internal Option<string?> LiveOption { get; } = new("--live")
    {
        Description = "Also probe the running revision at URL (live rows 1-12 and live.probes from airlock.yaml); loopback only unless --allow-remote.",
        HelpName = "URL",
    };

    internal Option<bool> AllowRemoteOption { get; } = new("--allow-remote")
    {
        Description = "With --live: allow a target that is not on this machine (a non-loopback address or host name).",
    };

    internal Option<string?> ExpectRevisionOption { get; } = new("--expect-revision")
    {
        Description = "With --live: the revision the version endpoint must report [default: live.version.expect, else the repository's HEAD].",
        HelpName = "REV",
    };

    internal Option<bool> NoProgressOption { get; } = new("--no-progress")
    {
        Description = "Do not draw progress bars.",
    };

    internal Option<bool> VerboseOption { get; } = new("--verbose", "-v")
    {
        Description = "Log what each check does to standard error.",
    };

    private static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (terminal), markdown, json, sarif (SARIF 2.1.0) or junit (JUnit XML).",
            DefaultValueFactory = _ => TableFormat,
        };
        option.AcceptOnlyFromAmong([TableFormat, .. RubricWriters.All.Select(w => w.Format)]);
        return option;
    }

    private static Option<string> CreateFailOnOption()
    {
        var option = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a row of this tier or a more severe one fails.",
            DefaultValueFactory = _ => Severity.BlocksLaunch.Key(),
        };
        option.AcceptOnlyFromAmong([.. Enum.GetValues<Severity>().Select(s => s.Key())]);
        return option;
    }
}
