using System.Globalization;

namespace Airlock.Readiness.Dependencies;

/// <summary>A semantic version as npm compares it: numeric core, pre-release identifiers, build metadata ignored.</summary>
internal sealed record NpmVersion(long Major, long Minor, long Patch, IReadOnlyList<string> Prerelease) : IComparable<NpmVersion>
{
    public bool IsPrerelease => Prerelease.Count > 0;

    /// <summary>Parses <c>1.2.3</c>, <c>v1.2.3-beta.1+build</c> or <c>=1.2.3</c> (npm's loose leading characters).</summary>
    public static NpmVersion? TryParse(string text)
    {
        var value = text.Trim().TrimStart('=', 'v', 'V').Trim();
        var plus = value.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            value = value[..plus];
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        var core = dash >= 0 ? value[..dash] : value;
        var pre = dash >= 0 ? value[(dash + 1)..].Split('.') : [];
        var parts = core.Split('.');
        if (parts.Length != 3 || pre.Any(p => p.Length == 0))
        {
            return null;
        }

        return TryNumber(parts[0], out var major) && TryNumber(parts[1], out var minor) && TryNumber(parts[2], out var patch)
            ? new NpmVersion(major, minor, patch, pre)
            : null;
    }

    public int CompareTo(NpmVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return core;
        }

        // A release sorts above its pre-releases; pre-releases compare identifier by identifier.
        if (Prerelease.Count == 0 || other.Prerelease.Count == 0)
        {
            return other.Prerelease.Count.CompareTo(Prerelease.Count);
        }

        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var compared = CompareIdentifier(Prerelease[i], other.Prerelease[i]);
            if (compared != 0)
            {
                return compared;
            }
        }

        return Prerelease.Count.CompareTo(other.Prerelease.Count);
    }

    public bool SameCore(NpmVersion other) => Major == other.Major && Minor == other.Minor && Patch == other.Patch;

    public override string ToString() =>
        Prerelease.Count == 0 ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{string.Join('.', Prerelease)}";

    private static int CompareIdentifier(string left, string right)
    {
        var leftNumeric = TryNumber(left, out var l);
        var rightNumeric = TryNumber(right, out var r);
        return (leftNumeric, rightNumeric) switch
        {
            (true, true) => l.CompareTo(r),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(left, right),
        };
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
