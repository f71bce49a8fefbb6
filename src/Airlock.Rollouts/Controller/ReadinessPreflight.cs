using System.Collections.Immutable;
using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Controller;

/// <summary>The real preflight: the whole readiness rubric, exactly as <c>airlock check</c> runs it.</summary>
public sealed class ReadinessPreflight(AirlockConfig config, string toolVersion, TimeProvider time, ILogger logger) : IPreflight
{
    public async Task<PreflightResult> RunAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var context = new CheckContext
        {
            RepositoryRoot = repositoryRoot,
            Config = config,
            Git = new GitRepository(repositoryRoot),
            Time = time,
        };
        var rubric = new ReadinessRubric(ReadinessCheckCatalog.CreateAll(), logger);
        var report = await rubric.RunAsync(context, toolVersion, cancellationToken);
        var blocking = report.Rows
            .Where(row => row.Result == CheckResult.Fail && row.Severity == Severity.BlocksLaunch)
            .Select(row => new PreflightFailure(row.Id, row.Summary))
            .ToImmutableArray();
        return new PreflightResult(blocking, report.Rows.Length, report.Rows.Count(row => row.Result == CheckResult.Fail));
    }
}
