using Spectre.Console;

namespace Airlock.Cli;

/// <summary>
/// All console output goes through here: <see cref="Out"/> carries the command's result
/// (the rubric table, or a JSON/SARIF/JUnit document), <see cref="Error"/> carries the human
/// side channel (progress, errors, hints), so <c>--format json | jq</c> stays clean.
/// </summary>
internal sealed class CliConsole(IAnsiConsole output, IAnsiConsole error, TextWriter rawOutput)
{
    public static CliConsole System { get; } = new(
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }),
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        Console.Out);

    public IAnsiConsole Out { get; } = output;

    public IAnsiConsole Error { get; } = error;

    /// <summary>Standard output for documents that must not be reflowed or styled.</summary>
    public TextWriter RawOut { get; } = rawOutput;
}
