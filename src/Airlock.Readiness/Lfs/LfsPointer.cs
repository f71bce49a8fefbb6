using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Airlock.Readiness.Lfs;

/// <summary>
/// A Git LFS pointer file as the git-lfs spec defines it: UTF-8 <c>key value</c> lines, <c>version</c> first
/// (<c>https://git-lfs.github.com/spec/v1</c>, or the pre-release <c>https://hawser.github.com/spec/v1</c>), then
/// <c>oid sha256:&lt;64 hex&gt;</c> and <c>size &lt;bytes&gt;</c>; smaller than 1024 bytes.
/// </summary>
internal sealed partial record LfsPointer(string Oid, long Size)
{
    /// <summary>The spec caps pointer files below this size, so larger files are never read.</summary>
    public const int MaxBytes = 1024;

    /// <summary>The smallest valid pointer (version, oid and a one-digit size) is larger than this.</summary>
    public const int MinBytes = 100;

    public static LfsPointer? TryParse(ReadOnlySpan<byte> content)
    {
        if (content.Length is < MinBytes or >= MaxBytes || !content.StartsWith("version "u8))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var lines = text.TrimEnd('\n').Split('\n');
        if (lines.Length < 3 || !Version().IsMatch(lines[0]) || lines.Any(l => !KeyValue().IsMatch(l)))
        {
            return null;
        }

        var oid = lines.Select(l => OidLine().Match(l)).FirstOrDefault(m => m.Success);
        var size = lines.Select(l => SizeLine().Match(l)).FirstOrDefault(m => m.Success);
        return oid is null || size is null || !long.TryParse(size.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? null
            : new LfsPointer(oid.Groups[1].Value, bytes);
    }

    [GeneratedRegex(@"^version https://(git-lfs\.github\.com|hawser\.github\.com)/spec/v1$")]
    private static partial Regex Version();

    [GeneratedRegex(@"^[a-z0-9.-]+ \S.*$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^oid sha256:([0-9a-f]{64})$")]
    private static partial Regex OidLine();

    [GeneratedRegex(@"^size ([0-9]+)$")]
    private static partial Regex SizeLine();
}
