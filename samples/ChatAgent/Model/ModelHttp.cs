using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>What both provider clients share: sending, classifying a failed status, and reading bodies that may be garbage.</summary>
internal static class ModelHttp
{
    public const string EventStream = "text/event-stream";

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string provider, TimeProvider time, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ModelCallException(ModelErrorKind.Transport, $"{provider} could not be reached ({ex.HttpRequestError}).", inner: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var kind = response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => ModelErrorKind.RateLimited,
                >= HttpStatusCode.InternalServerError => ModelErrorKind.ServerError,
                _ => ModelErrorKind.ClientError,
            };

            // The body is not echoed: providers put request fragments in error bodies, and a message reaches logs.
            throw new ModelCallException(kind, $"{provider} answered HTTP {status}.", RetryAfter(response.Headers.RetryAfter, time));
        }
    }

    public static bool IsEventStream(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, EventStream, StringComparison.OrdinalIgnoreCase);

    /// <summary>A whole non-streamed body as JSON; an empty or non-JSON body is a <see cref="ModelCallException"/> with its kind.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string provider, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new ModelCallException(ModelErrorKind.EmptyResponse, $"{provider} answered 200 with an empty body.");
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            throw new ModelCallException(ModelErrorKind.InvalidJson, $"{provider} answered 200 with a body that is not JSON ({type}).", inner: ex);
        }
    }

    public static JsonDocument ParseEvent(string data, string provider)
    {
        try
        {
            return JsonDocument.Parse(data);
        }
        catch (JsonException ex)
        {
            throw new ModelCallException(ModelErrorKind.MalformedEvent, $"{provider} sent a stream event whose data is not JSON.", inner: ex);
        }
    }

    public static ModelCallException Malformed(string provider, string what) =>
        new(ModelErrorKind.MalformedEvent, $"{provider} sent {what}.");

    /// <summary>Tool arguments as the model wrote them (a JSON object in text); anything else becomes no arguments, which the tool's own check reports.</summary>
    public static Dictionary<string, object?> ParseArguments(string json)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    arguments[property.Name] = property.Value.Clone();
                }
            }
        }
        catch (JsonException)
        {
            // Left empty on purpose: the runner then answers "no query was given", which the model can act on.
        }

        return arguments;
    }

    /// <summary>Writes tool arguments back as a JSON object, whatever the values' CLR types.</summary>
    public static void WriteArguments(Utf8JsonWriter json, IDictionary<string, object?>? arguments)
    {
        json.WriteStartObject();
        foreach (var (name, value) in arguments ?? new Dictionary<string, object?>())
        {
            json.WritePropertyName(name);
            WriteValue(json, value);
        }

        json.WriteEndObject();
    }

    /// <summary>A tool result as the text the model reads.</summary>
    public static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null => "null",
        string text => text,
        JsonElement element => element.GetRawText(),
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// JSON for a model to read, not a browser: '+', '&lt;' and non-ASCII letters are written as themselves. The default
    /// encoder's <c>\u002B09:00</c> is valid JSON but costs tokens and invites the model to copy the escape.
    /// </summary>
    public static readonly JsonWriterOptions ModelJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON value re-written with <see cref="ModelJson"/>.</summary>
    public static string Relaxed(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ModelJson))
        {
            element.WriteTo(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static ByteArrayContent JsonContent(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ModelJson))
        {
            write(json);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(json);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or double or decimal:
                json.WriteRawValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
