using System.Text.RegularExpressions;

namespace ChatAgent.Tools;

/// <summary>Recognises "what time is it in Tokyo?" and its close variants, so knowledge-base-only mode can call the clock tool.</summary>
internal static partial class TimeQuestion
{
    // Deliberately narrow: a bare "time in ..." ("time in transit for parcels?") is a knowledge-base question.
    /// <summary>The place asked about, or null when the message is not a question about the current time somewhere.</summary>
    public static string? Place(string message)
    {
        var match = Pattern().Match(message);
        return match.Success ? match.Groups["place"].Value.Trim() : null;
    }

    [GeneratedRegex(
        @"^\s*(?:what(?:'s|\s+is)?\s+the\s+(?:current\s+)?time|what\s+time\s+is\s+it|(?:the\s+)?current\s+time)\s+(?:right\s+now\s+|now\s+)?in\s+(?<place>[\p{L}][\p{L}\s_/'-]{0,63}?)\s*(?:right\s+now|now|today)?\s*[?.!]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
