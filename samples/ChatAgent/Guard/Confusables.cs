using System.Collections.Frozen;

namespace ChatAgent.Guard;

/// <summary>
/// Lower-case Cyrillic and Greek letters that look like Latin ones. Applied only inside words that mix scripts
/// ("іgnоre" with Cyrillic і and о), so a message written in Russian or Greek keeps its own letters.
/// Fullwidth and mathematical letters need no table: NFKC folds them.
/// </summary>
internal static class Confusables
{
    private static readonly FrozenDictionary<char, char> Map = new Dictionary<char, char>
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd',
        ['ӏ'] = 'l', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ѵ'] = 'v', ['һ'] = 'h', ['ɡ'] = 'g',

        // Greek
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't',
        ['υ'] = 'u', ['χ'] = 'x', ['γ'] = 'y', ['η'] = 'n', ['ω'] = 'w',

        // Latin lookalikes outside a-z
        ['ı'] = 'i', ['ℓ'] = 'l', ['ſ'] = 's', ['ß'] = 's',
    }.ToFrozenDictionary();

    public static bool TryMap(char c, out char latin) => Map.TryGetValue(c, out latin);
}
