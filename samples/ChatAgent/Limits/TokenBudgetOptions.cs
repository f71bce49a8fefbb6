using ChatAgent.Options;

namespace ChatAgent.Limits;

/// <summary>Model tokens (input plus output) one user, and all users together, may spend per window.</summary>
internal sealed class TokenBudgetOptions : IValidatableOptions
{
    public static string SectionName => "Limits";

    public long UserTokensPerWindow { get; set; } = 50_000;

    public long GlobalTokensPerWindow { get; set; } = 2_000_000;

    /// <summary>Fixed windows aligned to the clock (a one-hour window resets on the hour).</summary>
    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<string> Validate()
    {
        if (UserTokensPerWindow < 1)
        {
            yield return $"{SectionName}:UserTokensPerWindow must be at least 1 (got {UserTokensPerWindow}).";
        }

        if (GlobalTokensPerWindow < UserTokensPerWindow)
        {
            yield return $"{SectionName}:GlobalTokensPerWindow ({GlobalTokensPerWindow}) must be at least UserTokensPerWindow ({UserTokensPerWindow}).";
        }

        if (TokenWindow < TimeSpan.FromSeconds(1) || TokenWindow > TimeSpan.FromDays(31))
        {
            yield return $"{SectionName}:TokenWindow must be between 00:00:01 and 31.00:00:00 (got {TokenWindow}).";
        }
    }
}
