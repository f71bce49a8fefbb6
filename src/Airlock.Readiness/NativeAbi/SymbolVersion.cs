using System.Globalization;

namespace Airlock.Readiness.NativeAbi;

/// <summary>A versioned symbol family such as <c>GLIBC_2.34</c> or <c>GLIBCXX_3.4.30</c>, compared numerically.</summary>
internal sealed record SymbolVersion(string Family, Version Number) : IComparable<SymbolVersion>
{
    public override string ToString() => $"{Family}_{Number}";

    /// <summary>Parses <c>FAMILY_x.y[.z]</c>; <c>GLIBC_PRIVATE</c> and other non-numeric tags are not versions.</summary>
    public static bool TryParse(string text, out SymbolVersion version)
    {
        ArgumentNullException.ThrowIfNull(text);
        version = null!;
        var underscore = text.LastIndexOf('_');
        if (underscore <= 0 || !TryParseNumber(text[(underscore + 1)..], out var number))
        {
            return false;
        }

        version = new SymbolVersion(text[..underscore], number);
        return true;
    }

    /// <summary>Parses <c>x.y[.z]</c> as written in airlock.yaml (<c>2.36</c>).</summary>
    public static bool TryParseNumber(string text, out Version number)
    {
        number = null!;
        var parts = text.Trim().Split('.');
        if (parts.Length is < 2 or > 4 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        return Version.TryParse(string.Join('.', parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture))), out number!);
    }

    public int CompareTo(SymbolVersion? other) => other is null ? 1 : Number.CompareTo(other.Number);
}
