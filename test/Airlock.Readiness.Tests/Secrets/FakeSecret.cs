namespace Airlock.Readiness.Tests.Secrets;

/// <summary>
/// Builds realistic-looking fake secrets at run time, so the test sources themselves hold no string a
/// secret scanner would report (and the random part has a secret's entropy, unlike "aaaa...").
/// </summary>
internal static class FakeSecret
{
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Digits = "0123456789";
    public const string Hex = "0123456789abcdef";
    public const string Alnum = Upper + Lower + Digits;
    public const string Letters = Upper + Lower;
    public const string Base64Url = Alnum + "_-";
    public const string Base64 = Alnum + "+/";

    /// <summary>A deterministic random string over the alphabet (the seed keeps failures reproducible).</summary>
    public static string Random(string alphabet, int length, int seed = 7)
    {
        var random = new Random(seed * 7919 + length);
        return string.Create(length, (alphabet, random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
    }

    public static string Join(params string[] parts) => string.Concat(parts);
}
