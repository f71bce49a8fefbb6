using System.Globalization;

namespace Airlock.Readiness.Live;

/// <summary>Reads one sample's value from Prometheus text exposition (0.0.4): the first line of the named series.</summary>
internal static class PrometheusSample
{
    public static double? Find(string text, string metric)
    {
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#' || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            if (rest.IsEmpty || (rest[0] != ' ' && rest[0] != '{'))
            {
                continue;
            }

            if (rest[0] == '{')
            {
                var close = rest.LastIndexOf('}');
                if (close < 0)
                {
                    continue;
                }

                rest = rest[(close + 1)..];
            }

            rest = rest.Trim();
            var space = rest.IndexOf(' ');
            var value = space < 0 ? rest : rest[..space];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }
}
