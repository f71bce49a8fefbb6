using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatAgent.Guard;

/// <summary>
/// Folds the disguises attackers use into one canonical, lower-case form that the rules are written against:
/// compatibility forms (fullwidth, mathematical, circled letters), accents, invisible characters (zero-width, bidi controls,
/// soft hyphens), mixed-script lookalikes, leetspeak inside words, separators inside words ("i-nstruction"),
/// letter-by-letter spacing ("i g n o r e") and runs of white space.
/// </summary>
internal static partial class TextNormalizer
{
    private const int RegionalIndicatorA = 0x1F1E6;

    public static string Canonical(string text)
    {
        var folded = FoldCharacters(text);
        var words = FoldWords(folded);
        var joined = SpacedLetters().Replace(words, m => StripSeparators(m.Value));
        return WhiteSpace().Replace(joined, " ").Trim();
    }

    // Compatibility forms and accented letters folded (UnicodeFolding), combining marks and invisible characters
    // dropped, quotes made ASCII, regional-indicator emoji (flag letters) read as the letters they show.
    private static string FoldCharacters(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var original in text.EnumerateRunes())
        {
            var rune = UnicodeFolding.TryFold(original.Value, out var folded) ? new Rune(folded) : original;
            if (rune.Value is >= RegionalIndicatorA and <= RegionalIndicatorA + 25)
            {
                builder.Append((char)('a' + (rune.Value - RegionalIndicatorA)));
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                    continue;
                case UnicodeCategory.Control when rune.Value is not ('\n' or '\r' or '\t'):
                    continue;
                default:
                    break;
            }

            switch (rune.Value)
            {
                case '\u2018' or '\u2019' or '\u02BC' or '`':
                    builder.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u00AB' or '\u00BB':
                    builder.Append('"');
                    break;
                default:
                    builder.Append(Rune.ToLowerInvariant(rune).ToString());
                    break;
            }
        }

        return builder.ToString();
    }

    // Per word: lookalikes mapped when the word mixes scripts; leet digits mapped when the word has letters;
    // separators between letters dropped.
    private static string FoldWords(string text) => Word().Replace(text, m => FoldWord(m.Value));

    private static string FoldWord(string word)
    {
        if (IsPlainWord(word))
        {
            return word;
        }

        var hasLatin = false;
        var hasOther = false;
        var hasLetter = false;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z')
            {
                hasLatin = true;
                hasLetter = true;
            }
            else if (char.IsLetter(c))
            {
                hasLetter = true;
                hasOther |= Confusables.TryMap(c, out _);
            }
        }

        if (!hasLetter)
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (hasLatin && hasOther && Confusables.TryMap(c, out var latin))
            {
                builder.Append(latin);
                continue;
            }

            var between = i > 0 && i < word.Length - 1 && char.IsLetter(word[i - 1]) && char.IsLetter(word[i + 1]);
            var lonelyDigit = (i == 0 || !char.IsDigit(word[i - 1])) && (i == word.Length - 1 || !char.IsDigit(word[i + 1]));
            if (hasLatin && (lonelyDigit || !char.IsDigit(c)) && Leet(c, between) is { } letter)
            {
                builder.Append(letter);
                continue;
            }

            // "i-nstruction", "ign_ore", "ig*nore", "don't": a separator between two letters is noise.
            if (c is '-' or '_' or '*' or '\'' && i > 0 && i < word.Length - 1 && char.IsLetter(word[i - 1]) && char.IsLetterOrDigit(word[i + 1]))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsPlainWord(string word)
    {
        foreach (var c in word)
        {
            if (c is not (>= 'a' and <= 'z'))
            {
                return false;
            }
        }

        return true;
    }

    // Single digits in a word with Latin letters ("1gn0r3", but not "rot13" or "base64"); symbols only between
    // letters ("h@ck", not "hello!").
    private static char? Leet(char c, bool betweenLetters) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '!' or '|' when betweenLetters => 'i',
        '@' when betweenLetters => 'a',
        '$' when betweenLetters => 's',
        '+' when betweenLetters => 't',
        _ => null,
    };

    private static string StripSeparators(string spaced)
    {
        var builder = new StringBuilder(spaced.Length);
        foreach (var c in spaced)
        {
            if (char.IsLetter(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // A word here: letters, digits and the characters leet and separators use, so "1gn0r3" and "i-gnore" are one word.
    [GeneratedRegex(@"[\p{L}\p{Nd}](?:[\p{L}\p{Nd}@$!|+*'_\-]*[\p{L}\p{Nd}])?")]
    private static partial Regex Word();

    // Three or more single letters each followed by one separator: "i g n o r e", "i.g.n.o.r.e".
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?:\p{L}[ .\-*_/]){2,}\p{L}(?![\p{L}\p{Nd}])")]
    private static partial Regex SpacedLetters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
