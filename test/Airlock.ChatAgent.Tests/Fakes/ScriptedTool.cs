using System.Text.Json;
using ChatAgent.Tools;

namespace Airlock.ChatAgent.Tests.Fakes;

/// <summary>
/// A tool whose work is a script (slow, broken, garbage-returning), wearing the name and the argument and result
/// checks of <paramref name="shape"/> when given, so the runner judges its output as it would the real tool's.
/// </summary>
internal sealed class ScriptedTool(
    string name,
    Func<IReadOnlyDictionary<string, string>, CancellationToken, Task<string>> script,
    IAgentTool? shape = null) : IAgentTool
{
    private int _invocations;

    public ScriptedTool(IAgentTool shape, Func<IReadOnlyDictionary<string, string>, CancellationToken, Task<string>> script)
        : this(shape.Name, script, shape)
    {
    }

    public int Invocations => Volatile.Read(ref _invocations);

    public string Name => name;

    public string? ValidateArguments(IReadOnlyDictionary<string, string> arguments) => shape?.ValidateArguments(arguments);

    public Task<string> InvokeAsync(IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _invocations);
        return script(arguments, cancellationToken);
    }

    public string? ValidateResult(JsonElement result) => shape?.ValidateResult(result);

    /// <summary>Signals <paramref name="started"/>, then waits until cancelled: a tool that never answers.</summary>
    public static Func<IReadOnlyDictionary<string, string>, CancellationToken, Task<string>> Hangs(TaskCompletionSource started) =>
        async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return "{}";
        };

    public static Func<IReadOnlyDictionary<string, string>, CancellationToken, Task<string>> Returns(string raw) =>
        (_, _) => Task.FromResult(raw);
}
