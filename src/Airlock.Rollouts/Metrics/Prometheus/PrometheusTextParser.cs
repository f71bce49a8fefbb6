using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>
/// Parses the Prometheus text exposition format 0.0.4: <c># HELP</c> and <c># TYPE</c> lines, other comments,
/// samples with optional labels (values escaped with <c>\\</c>, <c>\"</c>, <c>\n</c>), special values
/// (<c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>) and optional millisecond timestamps. Written here: no client library is
/// available to this build. Strict: a malformed line is an error naming the line.
/// </summary>
internal static class PrometheusTextParser
{
    public static PrometheusScrape Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var types = ImmutableDictionary.CreateBuilder<string, PrometheusMetricType>(StringComparer.Ordinal);
        var samples = ImmutableArray.CreateBuilder<PrometheusSample>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r').Trim(' ', '\t');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                ReadComment(line, lineNumber, types);
                continue;
            }

            samples.Add(ReadSample(line, lineNumber));
        }

        return new PrometheusScrape(types.ToImmutable(), samples.ToImmutable());
    }

    private static void ReadComment(string line, int lineNumber, ImmutableDictionary<string, PrometheusMetricType>.Builder types)
    {
        var parts = line[1..].TrimStart(' ', '\t').Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] is not ("TYPE" or "HELP"))
        {
            return; // An ordinary comment.
        }

        if (!IsMetricName(parts[1]))
        {
            throw new PrometheusFormatException(lineNumber, $"'{parts[1]}' is not a metric name in a {parts[0]} line.");
        }

        if (parts[0] == "HELP")
        {
            return;
        }

        var type = parts.Length < 3 ? null : parts[2].Trim() switch
        {
            "counter" => PrometheusMetricType.Counter,
            "gauge" => PrometheusMetricType.Gauge,
            "histogram" => PrometheusMetricType.Histogram,
            "summary" => PrometheusMetricType.Summary,
            "untyped" => PrometheusMetricType.Untyped,
            _ => (PrometheusMetricType?)null,
        };
        if (type is null)
        {
            throw new PrometheusFormatException(lineNumber, $"unknown type '{(parts.Length < 3 ? string.Empty : parts[2])}' for {parts[1]}: expected counter, gauge, histogram, summary or untyped.");
        }

        if (!types.TryAdd(parts[1], type.Value))
        {
            throw new PrometheusFormatException(lineNumber, $"a second TYPE line for {parts[1]}.");
        }
    }

    private static PrometheusSample ReadSample(string line, int lineNumber)
    {
        var position = 0;
        while (position < line.Length && IsNameChar(line[position], position == 0, colonAllowed: true))
        {
            position++;
        }

        var name = line[..position];
        if (name.Length == 0)
        {
            throw new PrometheusFormatException(lineNumber, $"a sample must start with a metric name: '{Shorten(line)}'.");
        }

        var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        SkipBlanks(line, ref position);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            ReadLabels(line, lineNumber, ref position, labels);
        }

        SkipBlanks(line, ref position);
        var rest = line[position..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is 0 or > 2)
        {
            throw new PrometheusFormatException(lineNumber, $"{name}: expected a value and an optional timestamp after the name and labels.");
        }

        var value = ParseValue(rest[0]) ?? throw new PrometheusFormatException(lineNumber, $"{name}: '{rest[0]}' is not a number.");
        long? timestamp = null;
        if (rest.Length == 2)
        {
            timestamp = long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                ? ms
                : throw new PrometheusFormatException(lineNumber, $"{name}: '{rest[1]}' is not a timestamp in milliseconds.");
        }

        return new PrometheusSample(name, labels.ToImmutable(), value, timestamp);
    }

    private static void ReadLabels(string line, int lineNumber, ref int position, ImmutableSortedDictionary<string, string>.Builder labels)
    {
        while (true)
        {
            SkipBlanks(line, ref position);
            if (position < line.Length && line[position] == '}')
            {
                position++;
                return;
            }

            var start = position;
            while (position < line.Length && IsNameChar(line[position], position == start, colonAllowed: false))
            {
                position++;
            }

            var labelName = line[start..position];
            SkipBlanks(line, ref position);
            if (labelName.Length == 0 || position >= line.Length || line[position] != '=')
            {
                throw new PrometheusFormatException(lineNumber, $"expected label=\"value\" at column {position + 1}.");
            }

            position++;
            SkipBlanks(line, ref position);
            if (position >= line.Length || line[position] != '"')
            {
                throw new PrometheusFormatException(lineNumber, $"label {labelName}: the value must be in double quotes.");
            }

            position++;
            var value = new StringBuilder();
            while (true)
            {
                if (position >= line.Length)
                {
                    throw new PrometheusFormatException(lineNumber, $"label {labelName}: the value's closing quote is missing.");
                }

                var c = line[position++];
                if (c == '"')
                {
                    break;
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (position >= line.Length)
                {
                    throw new PrometheusFormatException(lineNumber, $"label {labelName}: a backslash ends the line.");
                }

                var escaped = line[position++];
                value.Append(escaped switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    'n' => '\n',
                    _ => throw new PrometheusFormatException(lineNumber, $"label {labelName}: '\\{escaped}' is not an escape (only \\\\, \\\" and \\n are)."),
                });
            }

            if (!labels.TryAdd(labelName, value.ToString()))
            {
                throw new PrometheusFormatException(lineNumber, $"label {labelName} appears twice.");
            }

            SkipBlanks(line, ref position);
            if (position < line.Length && line[position] == ',')
            {
                position++;
            }
            else if (position >= line.Length || line[position] != '}')
            {
                throw new PrometheusFormatException(lineNumber, $"expected ',' or '}}' after label {labelName}.");
            }
        }
    }

    private static double? ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
    };

    private static bool IsMetricName(string text) =>
        text.Length > 0 && text.Select((c, i) => IsNameChar(c, i == 0, colonAllowed: true)).All(ok => ok);

    private static bool IsNameChar(char c, bool first, bool colonAllowed) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (colonAllowed && c == ':') || (!first && c is >= '0' and <= '9');

    private static void SkipBlanks(string line, ref int position)
    {
        while (position < line.Length && line[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
