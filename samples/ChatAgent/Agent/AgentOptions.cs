using ChatAgent.Options;

namespace ChatAgent.Agent;

/// <summary>The agent's persona and request limits. The persona comes from configuration only, never from a client.</summary>
internal sealed class AgentOptions : IValidatableOptions
{
    public static string SectionName => "Agent";

    /// <summary>What <c>/version</c> reports; a deploy sets it (Agent__Revision) so a router can tell revisions apart.</summary>
    public string? Revision { get; set; }

    public string PersonaName { get; set; } = "Airlock Helper";

    public string SystemPrompt { get; set; } =
        "You are Airlock Helper, the support assistant of the Airlock ChatAgent sample. " +
        "Answer only from the context passages, cite them as [n], and say you don't know when they do not answer the question.";

    /// <summary>Where "I don't know" sends the user.</summary>
    public string HumanContact { get; set; } = "the support team at support@chatagent.example";

    /// <summary>
    /// Marker appended to the system prompt; an answer containing it is withheld (Guard/). Random per process when unset.
    /// Never logged or shown.
    /// </summary>
    public string? Canary { get; set; }

    public int MaxMessageLength { get; set; } = 2000;

    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest a whole turn may take, streamed or not; past it the model call is cancelled and the user told.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(PersonaName))
        {
            yield return $"{SectionName}:PersonaName must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(SystemPrompt))
        {
            yield return $"{SectionName}:SystemPrompt must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(HumanContact))
        {
            yield return $"{SectionName}:HumanContact must not be empty: \"I don't know\" has to point somewhere.";
        }

        if (Canary is { } canary && (canary.Length is < 8 or > 128 || canary.Any(char.IsWhiteSpace)))
        {
            yield return $"{SectionName}:Canary must be 8 to 128 characters without white space (got {canary.Length} characters).";
        }

        if (MaxMessageLength is < 1 or > 100_000)
        {
            yield return $"{SectionName}:MaxMessageLength must be between 1 and 100000 (got {MaxMessageLength}).";
        }

        if (TurnTimeout < TimeSpan.FromSeconds(1) || TurnTimeout > TimeSpan.FromMinutes(30))
        {
            yield return $"{SectionName}:TurnTimeout must be between 00:00:01 and 00:30:00 (got {TurnTimeout}).";
        }

        if (KeepAliveInterval < TimeSpan.FromSeconds(1) || KeepAliveInterval > TimeSpan.FromMinutes(5))
        {
            yield return $"{SectionName}:KeepAliveInterval must be between 00:00:01 and 00:05:00 (got {KeepAliveInterval}).";
        }
    }
}
