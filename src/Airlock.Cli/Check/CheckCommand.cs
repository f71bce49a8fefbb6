using System.CommandLine;
using Airlock.Cli.Hosting;
using Airlock.Cli.Rendering;
using Airlock.Core.IO;
using Airlock.Core.Readiness;
using Airlock.Readiness.Git;
using Airlock.Readiness.Reporting;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace Airlock.Cli.Check;

/// <summary><c>airlock check [PATH]</c>: the static deploy-readiness rubric.</summary>
internal sealed partial class CheckCommand : AirlockCommand
{
    public const string TableFormat = "table";

    public CheckCommand(CliConsole console)
        : base("check", "Audit a git repository for the ways launches fail and print the deploy-readiness rubric.", console)
    {
        Arguments.Add(PathArgument);
        Options.Add(FormatOption);
        Options.Add(JsonOption);
        Options.Add(OutputOption);
        Options.Add(FailOnOption);
        Options.Add(ConfigOption);
        Options.Add(RulesOption);
        Options.Add(BaselineOption);
        Options.Add(UpdateBaselineOption);
        Options.Add(ReasonOption);
        Options.Add(ArtifactOption);
        Options.Add(OnlyOption);
        Options.Add(SkipOption);
        Options.Add(EvidenceOption);
        Options.Add(LiveOption);
        Options.Add(AllowRemoteOption);
        Options.Add(ExpectRevisionOption);
        Options.Add(NoProgressOption);
        Options.Add(VerboseOption);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var request = await CheckRequest.ResolveAsync(parse, this, cancellationToken);
        using var logs = new StderrLoggerProvider(Console.Error, LogLevel.Debug);
        var logger = request.Verbose ? logs.CreateLogger(typeof(ReadinessRubric).FullName!) : NullLogger.Instance;
        var progress = new CheckProgressDisplay();
        var context = new CheckContext
        {
            RepositoryRoot = request.RepositoryRoot,
            Config = request.Config,
            Git = new GitRepository(request.RepositoryRoot),
            RulesFile = request.RulesFile,
            BaselineFile = request.BaselineFile,
            ArtifactDirectory = request.ArtifactDirectory,
            Progress = progress,
        };
        if (parse.GetValue(UpdateBaselineOption))
        {
            return await UpdateBaselineAsync(context, parse.GetValue(ReasonOption), request.ShowProgress, progress, cancellationToken);
        }

        var rubric = new ReadinessRubric(request.Checks, logger);
        var live = request.ShowProgress && Console.Error.Profile.Capabilities.Interactive;
        var report = await progress.RunAsync(Console.Error, live, () => rubric.RunAsync(context, ToolVersion.Version, cancellationToken));

        WriteReport(request, report);
        var failed = report.Summary.Fails(request.FailOn);
        return failed ? ExitCodes.LaunchBlocked : ExitCodes.Ok;
    }

    private void WriteReport(CheckRequest request, RubricReport report)
    {
        if (request.Writer is null)
        {
            RubricTable.Render(request.OutputFile is null ? Console.Out : Console.Error, report, request.EvidencePerRow);
            return;
        }

        if (request.OutputFile is { } file)
        {
            using var text = new StringWriter();
            request.Writer.Write(report, text);
            AtomicFile.WriteAllText(file, text.ToString());
            Console.Error.WriteLine($"wrote {request.Writer.Format} report to {file}");
        }
        else
        {
            request.Writer.Write(report, Console.RawOut);
            Console.RawOut.Flush();
        }

        Console.Error.WriteLine($"{report.Rows.Length} rows in {report.Duration.TotalSeconds:0.0} s · {report.Summary.Describe()}");
    }

    private async Task<int> UpdateBaselineAsync(CheckContext context, string? reason, bool showProgress, CheckProgressDisplay progress, CancellationToken cancellationToken)
    {
        var live = showProgress && Console.Error.Profile.Capabilities.Interactive;
        var update = await progress.RunAsync(Console.Error, live, () => SecretsCheck.UpdateBaselineAsync(context, reason, cancellationToken));
        var path = Path.GetRelativePath(context.RepositoryRoot, update.Path);
        Console.Error.WriteLine($"wrote {path}: {update.Added} finding(s) accepted, {update.Kept} kept, {update.Removed} no longer found and removed");
        Console.Error.WriteLine("Review the file and commit it: a baseline hides these findings from every later check.");
        return ExitCodes.Ok;
    }

    internal static string FailOnKey(Severity severity) => severity.Key();
}
