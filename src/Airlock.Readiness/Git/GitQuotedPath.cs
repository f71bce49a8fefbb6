using System.Text;

namespace Airlock.Readiness.Git;

/// <summary>
/// Undoes git's C-style quoting of paths in line-oriented output. With <c>core.quotepath=off</c> git still
/// quotes paths holding control characters, quotes or backslashes, so a path with a tab stays one path.
/// </summary>
internal static class GitQuotedPath
{
    public static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length - 1)
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length - 1 ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, length)));
                i += length - 1;
                continue;
            }

            var next = text[++i];
            if (next is >= '0' and <= '7' && i + 2 < text.Length - 1)
            {
                // Octal escapes are raw bytes of a UTF-8 sequence, so they are decoded together at the end.
                bytes.Add((byte)(((next - '0') << 6) | ((text[i + 1] - '0') << 3) | (text[i + 2] - '0')));
                i += 2;
                continue;
            }

            bytes.Add(next switch
            {
                'a' => 0x07,
                'b' => 0x08,
                't' => 0x09,
                'n' => 0x0a,
                'v' => 0x0b,
                'f' => 0x0c,
                'r' => 0x0d,
                _ => (byte)next,
            });
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
