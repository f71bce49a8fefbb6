using System.Collections.Frozen;
using System.Globalization;

namespace ChatAgent.Guard;

/// <summary>
/// Compatibility folding without ICU: fullwidth, mathematical and circled letters to plain ones, accented letters to
/// their base letter. The app runs with invariant globalization, where <see cref="string.Normalize()"/> leaves
/// non-ASCII text as it is, so the table (UnicodeFolding.txt, generated from Unicode data) is embedded instead.
/// </summary>
internal static class UnicodeFolding
{
    public const string ResourceName = "ChatAgent.Guard.UnicodeFolding.txt";

    private static readonly FrozenDictionary<int, int> Map = Load();

    public static bool TryFold(int codePoint, out int folded) => Map.TryGetValue(codePoint, out folded);

    private static FrozenDictionary<int, int> Load()
    {
        using var stream = typeof(UnicodeFolding).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<int, int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            var first = int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var count = int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var target = int.Parse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                map[first + i] = target + i;
            }
        }

        return map.ToFrozenDictionary();
    }
}
