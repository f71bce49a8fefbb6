namespace ChatAgent.Guard;

/// <summary>
/// What a guard block was for; the <c>kind</c> label of <c>chatagent_guard_blocks_total</c>. The input kinds use the
/// benchmark's names so recall per kind reads straight across.
/// </summary>
internal static class GuardKinds
{
    /// <summary>"Ignore your previous instructions", fake system or role markers, new instructions smuggled in.</summary>
    public const string Injection = "injection";

    /// <summary>Role-play and "no rules" framings meant to lift the assistant's limits (DAN, developer mode...).</summary>
    public const string Jailbreak = "jailbreak";

    /// <summary>Asking for the system prompt, the initial instructions or the configuration.</summary>
    public const string SystemPromptExtraction = "system-prompt-extraction";

    /// <summary>Replacing who the assistant is ("you are no longer...", "your new name is...").</summary>
    public const string PersonaOverride = "persona-override";

    /// <summary>An answer that carried the system prompt's canary or a long verbatim run of the system prompt.</summary>
    public const string Canary = "canary";

    public static IReadOnlyList<string> InputKinds { get; } = [Injection, Jailbreak, SystemPromptExtraction, PersonaOverride];

    public static bool IsInputKind(string kind) => InputKinds.Contains(kind, StringComparer.Ordinal);
}
