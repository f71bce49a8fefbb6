using System.Text.Json;
using Airlock.Core.Readiness;

namespace Airlock.Readiness.Docker;

/// <summary><c>dockerfile.signals</c>: the app itself receives SIGTERM, so it can drain before it is stopped.</summary>
internal sealed class SignalsRule : DockerfileRule
{
    public override string Row => "signals";

    public override string FailureMode =>
        "The app never sees SIGTERM: a shell is PID 1 and does not forward it, so every deploy and rollback kills in-flight requests " +
        "and streaming answers after the stop timeout instead of draining them";

    public override string Test =>
        "Rule: the process the final image starts (its last ENTRYPOINT, else its last CMD, through the stages it is built FROM) " +
        "must be in exec form (JSON array) and not a shell wrapper ['sh', '-c', ...]; a shell-form command that starts with 'exec' passes";

    public override Severity Severity => Severity.DegradesIt;

    public override CountdownStep Step => CountdownStep.Deploy;

    public override string Fix =>
        "Use the exec form, 'ENTRYPOINT [\"dotnet\", \"Api.dll\"]', or start a shell command with exec: 'CMD exec node server.js'; " +
        "an init such as tini ('ENTRYPOINT [\"tini\", \"--\"]') also forwards signals";

    protected override string PassSummary => "The app runs as PID 1 and receives SIGTERM";

    public override IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(file);
        var lineage = file.Lineage(file.FinalStage!).ToList();
        var start = Last(lineage, "ENTRYPOINT") ?? Last(lineage, "CMD");
        if (start is null)
        {
            yield return DockerfileFinding.Pass(file, null, "no-start-command", "no ENTRYPOINT or CMD; the base image's command runs");
            yield break;
        }

        var command = start.ArgumentsWithoutFlags.Trim();
        if (!start.IsExecForm)
        {
            yield return command.StartsWith("exec ", StringComparison.Ordinal)
                ? DockerfileFinding.Pass(file, start.Line, "shell-exec", $"{start.Keyword} uses 'exec', so the app replaces the shell")
                : DockerfileFinding.Fail(file, start.Line, "shell-form", $"{start.Keyword} {command} is in shell form: /bin/sh -c is PID 1");
            yield break;
        }

        var words = ExecWords(command);
        if (words is null)
        {
            yield return DockerfileFinding.Warn(file, start.Line, "invalid-exec-form",
                $"{start.Keyword} starts like JSON but is not a JSON array of strings, so Docker runs it in shell form");
        }
        else if (words.Count >= 2 && words[0].Split('/')[^1] is "sh" or "bash" or "ash" or "dash" && words[1] == "-c"
            && !(words.Count > 2 && words[2].TrimStart().StartsWith("exec ", StringComparison.Ordinal)))
        {
            yield return DockerfileFinding.Fail(file, start.Line, "shell-wrapper", $"{start.Keyword} runs the app under '{words[0]} -c', which is PID 1");
        }
        else
        {
            yield return DockerfileFinding.Pass(file, start.Line, "exec-form", $"{start.Keyword} is in exec form");
        }
    }

    private static DockerInstruction? Last(List<DockerStage> lineage, string keyword) =>
        lineage.Select(stage => stage.Instructions.LastOrDefault(i => i.Keyword == keyword)).FirstOrDefault(i => i is not null);

    private static List<string>? ExecWords(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
