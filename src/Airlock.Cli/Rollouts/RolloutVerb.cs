using System.CommandLine;
using Airlock.Cli.Hosting;
using Spectre.Console;

namespace Airlock.Cli.Rollouts;

/// <summary>
/// The base of the thin client verbs (deploy, status, promote, ...): finds serve, maps "not answering" to exit 69
/// with how to start it, and a refusal to exit 1 with serve's reason.
/// </summary>
internal abstract class RolloutVerb : AirlockCommand
{
    protected RolloutVerb(string name, string description, CliConsole console)
        : base(name, description, console)
    {
        Options.Add(DirectoryOption);
        Options.Add(ServerOption);
        Options.Add(JsonOption);
    }

    internal Option<string> DirectoryOption { get; } = new("--dir", "-C")
    {
        Description = "The project folder (with airlock.yaml and .airlock/) [default: the current folder].",
        HelpName = "DIR",
        DefaultValueFactory = _ => ".",
    };

    internal Option<string?> ServerOption { get; } = new("--server")
    {
        Description = "airlock serve's URL [default: from .airlock/serve.json, else http://127.0.0.1:7070].",
        HelpName = "URL",
    };

    internal Option<bool> JsonOption { get; } = new("--json")
    {
        Description = "Print serve's JSON answer instead of text.",
    };

    protected sealed override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var directory = parse.GetRequiredValue(DirectoryOption);
        using var client = new ServeClient(ServeEndpoint.Resolve(directory, parse.GetValue(ServerOption)));
        try
        {
            return await RunAsync(parse, client, parse.GetValue(JsonOption), cancellationToken);
        }
        catch (ServeUnavailableException ex)
        {
            Console.Error.MarkupLine($"[red bold]error:[/] {Markup.Escape(ex.Message)}");
            Console.Error.MarkupLine($"  [grey]hint:[/] start it with 'airlock serve' in {Markup.Escape(Path.GetFullPath(directory))} (docs/deploy.md)");
            return ExitCodes.Unavailable;
        }
        catch (ServeRefusedException ex)
        {
            Console.Error.MarkupLine($"[red bold]error:[/] {Markup.Escape(ex.Message ?? "refused")}");
            if (ex.Hint is not null)
            {
                Console.Error.MarkupLine($"  [grey]hint:[/] {Markup.Escape(ex.Hint)}");
            }

            return ex.Status == System.Net.HttpStatusCode.BadRequest ? ExitCodes.UsageError : ExitCodes.Refused;
        }
    }

    protected abstract Task<int> RunAsync(ParseResult parse, ServeClient client, bool json, CancellationToken cancellationToken);

    /// <summary>Prints a command's answer: the message, or the JSON; exit 0 when accepted, 1 when refused.</summary>
    protected int Answer(System.Net.HttpStatusCode status, System.Text.Json.JsonElement body, bool json)
    {
        var accepted = body.TryGetProperty("accepted", out var flag) && flag.GetBoolean();
        var message = body.TryGetProperty("message", out var text) ? text.GetString() ?? string.Empty : status.ToString();
        if (json)
        {
            Console.RawOut.WriteLine(body.GetRawText());
        }
        else if (accepted)
        {
            Console.Out.MarkupLine(Markup.Escape(message));
        }
        else
        {
            Console.Error.MarkupLine($"[yellow]refused:[/] {Markup.Escape(message)}");
        }

        return accepted ? ExitCodes.Ok : ExitCodes.Refused;
    }
}
