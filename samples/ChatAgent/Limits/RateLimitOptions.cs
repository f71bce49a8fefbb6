using ChatAgent.Options;

namespace ChatAgent.Limits;

internal sealed class RateLimitOptions : IValidatableOptions
{
    public static string SectionName => "RateLimit";

    /// <summary>Turns one user may start per window.</summary>
    public int PermitsPerWindow { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Turns all users together may start per window: the ceiling on what the model quota is spent at.</summary>
    public int GlobalPermitsPerWindow { get; set; } = 600;

    /// <summary>Agent turns in flight at once; a stream holds its slot until its terminal event.</summary>
    public int MaxConcurrentTurns { get; set; } = 64;

    public IEnumerable<string> Validate()
    {
        if (PermitsPerWindow < 1)
        {
            yield return $"{SectionName}:PermitsPerWindow must be at least 1 (got {PermitsPerWindow}).";
        }

        if (GlobalPermitsPerWindow < PermitsPerWindow)
        {
            yield return $"{SectionName}:GlobalPermitsPerWindow ({GlobalPermitsPerWindow}) must be at least PermitsPerWindow ({PermitsPerWindow}).";
        }

        if (MaxConcurrentTurns < 1)
        {
            yield return $"{SectionName}:MaxConcurrentTurns must be at least 1 (got {MaxConcurrentTurns}).";
        }

        if (Window < TimeSpan.FromSeconds(1))
        {
            yield return $"{SectionName}:Window must be at least 00:00:01 (got {Window}).";
        }
    }
}
