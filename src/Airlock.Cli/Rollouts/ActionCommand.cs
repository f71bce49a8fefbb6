using System.CommandLine;

namespace Airlock.Cli.Rollouts;

/// <summary>promote, approve, pause, resume, abort, undo: one POST each to serve, which decides and says why.</summary>
internal sealed class ActionCommand : RolloutVerb
{
    private readonly string _path;

    private ActionCommand(string name, string description, string path, CliConsole console)
        : base(name, description, console)
    {
        _path = path;
        if (name == "promote")
        {
            Options.Add(FullOption);
        }
    }

    internal Option<bool> FullOption { get; } = new("--full")
    {
        Description = "Skip every remaining step and send 100% to the candidate now (without it: skip only the current step).",
    };

    public static IEnumerable<ActionCommand> CreateAll(CliConsole console) =>
    [
        new("promote", "Skip the current step of the rollout (--full: all of them, to 100%).", "/api/rollouts/current/promote", console),
        new("approve", "Pass the approval gate the rollout waits at.", "/api/rollouts/current/approve", console),
        new("pause", "Hold the rollout at its current weight; analysis and automatic rollback go on.", "/api/rollouts/current/pause", console),
        new("resume", "Continue a paused rollout.", "/api/rollouts/current/resume", console),
        new("abort", "Send all traffic back to stable now and end the rollout.", "/api/rollouts/current/abort", console),
        new("undo", "Go back to the previous stable revision after a promote.", "/api/undo", console),
    ];

    protected override async Task<int> RunAsync(ParseResult parse, ServeClient client, bool json, CancellationToken cancellationToken)
    {
        var path = Name == "promote" && parse.GetValue(FullOption) ? _path + "?full=true" : _path;
        var (status, body) = await client.PostAsync(path, null, cancellationToken);
        return Answer(status, body, json);
    }
}
