namespace Airlock.Core.Readiness;

/// <summary>The one place where severities and countdown steps get their user-facing and config spellings.</summary>
public static class ReadinessNames
{
    public static string Display(this Severity severity) => severity switch
    {
        Severity.BlocksLaunch => "Blocks Launch",
        Severity.DegradesIt => "Degrades It",
        Severity.Cosmetic => "Cosmetic",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    public static string Key(this Severity severity) => severity switch
    {
        Severity.BlocksLaunch => "blocks-launch",
        Severity.DegradesIt => "degrades",
        Severity.Cosmetic => "cosmetic",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    public static string Display(this CountdownStep step) => step switch
    {
        CountdownStep.SetSecret => "set secret",
        CountdownStep.Build => "build",
        CountdownStep.Test => "test",
        CountdownStep.Deploy => "deploy",
        CountdownStep.OpenUrl => "open URL",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown countdown step."),
    };

    public static string Key(this CountdownStep step) => step switch
    {
        CountdownStep.SetSecret => "set-secret",
        CountdownStep.Build => "build",
        CountdownStep.Test => "test",
        CountdownStep.Deploy => "deploy",
        CountdownStep.OpenUrl => "open-url",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown countdown step."),
    };

    public static bool TryParseSeverity(string text, out Severity severity)
    {
        foreach (var candidate in Enum.GetValues<Severity>())
        {
            if (string.Equals(candidate.Key(), text, StringComparison.OrdinalIgnoreCase))
            {
                severity = candidate;
                return true;
            }
        }

        severity = default;
        return false;
    }

    public static bool TryParseStep(string text, out CountdownStep step)
    {
        foreach (var candidate in Enum.GetValues<CountdownStep>())
        {
            if (string.Equals(candidate.Key(), text, StringComparison.OrdinalIgnoreCase))
            {
                step = candidate;
                return true;
            }
        }

        step = default;
        return false;
    }
}
