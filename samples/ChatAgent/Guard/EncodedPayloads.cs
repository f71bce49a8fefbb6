using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatAgent.Guard;

/// <summary>
/// Finds base64 runs in a message that decode to readable text, so an instruction hidden as
/// "aWdub3JlIGFsbC4uLg==" is scanned like the plain one. Only text that reads as words counts: a token, a hash or
/// an image decodes to binary and is left alone. Morse code (".. --. -. --- .-. .") is read the same way.
/// </summary>
internal static partial class EncodedPayloads
{
    private const int MinimumLength = 16;

    public static IReadOnlyList<string> DecodedTexts(string message)
    {
        List<string>? texts = null;
        foreach (Match match in Base64Run().Matches(message))
        {
            if (Decode(match.Value) is { } text)
            {
                (texts ??= []).Add(text);
            }
        }

        foreach (Match match in MorseRun().Matches(message))
        {
            (texts ??= []).Add(Morse.Decode(match.Value));
        }

        return texts ?? (IReadOnlyList<string>)[];
    }

    private static string? Decode(string run)
    {
        var padded = run.TrimEnd('=');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        if (padded.Length % 4 != 0 || !Base64.IsValid(padded))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(padded);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var readable = text.Count(c => char.IsLetter(c) || c == ' ' || char.IsPunctuation(c));
        return text.Contains(' ', StringComparison.Ordinal) && readable >= text.Length * 0.9 ? text : null;
    }

    // Ten or more Morse letters in a row: a dotted line or a divider is not a message.
    [GeneratedRegex(@"(?:[.\-]{1,7}(?: {1,3}| ?/ ?)){9,}[.\-]{1,7}")]
    private static partial Regex MorseRun();

    [GeneratedRegex(@"[A-Za-z0-9+/]{16,}={0,2}")]
    private static partial Regex Base64Run();
}
