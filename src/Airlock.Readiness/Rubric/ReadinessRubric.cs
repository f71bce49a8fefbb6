using System.Collections.Immutable;
using System.Diagnostics;
using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Microsoft.Extensions.Logging;

namespace Airlock.Readiness.Rubric;

/// <summary>
/// Runs a set of readiness checks against one repository and assembles the rubric. Checks run
/// concurrently; a check that throws becomes a skipped row naming the error, except configuration
/// errors (<see cref="IConfigErrorSource"/>), which the caller reports as bad input.
/// </summary>
public sealed partial class ReadinessRubric(IReadOnlyList<IReadinessCheck> checks, ILogger logger)
{
    public IReadOnlyList<IReadinessCheck> Checks { get; } = checks;

    public async Task<RubricReport> RunAsync(CheckContext context, string toolVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = context.Time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var head = await ReadHeadAsync(context, cancellationToken);
        var results = await Task.WhenAll(Checks.Select(check => RunOneAsync(check, context, cancellationToken)));
        var rows = results
            .SelectMany(r => r)
            .Select(row => row.Owner is null ? row with { Owner = context.Config.Owners.For(row.CheckId) } : row)
            .ToImmutableArray();
        return new RubricReport
        {
            Repository = context.RepositoryRoot,
            Commit = head.Commit,
            Branch = head.Branch,
            StartedAt = started,
            Duration = clock.Elapsed,
            ToolVersion = toolVersion,
            Rows = rows,
        };
    }

    private async Task<IReadOnlyList<RubricRow>> RunOneAsync(IReadinessCheck check, CheckContext context, CancellationToken cancellationToken)
    {
        // Yield first so that one check's synchronous start never delays the others.
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        try
        {
            var rows = await check.RunAsync(context, cancellationToken);
            LogCheckFinished(logger, check.Id, rows.Count, clock.ElapsedMilliseconds);
            return rows;
        }
        catch (Exception ex) when (ex is not IConfigErrorSource and not OperationCanceledException)
        {
            LogCheckCrashed(logger, ex, check.Id);
            return
            [
                new RubricRow
                {
                    CheckId = check.Id,
                    Id = check.Id + ".error",
                    FailureMode = $"The '{check.Id}' check could not run",
                    Test = check.Id,
                    Severity = Severity.DegradesIt,
                    Result = CheckResult.Skipped,
                    Summary = $"skipped: the check failed with {ex.GetType().Name}: {ex.Message}",
                    Step = CountdownStep.Test,
                    Fix = "Rerun with --verbose and report the error to the Airlock maintainers.",
                },
            ];
        }
    }

    private static async Task<(string? Commit, string? Branch)> ReadHeadAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var commit = await context.Git.RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], cancellationToken);
        var branch = await context.Git.RunAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken);
        return (commit.Succeeded ? commit.StandardOutput.Trim() : null, branch.Succeeded ? branch.StandardOutput.Trim() : null);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Check {CheckId} produced {RowCount} rows in {ElapsedMs} ms")]
    private static partial void LogCheckFinished(ILogger logger, string checkId, int rowCount, long elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Check {CheckId} failed")]
    private static partial void LogCheckCrashed(ILogger logger, Exception exception, string checkId);
}
