using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Airlock.Readiness.Reporting;

/// <summary>Renders an indented UTF-8 JSON document through a <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonDocuments
{
    // Relaxed escaping keeps paths and messages readable (no \u002B for '+'); the output is never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
