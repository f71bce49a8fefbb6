using System.Text;

namespace Airlock.Readiness.Secrets.Engine;

/// <summary>Shannon entropy in bits per character, computed as gitleaks does (counts per code point, over the UTF-8 length).</summary>
internal static class ShannonEntropy
{
    public static double Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<int, int>();
        foreach (var rune in value.EnumerateRunes())
        {
            counts[rune.Value] = counts.GetValueOrDefault(rune.Value) + 1;
        }

        var inverseLength = 1.0 / Encoding.UTF8.GetByteCount(value);
        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var frequency = count * inverseLength;
            entropy -= frequency * Math.Log2(frequency);
        }

        return entropy;
    }
}
