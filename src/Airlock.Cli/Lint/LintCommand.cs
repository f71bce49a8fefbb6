using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Airlock.Cli.Hosting;
using Airlock.Core.Config;
using Spectre.Console;

namespace Airlock.Cli.Lint;

/// <summary>
/// <c>airlock lint [PATH|FILE] [--json]</c>: validates airlock.yaml and reports every error at once (exit 2), or says in
/// one line what it would deploy (exit 0). Nothing is started or contacted.
/// </summary>
internal sealed class LintCommand : AirlockCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public LintCommand(CliConsole console)
        : base("lint", "Validate airlock.yaml (the readiness and deployment sections) and report every error at once.", console)
    {
        Arguments.Add(PathArgument);
        Options.Add(JsonOption);
    }

    internal Argument<string> PathArgument { get; } = new("path")
    {
        Description = "airlock.yaml, or the folder that holds it.",
        DefaultValueFactory = _ => ".",
    };

    internal Option<bool> JsonOption { get; } = new("--json")
    {
        Description = "Write the result (errors, or what would be deployed) as JSON on standard output.",
    };

    protected override Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var file = ResolveFile(parse.GetValue(PathArgument) ?? ".");
        var display = Path.GetRelativePath(Environment.CurrentDirectory, file);
        var json = parse.GetValue(JsonOption);
        AirlockConfig config;
        try
        {
            config = AirlockConfigLoader.Load(file, display);
        }
        catch (ConfigException ex)
        {
            if (json)
            {
                Write(LintResult.Failed(display, ex.Errors));
            }
            else
            {
                WriteErrors(display, ex.Errors);
            }

            return Task.FromResult(ExitCodes.UsageError);
        }

        var summary = LintSummary.Describe(config);
        if (json)
        {
            Write(LintResult.Passed(display, config));
        }
        else
        {
            Console.RawOut.WriteLine($"{display}: ok · {summary}");
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    private void Write(LintResult result)
    {
        Console.RawOut.WriteLine(JsonSerializer.Serialize(result, Json));
        Console.RawOut.Flush();
        if (!result.Valid)
        {
            Console.Error.MarkupLine($"[red]{result.Errors.Count} error(s)[/] in {Markup.Escape(result.File)}");
        }
    }

    private void WriteErrors(string file, IReadOnlyList<ConfigError> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.MarkupLine($"{Markup.Escape(error.Location.ToString())}: [red bold]error:[/] {Markup.Escape(error.Message)}");
            if (error.Hint is not null)
            {
                Console.Error.MarkupLine($"  [grey]hint:[/] {Markup.Escape(error.Hint)}");
            }
        }

        Console.Error.MarkupLine($"[red]{errors.Count} error(s)[/] in {Markup.Escape(file)}");
    }

    private static string ResolveFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var inside = Path.Combine(full, AirlockConfigLoader.FileName);
            return File.Exists(inside)
                ? inside
                : throw new UsageException($"there is no {AirlockConfigLoader.FileName} in '{path}'.", "pass the folder that holds it, or the file itself (docs/airlock-yaml.md)");
        }

        return File.Exists(full)
            ? full
            : throw new UsageException($"'{path}' does not exist.", $"pass an {AirlockConfigLoader.FileName} or the folder that holds it");
    }
}
