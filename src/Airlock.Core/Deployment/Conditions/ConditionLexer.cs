using System.Globalization;

namespace Airlock.Core.Deployment;

/// <summary>
/// Splits a condition into words, operators and numbers with their unit suffix. Spaces are optional around operators
/// (<c>p99&gt;2s</c> reads like <c>p99 &gt; 2s</c>) but a unit must touch its number (<c>5 %</c> is two tokens).
/// </summary>
internal static class ConditionLexer
{
    public static List<ConditionToken> Tokenize(string text)
    {
        var tokens = new List<ConditionToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new ConditionToken(ConditionTokenKind.End, string.Empty, text.Length));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (c is '<' or '>' or '=' or '!')
            {
                while (i < text.Length && text[i] is '<' or '>' or '=' or '!')
                {
                    i++;
                }

                tokens.Add(new ConditionToken(ConditionTokenKind.Operator, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c) || (c is '.' or '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var digitsEnd = i;
                while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '%'))
                {
                    i++;
                }

                var digits = text[start..digitsEnd];
                var parsed = double.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number);
                tokens.Add(parsed
                    ? new ConditionToken(ConditionTokenKind.Number, text[start..i], start, number, text[digitsEnd..i])
                    : new ConditionToken(ConditionTokenKind.Other, text[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or ':' or '.' or '-'))
                {
                    i++;
                }

                tokens.Add(new ConditionToken(ConditionTokenKind.Word, text[start..i], start));
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                tokens.Add(new ConditionToken(ConditionTokenKind.Other, text[start..i], start));
            }
        }
    }
}
