using Spectre.Console;

namespace Airlock.Cli;

/// <summary>
/// All console output goes through here: <see cref="Out"/> carries the command's result
/// (the rubric table, or a JSON/SARIF/JUnit document), <see cref="Error"/> carries the human
/// side channel (progress, errors, hints), so <c>--format json | jq</c> stays clean.
/// </summary>
internal sealed class CliConsole(IAnsiConsole output, IAnsiConsole error, TextWriter rawOutput)
{
    /// <summary>Width used when a stream is not a terminal (a file or a CI log), where Spectre would assume 80.</summary>
    public const int RedirectedWidth = 160;

    public static CliConsole System { get; } = new(
        Create(Console.Out, Console.IsOutputRedirected),
        Create(Console.Error, Console.IsErrorRedirected),
        Console.Out);

    public IAnsiConsole Out { get; } = output;

    public IAnsiConsole Error { get; } = error;

    /// <summary>Standard output for documents that must not be reflowed or styled.</summary>
    public TextWriter RawOut { get; } = rawOutput;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
