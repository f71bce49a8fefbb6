using System.Globalization;
using System.Text.RegularExpressions;

namespace Airlock.Core.Config;

/// <summary>Parses the quantities config files use: durations (<c>90s</c>, <c>5m</c>) and sizes (<c>50MiB</c>).</summary>
public static partial class ConfigQuantities
{
    public const string DurationHint = "write a number with a unit: 500ms, 30s, 5m, 1h";
    public const string SizeHint = "write a number of bytes or with a unit: 512KiB, 50MiB, 1GiB (MB = 1000^2, MiB = 1024^2)";

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        duration = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.MinValue,
        };
        return duration != TimeSpan.MinValue;
    }

    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        double? multiplier = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "KIB" => 1024,
            "MIB" => 1024 * 1024,
            "GIB" => 1024.0 * 1024 * 1024,
            _ => null,
        };
        if (multiplier is null)
        {
            return false;
        }

        bytes = (long)Math.Round(value * multiplier.Value);
        return true;
    }

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?)\s*(?<unit>ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?)\s*(?<unit>[KMG]i?B|B)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
