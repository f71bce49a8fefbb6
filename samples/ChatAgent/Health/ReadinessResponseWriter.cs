using System.Text.Json;
using ChatAgent.Agent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatAgent.Health;

/// <summary>Writes <c>/health/ready</c> as JSON: the overall status, the answering mode, and each check with its data.</summary>
internal static class ReadinessResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var mode = context.RequestServices.GetRequiredService<AgentTurn>().Mode;
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteString("mode", mode);
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            foreach (var (key, value) in entry.Data)
            {
                WriteValue(json, key, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object value)
    {
        switch (value)
        {
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int i:
                json.WriteNumber(key, i);
                break;
            case long l:
                json.WriteNumber(key, l);
                break;
            case double d:
                json.WriteNumber(key, d);
                break;
            default:
                json.WriteString(key, value.ToString());
                break;
        }
    }
}
