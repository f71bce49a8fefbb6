using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Docker;

/// <summary>What one Dockerfile rule found in one Dockerfile: an outcome and the evidence behind it.</summary>
internal sealed record DockerfileFinding(CheckResult Result, Evidence Evidence)
{
    public static DockerfileFinding Pass(Dockerfile file, int? line, string ruleId, string message) =>
        Create(CheckResult.Pass, file, line, ruleId, message);

    public static DockerfileFinding Warn(Dockerfile file, int? line, string ruleId, string message) =>
        Create(CheckResult.Warn, file, line, ruleId, message);

    public static DockerfileFinding Fail(Dockerfile file, int? line, string ruleId, string message) =>
        Create(CheckResult.Fail, file, line, ruleId, message);

    private static DockerfileFinding Create(CheckResult result, Dockerfile file, int? line, string ruleId, string message) =>
        new(result, new Evidence(message) { File = file.Path, Line = line, RuleId = ruleId });
}
