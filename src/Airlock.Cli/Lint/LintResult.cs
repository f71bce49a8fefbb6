using Airlock.Core.Config;

namespace Airlock.Cli.Lint;

/// <summary>The JSON document of <c>airlock lint --json</c>.</summary>
internal sealed record LintResult(string File, bool Valid, IReadOnlyList<LintError> Errors, string? Summary, LintDeployment? Deployment)
{
    public static LintResult Failed(string file, IEnumerable<ConfigError> errors) =>
        new(file, false, [.. errors.Select(e => new LintError(e.Location.File, e.Location.Line, e.Location.Column, e.Message, e.Hint))], null, null);

    public static LintResult Passed(string file, AirlockConfig config) =>
        new(file, true, [], LintSummary.Describe(config), config.Deployment is { } spec ? LintDeployment.From(spec) : null);
}
