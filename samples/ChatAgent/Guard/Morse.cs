using System.Collections.Frozen;
using System.Text;

namespace ChatAgent.Guard;

/// <summary>International Morse code to text: letters split by one space, words by two or more or by '/'.</summary>
internal static class Morse
{
    private static readonly FrozenDictionary<string, char> Letters = new Dictionary<string, char>
    {
        [".-"] = 'a', ["-..."] = 'b', ["-.-."] = 'c', ["-.."] = 'd', ["."] = 'e', ["..-."] = 'f', ["--."] = 'g',
        ["...."] = 'h', [".."] = 'i', [".---"] = 'j', ["-.-"] = 'k', [".-.."] = 'l', ["--"] = 'm', ["-."] = 'n',
        ["---"] = 'o', [".--."] = 'p', ["--.-"] = 'q', [".-."] = 'r', ["..."] = 's', ["-"] = 't', ["..-"] = 'u',
        ["...-"] = 'v', [".--"] = 'w', ["-..-"] = 'x', ["-.--"] = 'y', ["--.."] = 'z',
        ["-----"] = '0', [".----"] = '1', ["..---"] = '2', ["...--"] = '3', ["....-"] = '4', ["....."] = '5',
        ["-...."] = '6', ["--..."] = '7', ["---.."] = '8', ["----."] = '9', [".-.-.-"] = '.', ["--..--"] = ',',
        ["..--.."] = '?', ["-.-.--"] = '!', ["-..-."] = '/', ["-....-"] = '-', [".----."] = '\'', [".-..-."] = '"',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Decode(string code)
    {
        var text = new StringBuilder(code.Length / 3);
        foreach (var word in code.Replace("/", "  ", StringComparison.Ordinal).Split("  ", StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var letter in word.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append(Letters.TryGetValue(letter, out var c) ? c : '?');
            }

            text.Append(' ');
        }

        return text.ToString().TrimEnd();
    }
}
