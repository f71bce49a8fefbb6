using System.Collections.Immutable;
using System.Text.Json;
using Airlock.Core.Config;

namespace Airlock.Readiness.Secrets.Baseline;

/// <summary>
/// A hand-rolled reader over <see cref="Utf8JsonReader"/> rather than a deserializer, so that every
/// error (syntax or meaning) names the line of the offending token.
/// </summary>
internal ref struct BaselineReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly string _path;
    private readonly ReadOnlySpan<byte> _bytes;
    private Utf8JsonReader _reader;

    public BaselineReader(string path, ReadOnlySpan<byte> bytes)
    {
        _path = path;
        _bytes = bytes;
        _reader = new Utf8JsonReader(bytes, Options);
    }

    public ImmutableDictionary<string, BaselineEntry> ReadEntries()
    {
        try
        {
            return ReadDocument();
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            throw new SecretsConfigException(new ConfigLocation(_path, line, column), "the secrets baseline is not valid JSON: " + FirstSentence(exception.Message), exception);
        }
    }

    private ImmutableDictionary<string, BaselineEntry> ReadDocument()
    {
        var entries = ImmutableDictionary.CreateBuilder<string, BaselineEntry>(StringComparer.Ordinal);
        Next();
        Expect(JsonTokenType.StartObject, "the baseline must be a JSON object with \"version\" and \"findings\"");
        var sawVersion = false;
        while (Next() == JsonTokenType.PropertyName)
        {
            var name = _reader.GetString();
            var nameLine = CurrentLine;
            Next();
            switch (name)
            {
                case "version":
                    if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetInt32(out var version) || version != SecretsBaseline.FormatVersion)
                    {
                        throw Error($"\"version\" must be {SecretsBaseline.FormatVersion}");
                    }

                    sawVersion = true;
                    break;
                case "findings":
                    Expect(JsonTokenType.StartArray, "\"findings\" must be an array");
                    while (Next() != JsonTokenType.EndArray)
                    {
                        var entry = ReadEntry();
                        if (entries.TryGetValue(entry.Fingerprint, out var first))
                        {
                            throw Error($"fingerprint {entry.Fingerprint} is listed twice (first at line {first.Line})", entry.Line);
                        }

                        entries.Add(entry.Fingerprint, entry);
                    }

                    break;
                default:
                    throw Error($"unknown key \"{name}\" (expected \"version\" or \"findings\")", nameLine);
            }
        }

        if (_reader.Read())
        {
            throw Error("unexpected content after the closing brace");
        }

        if (!sawVersion)
        {
            throw Error($"\"version\": {SecretsBaseline.FormatVersion} is missing", 1);
        }

        return entries.ToImmutable();
    }

    private BaselineEntry ReadEntry()
    {
        Expect(JsonTokenType.StartObject, "each finding must be an object with a \"fingerprint\"");
        var line = CurrentLine;
        string? fingerprint = null, rule = null, file = null, redacted = null, reason = null;
        while (Next() == JsonTokenType.PropertyName)
        {
            var name = _reader.GetString();
            var nameLine = CurrentLine;
            Next();
            var value = _reader.TokenType switch
            {
                JsonTokenType.String => _reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw Error($"\"{name}\" must be a string"),
            };
            switch (name)
            {
                case "fingerprint": fingerprint = value; break;
                case "rule": rule = value; break;
                case "file": file = value; break;
                case "redacted": redacted = value; break;
                case "reason": reason = value; break;
                default: throw Error($"unknown key \"{name}\" in a finding (expected fingerprint, rule, file, redacted, reason)", nameLine);
            }
        }

        if (string.IsNullOrWhiteSpace(fingerprint))
        {
            throw Error("a finding has no \"fingerprint\"", line);
        }

        return new BaselineEntry
        {
            Fingerprint = fingerprint.Trim(),
            RuleId = rule,
            File = file,
            RedactedValue = redacted,
            Reason = reason,
            Line = line,
        };
    }

    private readonly int CurrentLine
    {
        get
        {
            var before = _bytes[..(int)_reader.TokenStartIndex];
            return before.Count((byte)'\n') + 1;
        }
    }

    private readonly int CurrentColumn
    {
        get
        {
            var before = _bytes[..(int)_reader.TokenStartIndex];
            return before.Length - before.LastIndexOf((byte)'\n');
        }
    }

    private JsonTokenType Next()
    {
        if (!_reader.Read())
        {
            throw Error("the file ends too early");
        }

        return _reader.TokenType;
    }

    private readonly void Expect(JsonTokenType type, string message)
    {
        if (_reader.TokenType != type)
        {
            throw Error(message);
        }
    }

    private readonly SecretsConfigException Error(string message, int? line = null) =>
        new(new ConfigLocation(_path, line ?? CurrentLine, line is null ? CurrentColumn : 1), "secrets baseline: " + message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
