using Airlock.Core.Readiness;
using Airlock.Readiness.Redaction;

namespace Airlock.Readiness.Docker;

/// <summary><c>dockerfile.secrets-in-env</c>: secrets must not be baked into the image's ENV or build history.</summary>
internal sealed class SecretsInEnvRule : DockerfileRule
{
    public override string Row => "secrets-in-env";

    public override string FailureMode =>
        "A secret in ENV or ARG is stored in the image: anyone who can pull it reads the key (docker inspect, docker history)";

    public override string Test =>
        "Rule: every ENV and ARG (all stages and before the first FROM) whose name contains a secret word " +
        "(SECRET, TOKEN, PASSWORD, PASSWD, PASS, CREDENTIAL(S), KEY, APIKEY; not PUBLIC/GPG keys, not *_FILE/_PATH/_URL pointers): " +
        "a literal value fails; an ARG without a value, or an ENV copied from a variable, warns (--build-arg values are kept in the image history)";

    public override Severity Severity => Severity.BlocksLaunch;

    public override CountdownStep Step => CountdownStep.SetSecret;

    public override string Fix =>
        "Remove the value from the Dockerfile and rotate it; give secrets to the build with 'RUN --mount=type=secret,id=NAME' " +
        "(docker build --secret id=NAME,env=NAME) and to the container at run time through the platform's environment or secret store";

    protected override string PassSummary => "No secret-named ENV or ARG in the Dockerfile";

    public override IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(file);
        var found = false;
        foreach (var instruction in file.Instructions.Where(i => i.Keyword is "ENV" or "ARG"))
        {
            foreach (var assignment in DockerAssignment.Parse(instruction))
            {
                if (!SecretVariableName.IsSecret(assignment.Name))
                {
                    continue;
                }

                if (Judge(file, instruction.Keyword, assignment) is { } finding)
                {
                    found = true;
                    yield return finding;
                }
            }
        }

        if (!found)
        {
            yield return DockerfileFinding.Pass(file, null, "no-secret-variables", "no ENV or ARG with a secret-like name");
        }
    }

    private static DockerfileFinding? Judge(Dockerfile file, string keyword, DockerAssignment assignment)
    {
        var value = assignment.Value;
        if (string.IsNullOrEmpty(value))
        {
            return keyword == "ARG"
                ? DockerfileFinding.Warn(file, assignment.Line, "secret-build-arg",
                    $"ARG {assignment.Name} takes a secret at build time; --build-arg values are kept in the image history")
                : null;
        }

        if (DockerVariables.HasVariable(value))
        {
            return DockerfileFinding.Warn(file, assignment.Line, "secret-from-variable",
                $"{keyword} {assignment.Name} copies {value} into the image, where docker inspect shows it");
        }

        var finding = DockerfileFinding.Fail(file, assignment.Line, "secret-literal",
            $"{keyword} {assignment.Name} has a literal value, stored in every copy of the image");
        return finding with { Evidence = finding.Evidence with { RedactedValue = SecretRedactor.Redact(value) } };
    }
}
