using System.CommandLine;
using Airlock.Core.Config;
using Spectre.Console;

namespace Airlock.Cli.Hosting;

/// <summary>
/// The base of every <c>airlock</c> verb: maps bad input to exit code 2 with a located message and a hint,
/// Ctrl+C to 130, and a bug to 70, so that each verb only writes its happy path.
/// </summary>
internal abstract class AirlockCommand : Command
{
    protected AirlockCommand(string name, string description, CliConsole console)
        : base(name, description)
    {
        Console = console;
        SetAction(InvokeAsync);
    }

    protected CliConsole Console { get; }

    protected abstract Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken);

    private async Task<int> InvokeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(parse, cancellationToken);
        }
        catch (UsageException ex)
        {
            WriteError(null, ex.Message, ex.Hint);
            return ExitCodes.UsageError;
        }
        catch (Exception ex) when (ex is IConfigErrorSource source)
        {
            foreach (var error in source.ConfigErrors)
            {
                WriteError(error.Location.ToString(), error.Message, error.Hint);
            }

            Console.Error.MarkupLine($"[grey]{source.ConfigErrors.Count} error(s); nothing was written.[/]");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.MarkupLine("[yellow]cancelled[/]");
            return ExitCodes.Cancelled;
        }
    }

    private void WriteError(string? location, string message, string? hint)
    {
        var prefix = location is null ? string.Empty : Markup.Escape(location) + ": ";
        Console.Error.MarkupLine($"{prefix}[red bold]error:[/] {Markup.Escape(message)}");
        if (hint is not null)
        {
            Console.Error.MarkupLine($"  [grey]hint:[/] {Markup.Escape(hint)}");
        }
    }
}
