using Airlock.Readiness.Docker;

namespace Airlock.Bench.Docker;

/// <summary>
/// A hadolint rule and the part of one of our rows that tests the same thing: the rule ids of our findings that
/// correspond to hadolint firing.
/// </summary>
internal sealed record RuleOverlap(string Hadolint, DockerfileRule Ours, IReadOnlySet<string> FiringRuleIds, string Meaning)
{
    public static IReadOnlyList<RuleOverlap> All { get; } =
    [
        new("DL3002", new NonRootRule(), new HashSet<string> { "explicit-root" }, "last USER is root"),
        new("DL3006", new BaseImagePinnedRule(), new HashSet<string> { "untagged" }, "base image without tag"),
        new("DL3007", new BaseImagePinnedRule(), new HashSet<string> { "latest" }, "base image on :latest"),
        new("DL3057", new HealthcheckRule(), new HashSet<string> { "no-healthcheck" }, "no HEALTHCHECK"),
        new("DL3064", new SecretsInEnvRule(), new HashSet<string> { "secret-literal", "secret-build-arg", "secret-from-variable" }, "secret-named ENV/ARG"),
        new("DL3025", new SignalsRule(), new HashSet<string> { "shell-form", "invalid-exec-form" }, "shell-form CMD/ENTRYPOINT"),
    ];
}
