using System.Text;

namespace Airlock.Readiness.Secrets.History;

/// <summary>
/// Paths as git prints them in patch headers: names with control characters, quotes or backslashes
/// come C-quoted (<c>"b/tab\there"</c>, octal bytes for the rest), others as raw bytes.
/// </summary>
internal static class GitQuotedPath
{
    /// <summary>Decodes a header path (quoted or not) and strips <paramref name="prefix"/> ("b/").</summary>
    public static string? Decode(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
    {
        byte[]? unquoted = null;
        if (text.Length >= 2 && text[0] == (byte)'"')
        {
            unquoted = Unquote(text);
            text = unquoted;
        }
        else if (text.Length > 0 && text[^1] == (byte)'\t')
        {
            // Git ends an unquoted name containing a space with a tab, as GNU diff does.
            text = text[..^1];
        }

        if (!text.StartsWith(prefix))
        {
            return null;
        }

        return Encoding.UTF8.GetString(text[prefix.Length..]);
    }

    private static byte[] Unquote(ReadOnlySpan<byte> quoted)
    {
        var end = quoted.LastIndexOf((byte)'"');
        var body = end > 0 ? quoted[1..end] : quoted[1..];
        var bytes = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != (byte)'\\' || i + 1 == body.Length)
            {
                bytes.Add(c);
                continue;
            }

            var next = body[++i];
            if (next is >= (byte)'0' and <= (byte)'7' && i + 2 < body.Length)
            {
                bytes.Add((byte)(((next - '0') << 6) | ((body[i + 1] - '0') << 3) | (body[i + 2] - '0')));
                i += 2;
                continue;
            }

            bytes.Add(next switch
            {
                (byte)'a' => 7,
                (byte)'b' => 8,
                (byte)'t' => 9,
                (byte)'n' => 10,
                (byte)'v' => 11,
                (byte)'f' => 12,
                (byte)'r' => 13,
                _ => next,
            });
        }

        return [.. bytes];
    }
}
