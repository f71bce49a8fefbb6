using ChatAgent.Options;

namespace ChatAgent.Guard;

/// <summary>The prompt-injection guard on input and the leak check on output. The canary itself is <c>Agent:Canary</c>.</summary>
internal sealed class GuardOptions : IValidatableOptions
{
    public static string SectionName => "Guard";

    /// <summary>Off only to demonstrate an unguarded revision being caught; both checks stop.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Summed rule weight at which a message is refused (see Guard/InjectionRules.txt).</summary>
    public double Threshold { get; set; } = 1.0;

    /// <summary>
    /// Words of the system prompt an answer may repeat in a row before it counts as a leak. The default prompt's own
    /// self-description ("Airlock Helper, the support assistant of the Airlock ChatAgent sample") is 10 words.
    /// </summary>
    public int VerbatimRunWords { get; set; } = 12;

    public IEnumerable<string> Validate()
    {
        if (Threshold is < 0.1 or > 10 || double.IsNaN(Threshold))
        {
            yield return $"{SectionName}:Threshold must be between 0.1 and 10 (got {Threshold}); 1 is a single strong rule.";
        }

        if (VerbatimRunWords is < 5 or > 500)
        {
            yield return $"{SectionName}:VerbatimRunWords must be between 5 and 500 (got {VerbatimRunWords}).";
        }
    }
}
