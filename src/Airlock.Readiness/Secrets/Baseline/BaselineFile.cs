using System.Security.Cryptography;
using System.Text.Json;
using Airlock.Core.Config;
using Airlock.Core.IO;

namespace Airlock.Readiness.Secrets.Baseline;

/// <summary>
/// Reads and writes the baseline JSON file:
/// <c>{ "version": 1, "findings": [ { "fingerprint", "rule", "file", "redacted", "reason" } ] }</c>.
/// Comments and trailing commas are allowed (it is edited by hand); unknown keys are errors.
/// </summary>
internal static partial class BaselineFile
{
    /// <summary>Reads a baseline; a missing file is an empty baseline, a malformed one throws <see cref="SecretsConfigException"/>.</summary>
    public static async Task<SecretsBaseline> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return SecretsBaseline.Empty;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SecretsConfigException(new ConfigLocation(path, 0, 0), "the secrets baseline cannot be read: " + exception.Message, exception);
        }

        return Parse(path, bytes);
    }

    /// <summary>Parses baseline bytes; <paramref name="path"/> names the file in errors.</summary>
    public static SecretsBaseline Parse(string path, ReadOnlySpan<byte> bytes)
    {
        var entries = new BaselineReader(path, bytes).ReadEntries();
        return new SecretsBaseline
        {
            Path = path,
            Entries = entries,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    }

    /// <summary>
    /// Writes entries atomically (temp file in the same folder, then rename), sorted so the file diffs well.
    /// Throws <see cref="SecretsConfigException"/> if the file changed since <paramref name="readAs"/> was read.
    /// </summary>
    public static async Task WriteAsync(string path, SecretsBaseline readAs, IEnumerable<BaselineEntry> entries, CancellationToken cancellationToken)
    {
        // The baseline is read, edited and written back; the check before the rename catches a concurrent edit.
        await AtomicFile.WriteAsync(path, stream => Serialize(stream, entries), async token =>
        {
            var current = await ReadAsync(path, token);
            if (current.ContentHash != readAs.ContentHash)
            {
                throw new SecretsConfigException(new ConfigLocation(path, 0, 0), "the secrets baseline changed while it was being updated; run the update again.");
            }
        }, cancellationToken);
    }

    private static void Serialize(Stream stream, IEnumerable<BaselineEntry> entries)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("version", SecretsBaseline.FormatVersion);
        writer.WriteStartArray("findings");
        foreach (var entry in entries
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", entry.Fingerprint);
            WriteOptional(writer, "rule", entry.RuleId);
            WriteOptional(writer, "file", entry.File);
            WriteOptional(writer, "redacted", entry.RedactedValue);
            WriteOptional(writer, "reason", entry.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.Write("\n"u8);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
