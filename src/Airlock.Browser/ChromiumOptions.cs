namespace Airlock.Browser;

/// <summary>How <see cref="HeadlessChromium.LaunchAsync"/> starts the browser.</summary>
public sealed class ChromiumOptions
{
    /// <summary>Debian's package installs its launcher here (<c>apt-get install -y chromium</c>).</summary>
    public const string DebianExecutablePath = "/usr/bin/chromium";

    /// <summary>The browser executable; the <c>AIRLOCK_CHROMIUM</c> environment variable overrides the Debian path.</summary>
    public string ExecutablePath { get; set; } = Environment.GetEnvironmentVariable("AIRLOCK_CHROMIUM") is { Length: > 0 } path
        ? path
        : DebianExecutablePath;

    /// <summary>How long the browser may take to open its DevTools endpoint.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on any one DevTools command, so a wedged browser fails a test instead of hanging it.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra command-line switches, appended after Airlock's own.</summary>
    public IList<string> ExtraArguments { get; } = [];

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ExecutablePath))
        {
            yield return "ChromiumOptions.ExecutablePath is empty.";
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            yield return $"ChromiumOptions.StartTimeout must be positive (got {StartTimeout}).";
        }

        if (CommandTimeout <= TimeSpan.Zero)
        {
            yield return $"ChromiumOptions.CommandTimeout must be positive (got {CommandTimeout}).";
        }
    }
}
