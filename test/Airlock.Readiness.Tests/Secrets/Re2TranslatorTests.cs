using System.Text.RegularExpressions;
using Airlock.Readiness.Secrets.Engine;

namespace Airlock.Readiness.Tests.Secrets;

public class Re2TranslatorTests
{
    [Theory]
    [InlineData(@"^[[:alnum:]]+$", "abc09", true)]
    [InlineData(@"^[[:alnum:]]+$", "ab-c", false)]
    [InlineData(@"^[[:xdigit:][:punct:]]+$", "af!09", true)]
    [InlineData(@"^\d+$", "١٢٣", false)]
    [InlineData(@"^\w+$", "é", false)]
    [InlineData(@"^a\x{41}$", "aA", true)]
    [InlineData(@"^\Qa.b\E$", "a.b", true)]
    [InlineData(@"^\Qa.b\E$", "axb", false)]
    [InlineData(@"^[]a]+$", "]a", true)]
    [InlineData(@"^[a-z-[]+$", "a-[", true)]
    [InlineData(@"(?i)key(?-i:X)", "KEYX", true)]
    [InlineData(@"(?i)key(?-i:X)", "KEYx", false)]
    [InlineData(@"a\_b", "a_b", true)]
    [InlineData(@"^\101$", "A", true)]
    public void Translate_Re2Construct_MatchesAsGo(string re2, string input, bool expected)
    {
        var regex = new Regex(Re2Translator.Translate(re2));

        Assert.Equal(expected, regex.IsMatch(input));
    }

    [Fact]
    public void Translate_DollarWithoutMultiline_MatchesOnlyAtEndOfText()
    {
        var regex = new Regex(Re2Translator.Translate("abc$"));

        // .NET's $ also matches before a final newline; Go's does not.
        Assert.DoesNotMatch(regex, "abc\n");
        Assert.Matches(regex, "abc");
        Assert.Matches(new Regex(Re2Translator.Translate("(?m)abc$")), "abc\nx");
    }

    [Fact]
    public void Translate_NamedGroups_KeepLeftToRightNumbering()
    {
        var regex = new Regex(Re2Translator.Translate(@"(?P<name>a)(b)"));

        var match = regex.Match("ab");

        Assert.Equal("a", match.Groups[1].Value);
        Assert.Equal("b", match.Groups[2].Value);
    }

    [Theory]
    [InlineData(@"(?U)a*")]
    [InlineData(@"a\1")]
    [InlineData(@"[[:nope:]]")]
    [InlineData(@"abc\")]
    public void Translate_UnsupportedOrInvalid_Throws(string re2)
    {
        Assert.ThrowsAny<ArgumentException>(() => Re2Translator.Translate(re2));
    }
}
