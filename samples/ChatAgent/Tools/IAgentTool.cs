using System.Text.Json;

namespace ChatAgent.Tools;

/// <summary>
/// A tool the agent can call. The runner owns timeouts, concurrency and metrics; a tool only checks its own
/// arguments, does its work and says what a well-formed result of its looks like.
/// </summary>
internal interface IAgentTool
{
    /// <summary>The name calls use, also the <c>tool</c> label in metrics and the key under <c>Tools:Timeouts</c>.</summary>
    string Name { get; }

    /// <summary>Null when the arguments are usable, else a message a user may read.</summary>
    string? ValidateArguments(IReadOnlyDictionary<string, string> arguments);

    /// <summary>Runs the tool; the result is raw text that the runner parses and checks, never trusted as is.</summary>
    Task<string> InvokeAsync(IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken);

    /// <summary>Null when a parsed JSON result has the shape this tool promises, else what is wrong with it.</summary>
    string? ValidateResult(JsonElement result);
}
