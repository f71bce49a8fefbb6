using System.Text.Json;
using System.Text.RegularExpressions;
using ChatAgent.Errors;

namespace ChatAgent.Agent;

/// <summary>
/// Reads and checks the request body by hand instead of through parameter binding, so every bad input gets
/// this service's own code and a message that says how to fix it, never the framework's generic 400.
/// </summary>
internal static partial class AgentRequestReader
{
    private const string Example = "{\"message\": \"How do I embed the widget?\", \"conversationId\": \"c-1\", \"timeZone\": \"Europe/Paris\", \"stream\": false}";

    public static async Task<(AgentRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, AgentOptions options, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Create(
                StatusCodes.Status415UnsupportedMediaType,
                ErrorCodes.UnsupportedMediaType,
                "The body must be JSON.",
                $"Send Content-Type: application/json with a body like {Example}"));
        }

        // Bounded read: a message may be MaxMessageLength characters, each up to 4 UTF-8 bytes (6 escaped), plus the other fields.
        var limit = (options.MaxMessageLength * 6) + 4096;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return (null, TooLong(options));
            }
        }

        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.EmptyBody, "The request body is empty.", $"Send a body like {Example}"));
        }

        AgentRequest? body;
        try
        {
            body = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), AgentJsonContext.Default.AgentRequest);
        }
        catch (JsonException ex)
        {
            // The position and path help the caller; the exception text is not echoed because it names internal types.
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : "";
            return (null, Problems.Create(
                StatusCodes.Status400BadRequest,
                ErrorCodes.MalformedBody,
                "The request body is not a valid agent request.",
                $"Invalid or unknown JSON{where} (line {(ex.LineNumber ?? 0) + 1}). Expected a body like {Example}"));
        }

        if (body is null)
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.MalformedBody, "The request body is not a valid agent request.", $"Expected a body like {Example}"));
        }

        if (string.IsNullOrWhiteSpace(body.Message))
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.MessageRequired, "The message is empty.", "Set \"message\" to the user's question."));
        }

        if (body.Message.Length > options.MaxMessageLength)
        {
            return (null, TooLong(options));
        }

        if (body.ConversationId is not null && !ConversationIdPattern().IsMatch(body.ConversationId))
        {
            return (null, Problems.Create(
                StatusCodes.Status400BadRequest,
                ErrorCodes.InvalidConversationId,
                "The conversation id is not valid.",
                "Use 1 to 64 letters, digits, '-' or '_', or leave it out to start a new conversation."));
        }

        return (body, null);
    }

    private static IResult TooLong(AgentOptions options) =>
        Problems.Create(
            StatusCodes.Status400BadRequest,
            ErrorCodes.MessageTooLong,
            "The message is too long.",
            $"Messages are limited to {options.MaxMessageLength} characters.");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ConversationIdPattern();
}
