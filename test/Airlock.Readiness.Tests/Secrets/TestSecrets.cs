namespace Airlock.Readiness.Tests.Secrets;

/// <summary>Credential-shaped test values, built from parts at run time so that no such literal sits in the source.</summary>
internal static class TestSecrets
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A value of the shape the default <c>openai-api-key</c> rule detects.</summary>
    public static string OpenAiKey(int seed) =>
        "sk-" + "proj-" + Random(seed, 24) + "T3Blbk" + "FJ" + Random(seed + 1000, 24);

    /// <summary>A value for <see cref="CustomRules"/>: the secret is the 32 characters after the prefix.</summary>
    public static string CustomToken(int seed) => "airlock" + "_test_" + Random(seed, 32).ToLowerInvariant();

    /// <summary>A gitleaks-format rule set detecting <see cref="CustomToken"/>.</summary>
    public const string CustomRules = """
        title = "test rules"

        [[rules]]
        id = "airlock-test-token"
        description = "Airlock test token"
        regex = '''airlock_test_([a-z0-9]{32})'''
        secretGroup = 1
        keywords = ["airlock_test_"]
        """;

    private static string Random(int seed, int length)
    {
        var random = new Random(seed);
        return new string([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
    }
}
