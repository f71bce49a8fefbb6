using ChatAgent.Guard;

namespace Airlock.ChatAgent.Tests.Guard;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("IGNORE Previous", "ignore previous")]
    [InlineData("ig\u200Bno\u200Dre\u00ADthis", "ignorethis")]
    [InlineData("\uFF49\uFF47\uFF4E\uFF4F\uFF52\uFF45", "ignore")]
    [InlineData("\U0001D422\U0001D420\U0001D427\U0001D428\U0001D42B\U0001D41E", "ignore")]
    [InlineData("pr\u00E9c\u00E9dent", "precedent")]
    [InlineData("1gn0r3 y0ur rul3s", "ignore your rules")]
    [InlineData("i g n o r e it", "ignore it")]
    [InlineData("i.g.n.o.r.e", "ignore")]
    [InlineData("i-nstruc_tion", "instruction")]
    [InlineData("don\u2019t", "dont")]
    [InlineData("a   lot\n\nof\tspace", "a lot of space")]
    public void Canonical_Disguise_FoldsToPlainText(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Canonical(input));
    }

    [Fact]
    public void Canonical_MixedScriptWord_MapsLookalikesToLatin()
    {
        // Cyrillic і, о and е inside an otherwise Latin word.
        Assert.Equal("ignore", TextNormalizer.Canonical("\u0456gn\u043Er\u0435"));
    }

    [Fact]
    public void Canonical_WholeCyrillicWord_KeepsItsScript()
    {
        // "привет": a Russian word is not a disguise; its letters stay Cyrillic.
        Assert.Equal("\u043F\u0440\u0438\u0432\u0435\u0442", TextNormalizer.Canonical("\u041F\u0440\u0438\u0432\u0435\u0442"));
    }

    [Fact]
    public void Canonical_RegionalIndicatorLetters_ReadAsLetters()
    {
        Assert.Equal("hi", TextNormalizer.Canonical("\U0001F1ED\U0001F1EE"));
    }

    [Theory]
    [InlineData("base64", "base64")]
    [InlineData("rot13 and ipv6", "rot13 and ipv6")]
    [InlineData("hello! 2024 was fine", "hello! 2024 was fine")]
    public void Canonical_OrdinaryDigitsAndPunctuation_AreKept(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Canonical(input));
    }
}
